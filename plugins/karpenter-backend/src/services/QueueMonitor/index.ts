export { DefaultQueueMonitor } from './DefaultQueueMonitor';
export type { DefaultQueueMonitorOptions } from './DefaultQueueMonitor';
export { classifySqsError } from './sqsErrors';
export type {
  QueueMonitor,
  QueueReading,
  QueueTarget,
  QueueErrorCode,
} from './types';
