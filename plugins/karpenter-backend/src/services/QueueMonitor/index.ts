export { DefaultQueueMonitor } from './DefaultQueueMonitor';
export type { DefaultQueueMonitorOptions } from './DefaultQueueMonitor';
export { createSqsClient, regionFromQueueUrl } from './createSqsClient';
export { classifySqsError } from './sqsErrors';
export type {
  QueueMonitor,
  QueueReading,
  QueueTarget,
  QueueErrorCode,
} from './types';
