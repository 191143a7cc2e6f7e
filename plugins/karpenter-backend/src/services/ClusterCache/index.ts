export { DefaultClusterCache, DEFAULT_STALE_AFTER_MS } from './ClusterCache';
export type {
  ClusterCache,
  ClusterSnapshot,
  NodePoolObjects,
  ResourceGenerations,
} from './ClusterCache';
export { NODEPOOL_LABEL } from './ItemStore';
export { ClusterAccessError, classifyKubeError, rawErrorText } from './errors';
export type {
  CachedEC2NodeClass,
  CachedMeta,
  CachedNode,
  CachedNodeClaim,
  CachedNodePool,
  CachedObjects,
  CachedPod,
  CachedPodEvent,
  CachedPodScheduling,
  CachedResource,
} from './trim';
