/**
 * The Karpenter frontend plugin: entity card and entity tab.
 *
 * @packageDocumentation
 */
export {
  karpenterPlugin,
  EntityKarpenterCard,
  EntityKarpenterContent,
} from './plugin';
export { isKarpenterAvailable } from './isKarpenterAvailable';
export { KARPENTER_PERFORMANCE_MARKS } from './hooks';
export { karpenterApiRef, KarpenterClient } from './api';
export type {
  EntityRefParts,
  InterruptionQuery,
  KarpenterApi,
  NodeClaimQuery,
} from './api';
