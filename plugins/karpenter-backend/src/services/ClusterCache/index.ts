export { DefaultClusterCache } from './ClusterCache';
export type { ClusterCache, ClusterSnapshot } from './ClusterCache';
export { ClusterAccessError, classifyKubeError } from './errors';
export type { CachedResource } from './trim';
