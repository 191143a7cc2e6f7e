export { karpenterApiRef } from './KarpenterApi';
export type {
  KarpenterApi,
  NodeClaimQuery,
  InterruptionQuery,
  EntityRefParts,
} from './KarpenterApi';
export { KarpenterClient } from './KarpenterClient';
