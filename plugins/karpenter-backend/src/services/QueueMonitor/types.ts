import { KarpenterQueueTarget } from '@karpenter-backstage/plugin-karpenter-node';
import {
  QueueSample,
  QueueStatus,
} from '@karpenter-backstage/plugin-karpenter-common';

/** Where a cluster's interruption queue is and how to reach it (from app-config). @internal */
export type QueueTarget = KarpenterQueueTarget;

/** Why a queue could not be read. @internal */
export type QueueErrorCode =
  | 'QUEUE_NOT_FOUND'
  | 'ACCESS_DENIED'
  | 'THROTTLED'
  | 'CREDENTIALS'
  | 'UNREACHABLE'
  | 'ERROR';

/** One sampling attempt: a sample, or an error. @internal */
export type QueueReading =
  | { ok: true; sample: QueueSample }
  | { ok: false; time: string; code: QueueErrorCode; message: string };

/**
 * Reads interruption queues — only `GetQueueUrl` and `GetQueueAttributes`: Karpenter consumes
 * the queue, so this never receives or deletes a message.
 *
 * @internal
 */
export interface QueueMonitor {
  /** Samples one cluster's queue now and stores the reading. */
  sample(cluster: string): Promise<QueueReading>;
  /** The queue's state from stored readings (one answer per cluster, errors included). */
  getStatus(
    cluster: string,
    options?: { samplesSinceMs?: number },
  ): Promise<QueueStatus>;
}
