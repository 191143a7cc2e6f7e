/*
 * The value grammars Karpenter's objects use, each implemented once: Go durations, Kubernetes
 * quantities, disruption budget schedules and DNS-1123 labels. Shared by the health model, the
 * template rules and the simulator.
 */
export {
  BUDGET_SCHEDULE_PATTERN,
  parseBudgetSchedule,
  scheduleActive,
} from './budgetSchedule';
export type { BudgetSchedule } from './budgetSchedule';
export { parseGoDuration } from './duration';
export type { GoDuration } from './duration';
export { parseKubernetesQuantity, parseQuantity } from './quantity';
export type { KubernetesQuantity, QuantityFormat } from './quantity';
export { DNS1123_LABEL_PATTERN } from './names';
