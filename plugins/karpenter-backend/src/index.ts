/**
 * The Karpenter backend plugin.
 *
 * @packageDocumentation
 */
export { karpenterPlugin as default } from './plugin';
export {
  createKarpenterClusterConditionalDecision,
  isCluster,
  isClusterOwner,
  isEntityOwner,
  karpenterClusterConditions,
  karpenterClusterPermissionResourceRef,
  karpenterClusterRules,
} from './permissions';
export type {
  KarpenterClusterQuery,
  KarpenterClusterResource,
} from './permissions';
