import {
  bucketInterruptions,
  InterruptionActivity,
  InterruptionHistoryResponse,
  totalInterruptions,
} from '@karpenter-backstage/plugin-karpenter-common';
import { InterruptionFacts, InterruptionStore } from '../../database';

/** A history query as the router validated it. @internal */
export interface InterruptionHistoryQuery {
  cluster: string;
  fromMs: number;
  toMs: number;
  bucketMs: number;
  nodePool?: string;
  reason?: string;
  limit: number;
  cursor?: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Answers history questions from the store: buckets, totals and the newest records. The 24 h
 * activity shown in entity summaries is memoised for a few seconds per cluster, so a page full of
 * cards costs one query per cluster.
 *
 * @internal
 */
export class InterruptionHistory {
  private readonly dayCache = new Map<
    string,
    { at: number; window: Promise<DayWindow> }
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
      nodePool: q.nodePool,
      reason: q.reason,
    };
    const [facts, page] = await Promise.all([
      this.store.listFacts(range),
      this.store.listRecords({ ...range, limit: q.limit, cursor: q.cursor }),
    ]);
    return {
      cluster: q.cluster,
      from: new Date(q.fromMs).toISOString(),
      to: new Date(q.toMs).toISOString(),
      bucketSeconds: q.bucketMs / 1000,
      buckets: bucketInterruptions(facts, q.fromMs, q.toMs, q.bucketMs),
      totals: totalInterruptions(facts),
      records: page.records,
      nextCursor: page.nextCursor,
    };
  }

  /**
   * The last 24 h (24 hourly buckets ending with the current hour) of a cluster, optionally
   * narrowed to some NodePools.
   */
  async activity(
    cluster: string,
    nodePools?: string[],
  ): Promise<InterruptionActivity> {
    const window = await this.lastDay(cluster);
    if (!nodePools) {
      return window.activity;
    }
    const wanted = new Set(nodePools);
    return summarise(
      window.facts.filter(
        f => f.nodePool !== undefined && wanted.has(f.nodePool),
      ),
      window.fromMs,
      window.toMs,
    );
  }

  private lastDay(cluster: string): Promise<DayWindow> {
    const now = this.now();
    const cached = this.dayCache.get(cluster);
    if (cached && now - cached.at < (this.options.activityTtlMs ?? 5_000)) {
      return cached.window;
    }
    const toMs = Math.ceil((now + 1) / HOUR) * HOUR;
    const fromMs = toMs - DAY;
    const window = this.store
      .listFacts({ cluster, fromMs, toMs })
      .then(facts => ({
        facts,
        fromMs,
        toMs,
        activity: summarise(facts, fromMs, toMs),
      }));
    window.catch(() => this.dayCache.delete(cluster));
    this.dayCache.set(cluster, { at: now, window });
    return window;
  }
}

interface DayWindow {
  facts: InterruptionFacts[];
  fromMs: number;
  toMs: number;
  activity: InterruptionActivity;
}

function summarise(
  facts: InterruptionFacts[],
  fromMs: number,
  toMs: number,
): InterruptionActivity {
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    totals: totalInterruptions(facts),
    hourly: bucketInterruptions(facts, fromMs, toMs, HOUR),
  };
}
