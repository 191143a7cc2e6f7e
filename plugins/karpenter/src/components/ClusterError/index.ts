export { ClusterErrorPanel } from './ClusterErrorPanel';
export { freshnessText, staleReason, staleText } from './freshness';
