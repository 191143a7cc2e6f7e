export { SummaryService } from './SummaryService';
export type { ClusterExtras } from './SummaryService';
export { ClusterModel, ClusterView, MODEL_TTL_MS } from './ClusterModel';
export type { ModelCost } from './ClusterModel';
export { nodeClaimState } from './toInfo';
