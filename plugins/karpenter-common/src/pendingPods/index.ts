export {
  PENDING_POD_CODES,
  PENDING_POD_HINTS,
  pendingPodDocsAnchor,
} from './codes';
export type { PendingPod, PendingPodCode, PendingPods } from './codes';
export { parseSchedulingMessage } from './schedulingMessage';
export type {
  SchedulingErrorPart,
  SchedulingMessage,
} from './schedulingMessage';
