export {
  karpenterClusterPermissionResourceRef,
  type KarpenterClusterQuery,
  type KarpenterClusterResource,
} from './resource';
export {
  isCluster,
  isClusterOwner,
  isEntityOwner,
  karpenterClusterRules,
} from './rules';
export {
  karpenterClusterConditions,
  createKarpenterClusterConditionalDecision,
} from './conditions';
