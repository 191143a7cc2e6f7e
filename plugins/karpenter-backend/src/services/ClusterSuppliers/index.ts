export { ClusterSources, sourceOf } from './ClusterSources';
export type { ClusterSource } from './ClusterSources';
export { AuthStrategyCollector, ClusterSupplierCollector } from './collectors';
export { queueTargetsOf, scheduleClusterRefresh } from './refreshClusters';
