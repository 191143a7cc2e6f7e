export { InterruptionRecorder } from './InterruptionRecorder';
export { KubeEventSource } from './KubeEventSource';
export { cacheResolver } from './cacheResolver';
export type { InterruptionRecorderOptions } from './InterruptionRecorder';
export { toRecords, isRecordable } from './toRecords';
export type {
  EventSource,
  InvolvedObjectFacts,
  InvolvedObjectResolver,
  KubeEvent,
  WatchNotification,
} from './types';
