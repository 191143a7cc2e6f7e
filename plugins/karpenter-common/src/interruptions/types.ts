import { ClusterError } from '../types';
import { RecordedReason } from './reasons';

/**
 * One occurrence of a recorded Karpenter event. An event whose `count` grows is kept as several
 * occurrences (1, 2, 3, ...) of the same event uid.
 *
 * @public
 */
export interface InterruptionRecord {
  cluster: string;
  eventUid: string;
  occurrence: number;
  /** ISO-8601 time of this occurrence. */
  time: string;
  reason: RecordedReason;
  type: 'Normal' | 'Warning' | string;
  message: string;
  nodeClaim?: string;
  node?: string;
  nodePool?: string;
  capacityType?: string;
  instanceType?: string;
  zone?: string;
}

/** Counts of one time bucket, by reason. @public */
export interface InterruptionBucket {
  /** ISO-8601 start of the bucket. */
  start: string;
  total: number;
  byReason: Partial<Record<RecordedReason, number>>;
}

/** Totals over a time range. @public */
export interface InterruptionTotals {
  total: number;
  byReason: Partial<Record<RecordedReason, number>>;
  byNodePool: Record<string, number>;
  byCapacityType: Record<string, number>;
  byInstanceType: Record<string, number>;
  byZone: Record<string, number>;
}

/** `GET /v1/clusters/:cluster/interruptions`. @public */
export interface InterruptionHistoryResponse {
  cluster: string;
  from: string;
  to: string;
  bucketSeconds: number;
  buckets: InterruptionBucket[];
  totals: InterruptionTotals;
  records: InterruptionRecord[];
  /** Opaque cursor for the next page of `records`, when there is one. */
  nextCursor?: string;
}

/** One sample of the interruption queue's attributes. @public */
export interface QueueSample {
  time: string;
  visible: number;
  notVisible: number;
  delayed: number;
}

/**
 * `ok`: the queue drains; `falling-behind`: messages waited longer than the window (Karpenter
 * is not keeping up); `error`: the queue could not be read; `not-configured`: no queue set;
 * `unknown`: no sample yet.
 *
 * @public
 */
export type QueueState =
  | 'ok'
  | 'falling-behind'
  | 'error'
  | 'not-configured'
  | 'unknown';

/** `GET /v1/clusters/:cluster/queue` and the queue slot of a summary. @public */
export interface QueueStatus {
  cluster: string;
  queueName?: string;
  state: QueueState;
  message: string;
  latest?: QueueSample;
  /** Since when the backlog has been above zero, if it is. */
  backlogSince?: string;
  error?: ClusterError;
  samples?: QueueSample[];
}

/** The `interruptions` slot of a cluster in an entity summary: the last 24 h. @public */
export interface InterruptionActivity {
  from: string;
  to: string;
  totals: InterruptionTotals;
  /** 24 hourly buckets, oldest first. */
  hourly: InterruptionBucket[];
}
