export { PendingPodsPanel, WAITING_PODS_ID } from './PendingPodsPanel';
