export { MAX_PENDING_PODS, PendingPodsIndex } from './PendingPodsIndex';
export type { WorkloadKey, WorkloadPods } from './PendingPodsIndex';
