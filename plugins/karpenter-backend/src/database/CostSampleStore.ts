import { Knex } from 'knex';

/** One NodePool's cost at one time. @internal */
export interface CostSample {
  cluster: string;
  nodePool: string;
  /** ms since the epoch */
  sampledAt: number;
  hourly: number;
  onDemandEquivalent: number;
  pricedNodes: number;
  unpricedNodes: number;
}

/** One NodePool's mean cost in one bucket. @internal */
export interface CostBucket {
  nodePool: string;
  startMs: number;
  hourly: number;
  onDemandEquivalent: number;
  pricedNodes: number;
  unpricedNodes: number;
}

/** The sampled cost history in the plugin database. @internal */
export interface CostSampleStore {
  addSamples(samples: CostSample[]): Promise<void>;
  /** Per NodePool and bucket, the mean of the samples in [fromMs, toMs). */
  buckets(query: {
    cluster: string;
    nodePools?: string[];
    fromMs: number;
    toMs: number;
    bucketMs: number;
  }): Promise<CostBucket[]>;
  /** Deletes samples older than `beforeMs`; returns how many. */
  prune(beforeMs: number): Promise<number>;
}

const SAMPLES = 'karpenter_cost_samples';
const CHUNK = 200;

/** {@link CostSampleStore} on the plugin's knex database (SQLite or PostgreSQL). @internal */
export class DatabaseCostSampleStore implements CostSampleStore {
  constructor(private readonly db: Knex) {}

  async addSamples(samples: CostSample[]): Promise<void> {
    for (let i = 0; i < samples.length; i += CHUNK)
      await this.db(SAMPLES).insert(
        samples.slice(i, i + CHUNK).map(s => ({
          cluster: s.cluster,
          node_pool: s.nodePool,
          sampled_at: s.sampledAt,
          hourly: s.hourly,
          on_demand_equivalent: s.onDemandEquivalent,
          priced_nodes: s.pricedNodes,
          unpriced_nodes: s.unpricedNodes,
        })),
      );
  }

  async buckets(query: {
    cluster: string;
    nodePools?: string[];
    fromMs: number;
    toMs: number;
    bucketMs: number;
  }): Promise<CostBucket[]> {
    const { db } = this;
    let q = db(SAMPLES)
      .where('cluster', query.cluster)
      .where('sampled_at', '>=', query.fromMs)
      .where('sampled_at', '<', query.toMs);
    if (query.nodePools) q = q.whereIn('node_pool', query.nodePools);
    const rows: Array<{
      node_pool: string;
      bucket_start: number | string;
      hourly: number | string;
      od: number | string;
      priced: number | string;
      unpriced: number | string;
    }> = await q
      .select({
        node_pool: 'node_pool',
        bucket_start: db.raw('sampled_at - (sampled_at % ?)', [query.bucketMs]),
        hourly: db.raw('avg(hourly)'),
        od: db.raw('avg(on_demand_equivalent)'),
        priced: db.raw('avg(priced_nodes)'),
        unpriced: db.raw('avg(unpriced_nodes)'),
      })
      .groupBy('node_pool', 'bucket_start')
      .orderBy('bucket_start');
    return rows.map(r => ({
      nodePool: r.node_pool,
      startMs: Number(r.bucket_start),
      hourly: Number(r.hourly),
      onDemandEquivalent: Number(r.od),
      pricedNodes: Number(r.priced),
      unpricedNodes: Number(r.unpriced),
    }));
  }

  async prune(beforeMs: number): Promise<number> {
    return this.db(SAMPLES).where('sampled_at', '<', beforeMs).delete();
  }
}
