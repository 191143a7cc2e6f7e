import { ClusterError } from '../types';
import { CountingKind, NodeClaimCounts } from './counting';
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
  /** For `DisruptionTerminating`: the disruption reason from the message (Underutilized, Drifted, …). */
  disruptionReason?: string;
}

/** Counts of one time bucket. @public */
export interface InterruptionBucket {
  /** ISO-8601 start of the bucket. */
  start: string;
  /** Raw event occurrences in the bucket (not the headline: one interruption is several events). */
  total: number;
  /** Raw event occurrences in the bucket, by reason. */
  byReason: Partial<Record<RecordedReason, number>>;
  /**
   * Distinct NodeClaims by the time of their first event of the kind in the range: interrupted
   * (first notice), rebalance-recommended, disrupted.
   */
  nodeClaims: NodeClaimCounts;
}

/** Totals over a time range. @public */
export interface InterruptionTotals {
  /**
   * Raw event occurrences (kept for compatibility, same as `events`).
   * @deprecated Use `nodeClaims.interrupted` for the number of interrupted nodes, or `events`.
   */
  total: number;
  /** Raw event occurrences (every `count` increment of every recorded Event). */
  events: number;
  /** Distinct NodeClaims in the range: interrupted, rebalance-recommended, disrupted. */
  nodeClaims: NodeClaimCounts;
  /** Distinct NodeClaims (or Nodes/NodePools an event is about) per reason. */
  byReason: Partial<Record<RecordedReason, number>>;
  /** Interrupted NodeClaims per NodePool. */
  byNodePool: Record<string, number>;
  /** Interrupted NodeClaims per capacity type. */
  byCapacityType: Record<string, number>;
  /** Interrupted NodeClaims per instance type. */
  byInstanceType: Record<string, number>;
  /** Interrupted NodeClaims per zone. */
  byZone: Record<string, number>;
  /** Disrupted NodeClaims per disruption reason (Underutilized, Empty, Drifted, Expired, …). */
  disruptionsByReason: Record<string, number>;
}

/**
 * One row of the "Latest" list: one NodeClaim (or Node / NodePool, when no NodeClaim is known)
 * and one reason, with the events folded into it. The `TerminatingOnInterruption` events of a
 * NodeClaim are folded into its newest interruption notice row.
 *
 * @public
 */
export interface InterruptionNotice {
  /** What the row is about: a NodeClaim name, `node/<name>`, `nodepool/<name>` or `event/<uid>`. */
  subject: string;
  reason: RecordedReason;
  kind: CountingKind;
  nodeClaim?: string;
  node?: string;
  nodePool?: string;
  capacityType?: string;
  instanceType?: string;
  zone?: string;
  disruptionReason?: string;
  /** ISO-8601 time of the first event of the row in the range. */
  firstTime: string;
  /** ISO-8601 time of the newest event of the row in the range. */
  lastTime: string;
  /** How many event occurrences were folded into the row. */
  events: number;
  /** The raw events of the row (at most 50, newest first). */
  records: InterruptionRecord[];
}

/** `GET /v1/clusters/:cluster/interruptions`. @public */
export interface InterruptionHistoryResponse {
  cluster: string;
  from: string;
  to: string;
  bucketSeconds: number;
  buckets: InterruptionBucket[];
  totals: InterruptionTotals;
  /** The newest raw event occurrences, paged by `cursor`. */
  records: InterruptionRecord[];
  /** Opaque cursor for the next page of `records`, when there is one. */
  nextCursor?: string;
  /** The newest rows per NodeClaim and reason (by first event), paged by `noticeCursor`. */
  notices: InterruptionNotice[];
  /** Opaque cursor for the next page of `notices`, when there is one. */
  nextNoticeCursor?: string;
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
