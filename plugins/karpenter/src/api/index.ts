export { karpenterApiRef } from './KarpenterApi';
export type {
  CostHistoryQuery,
  KarpenterApi,
  NodeClaimQuery,
  InterruptionQuery,
  EntityRefParts,
} from './KarpenterApi';
export { KarpenterClient } from './KarpenterClient';
