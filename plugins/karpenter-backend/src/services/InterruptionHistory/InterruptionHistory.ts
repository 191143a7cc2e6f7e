import {
  bucketInterruptions,
  emptyNodeClaimCounts,
  InterruptionActivity,
  InterruptionBucket,
  InterruptionHistoryResponse,
  InterruptionTotals,
} from '@karpenter-backstage/plugin-karpenter-common';
import {
  InterruptionCounts,
  InterruptionQuery,
  InterruptionStore,
} from '../../database';

/** A history query as the router validated it. @internal */
export interface InterruptionHistoryQuery {
  cluster: string;
  fromMs: number;
  toMs: number;
  bucketMs: number;
  /** Only records of these NodePools (all when undefined). */
  nodePools?: string[];
  reason?: string;
  limit: number;
  /** Page of the raw records. */
  cursor?: string;
  /** Page of the "Latest" rows. */
  noticeCursor?: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Answers history questions from the store: buckets, totals (both counted by the database) and
 * the newest records. The 24 h activity shown in entity summaries is memoised for a few seconds
 * per cluster and NodePool set, so a page full of cards costs a few small queries.
 *
 * @internal
 */
export class InterruptionHistory {
  /** Per cluster and NodePool set: the 24 h activity, for a few seconds. */
  private readonly dayCache = new Map<
    string,
    { at: number; activity: Promise<InterruptionActivity> }
  >();

  constructor(
    private readonly store: InterruptionStore,
    private readonly options: {
      now?: () => number;
      activityTtlMs?: number;
    } = {},
  ) {}

  private now() {
    return (this.options.now ?? Date.now)();
  }

  async query(
    q: InterruptionHistoryQuery,
  ): Promise<InterruptionHistoryResponse> {
    const range = {
      cluster: q.cluster,
      fromMs: q.fromMs,
      toMs: q.toMs,
      nodePools: q.nodePools,
      reason: q.reason,
    };
    const [counted, page, notices] = await Promise.all([
      this.count(range, q.bucketMs),
      this.store.listRecords({ ...range, limit: q.limit, cursor: q.cursor }),
      this.store.listNotices({
        ...range,
        limit: q.limit,
        cursor: q.noticeCursor,
      }),
    ]);
    return {
      cluster: q.cluster,
      from: new Date(q.fromMs).toISOString(),
      to: new Date(q.toMs).toISOString(),
      bucketSeconds: q.bucketMs / 1000,
      buckets: counted.buckets,
      totals: counted.totals,
      records: page.records,
      nextCursor: page.nextCursor,
      notices: notices.notices,
      nextNoticeCursor: notices.nextCursor,
    };
  }

  /**
   * The last 24 h (24 hourly buckets ending with the current hour) of a cluster, optionally
   * narrowed to some NodePools.
   */
  activity(
    cluster: string,
    nodePools?: string[],
  ): Promise<InterruptionActivity> {
    const now = this.now();
    const key = `${cluster}\u0000${nodePools ? [...nodePools].sort() : '*'}`;
    const cached = this.dayCache.get(key);
    const ttl = this.options.activityTtlMs ?? 5_000;
    if (cached && now - cached.at < ttl) {
      return cached.activity;
    }
    for (const [k, v] of this.dayCache) {
      if (now - v.at >= ttl) this.dayCache.delete(k);
    }
    const toMs = Math.ceil((now + 1) / HOUR) * HOUR;
    const fromMs = toMs - DAY;
    const activity = this.count(
      { cluster, fromMs, toMs, nodePools },
      HOUR,
    ).then(({ buckets, totals }) => ({
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      totals,
      hourly: buckets,
    }));
    activity.catch(() => this.dayCache.delete(key));
    this.dayCache.set(key, { at: now, activity });
    return activity;
  }

  private async count(
    range: InterruptionQuery,
    bucketMs: number,
  ): Promise<{ buckets: InterruptionBucket[]; totals: InterruptionTotals }> {
    const counts = await this.store.countRecords(range, bucketMs);
    // A bucket that starts before `from` holds only records from `from` on (the database
    // filtered them): count them at `from`, where the first bucket begins.
    const at = (startMs: number) =>
      new Date(Math.max(startMs, range.fromMs)).toISOString();
    return {
      buckets: bucketInterruptions(
        counts.perBucket.map(b => ({
          time: at(b.startMs),
          reason: b.reason,
          count: b.count,
        })),
        range.fromMs,
        range.toMs,
        bucketMs,
        counts.firsts.map(f => ({
          time: at(f.startMs),
          kind: f.kind,
          count: f.count,
        })),
      ),
      totals: totalsOf(counts),
    };
  }
}

function totalsOf(counts: InterruptionCounts): InterruptionTotals {
  let events = 0;
  for (const b of counts.perBucket) events += b.count;
  const nodeClaims = emptyNodeClaimCounts();
  for (const f of counts.firsts) nodeClaims[f.kind] += f.count;
  return {
    total: events,
    events,
    nodeClaims,
    byReason: counts.byReason,
    byNodePool: counts.byNodePool,
    byCapacityType: counts.byCapacityType,
    byInstanceType: counts.byInstanceType,
    byZone: counts.byZone,
    disruptionsByReason: counts.disruptionsByReason,
    consolidationsByNodePool: counts.consolidationsByNodePool,
  };
}
