/**
 * Common types, annotations, permissions and models of the Karpenter plugins.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './permissions';
export * from './types';
export * from './interruptions';
export * from './health';
export * from './api';
export * from './selectors';
export {
  BUDGET_SCHEDULE_PATTERN,
  DNS1123_LABEL_PATTERN,
  parseBudgetSchedule,
  parseGoDuration,
  parseKubernetesQuantity,
  parseQuantity,
  scheduleActive,
} from './values';
export type {
  BudgetSchedule,
  GoDuration,
  KubernetesQuantity,
  QuantityFormat,
} from './values';
export * from './schema';
