export { SummaryService } from './SummaryService';
export type { ClusterExtras } from './SummaryService';
export { ClusterModel } from './ClusterModel';
export { nodeClaimState } from './toInfo';
