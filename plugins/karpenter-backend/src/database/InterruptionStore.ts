import {
  InterruptionNotice,
  InterruptionRecord,
  NodeClaimCounts,
  QueueSample,
  RecordedReason,
} from '@karpenter-backstage/plugin-karpenter-common';

/** A failed queue reading. @internal */
export interface QueueReadError {
  code: string;
  message: string;
}

/** Filter of a history query. @internal */
export interface InterruptionQuery {
  cluster: string;
  fromMs: number;
  toMs: number;
  /** Only records of these NodePools (records of an unknown NodePool are left out). */
  nodePools?: string[];
  reason?: string;
}

/** A page of the newest records. @internal */
export interface InterruptionPage {
  records: InterruptionRecord[];
  nextCursor?: string;
}

/**
 * How a range counts, by the database: raw event occurrences per bucket (epoch-aligned start)
 * and reason; distinct NodeClaims per kind by the bucket of their first event of that kind;
 * distinct subjects per reason; interrupted NodeClaims per NodePool, capacity type, instance type
 * and zone (a missing value is counted under `UNKNOWN_LABEL`); disrupted NodeClaims per
 * disruption reason.
 *
 * @internal
 */
export interface InterruptionCounts {
  perBucket: Array<{ startMs: number; reason: RecordedReason; count: number }>;
  firsts: Array<{
    startMs: number;
    kind: keyof NodeClaimCounts;
    count: number;
  }>;
  byReason: Partial<Record<RecordedReason, number>>;
  byNodePool: Record<string, number>;
  byCapacityType: Record<string, number>;
  byInstanceType: Record<string, number>;
  byZone: Record<string, number>;
  disruptionsByReason: Record<string, number>;
  consolidationsByNodePool: Record<string, number>;
}

/**
 * A NodeClaim consolidated in a range: when it was first terminated, its known instance facts and
 * the message of the `ConsolidationCandidate` Karpenter recorded for it (if any).
 *
 * @internal
 */
export interface ConsolidatedRecord {
  subject: string;
  terminatedAtMs: number;
  nodePool?: string;
  instanceType?: string;
  capacityType?: string;
  zone?: string;
  candidateMessage?: string;
}

/** A page of "Latest" rows. @internal */
export interface NoticePage {
  notices: InterruptionNotice[];
  nextCursor?: string;
}

/** What a Node was known to belong to: its NodeClaim and the NodeClaim's facts. @internal */
export interface NodeMapping {
  node: string;
  nodeClaim: string;
  /** When the NodeClaim was created (epoch ms), if known: Node names (private IPs) get reused. */
  sinceMs?: number;
  nodePool?: string;
  capacityType?: string;
  instanceType?: string;
  zone?: string;
}

/**
 * Durable interruption history and queue samples (the plugin's database).
 *
 * @internal
 */
export interface InterruptionStore {
  /** Inserts records; an already stored (cluster, eventUid, occurrence) is ignored. Returns how many were new. */
  addRecords(records: InterruptionRecord[]): Promise<number>;
  /** Counts of the records in the range, in buckets of `bucketMs` (for timelines and totals). */
  countRecords(
    query: InterruptionQuery,
    bucketMs: number,
  ): Promise<InterruptionCounts>;
  /** The NodeClaims consolidated in the range, with their candidate messages. */
  listConsolidations(query: InterruptionQuery): Promise<ConsolidatedRecord[]>;
  /** Rows per subject and reason (newest first event first), paged, with their raw events. */
  listNotices(
    query: InterruptionQuery & { limit: number; cursor?: string },
  ): Promise<NoticePage>;
  /**
   * Remembers Node → NodeClaim mappings (a Node name mapped to another NodeClaim before — EC2
   * reuses private IPs — is mapped to the newer one), and gives the records of newly mapped Nodes
   * recorded without a NodeClaim since the NodeClaim's creation their NodeClaim. Returns how many
   * mappings were new.
   */
  rememberNodes(
    cluster: string,
    mappings: NodeMapping[],
    nowMs: number,
  ): Promise<number>;
  /** The remembered mappings of these Nodes. */
  lookupNodes(
    cluster: string,
    nodes: string[],
  ): Promise<Map<string, NodeMapping>>;
  /** The newest records in the range, newest first, paged. */
  listRecords(
    query: InterruptionQuery & { limit: number; cursor?: string },
  ): Promise<InterruptionPage>;
  /** Highest stored occurrence per event uid of a cluster, for the given uids. */
  knownOccurrences(
    cluster: string,
    eventUids: string[],
  ): Promise<Map<string, number>>;
  /** Stores a queue reading: a sample, or (with `error`) a failed attempt at that time. */
  addQueueSample(
    cluster: string,
    sample: QueueSample,
    error?: QueueReadError,
  ): Promise<void>;
  /** Successful samples since `fromMs`, oldest first. */
  listQueueSamples(cluster: string, fromMs: number): Promise<QueueSample[]>;
  /** The newest reading, successful or not. */
  latestQueueReading(
    cluster: string,
  ): Promise<{ time: string; error?: QueueReadError } | undefined>;
  /** Deletes records and samples older than the cutoff; returns how many rows were deleted. */
  prune(olderThanMs: number): Promise<number>;
}
