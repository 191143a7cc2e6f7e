/**
 * The Karpenter frontend plugin: entity card, entity tab and the scaffolder field that changes
 * a cluster's NodePools.
 *
 * @packageDocumentation
 */
export {
  karpenterPlugin,
  EntityKarpenterCard,
  EntityKarpenterContent,
  KarpenterNodePoolsChangeFieldExtension,
} from './plugin';
export type {
  KarpenterNodePoolsChangeSource,
  KarpenterNodePoolsChangeUiOptions,
  KarpenterNodePoolsChangeValue,
  NodePoolsChangeFieldProps,
} from './components/NodePoolsChangeField';
export { isKarpenterAvailable } from './isKarpenterAvailable';
export { KARPENTER_PERFORMANCE_MARKS } from './hooks';
export { karpenterApiRef, KarpenterClient } from './api';
export type {
  CostHistoryQuery,
  EntityRefParts,
  InterruptionQuery,
  KarpenterApi,
  NodeClaimQuery,
} from './api';
