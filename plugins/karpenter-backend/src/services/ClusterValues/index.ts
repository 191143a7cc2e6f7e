export { ClusterValuesReader } from './ClusterValuesReader';
export type { ClusterValuesService } from './ClusterValuesReader';
