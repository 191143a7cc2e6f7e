import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CostHistory as CostHistoryResponse,
  NodePoolInfo,
} from '@karpenter-backstage/plugin-karpenter-common';
import { CostSample, CostSampleStore } from '../../database';
import { ConsolidationSavingsEstimator } from './ConsolidationSavingsEstimator';

/** The NodePools of a cluster with their cost (the summary service answers it). @internal */
export type NodePoolSource = (cluster: string) => Promise<NodePoolInfo[]>;

/**
 * The sampled cost history: samples each NodePool's cost (a scheduled task calls
 * {@link CostHistory.sample}) and answers the trend per bucket.
 *
 * @internal
 */
export class CostHistory {
  constructor(
    private readonly options: {
      store: CostSampleStore;
      nodePools: NodePoolSource;
      /** What consolidation saved, answered beside the trend (absent: not answered). */
      savings?: ConsolidationSavingsEstimator;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  /**
   * Samples the cost of every NodePool of a cluster. Nothing is recorded for a cluster whose data
   * is stale (its last known state is not what runs now), nor for a NodePool without a cost or
   * whose nodes are all unpriced (that would be recorded as free).
   */
  async sample(cluster: string): Promise<number> {
    const pools = await this.options.nodePools(cluster);
    if (pools.some(p => p.stale)) return 0;
    const sampledAt = (this.options.now ?? Date.now)();
    const samples: CostSample[] = [];
    for (const pool of pools) {
      const cost = pool.cost;
      if (!cost || (cost.pricedNodes === 0 && cost.unpricedNodes > 0)) continue;
      samples.push({
        cluster,
        nodePool: pool.name,
        sampledAt,
        hourly: cost.hourly,
        onDemandEquivalent: cost.onDemandEquivalentHourly,
        pricedNodes: cost.pricedNodes,
        unpricedNodes: cost.unpricedNodes,
      });
    }
    await this.options.store.addSamples(samples);
    return samples.length;
  }

  /** Per bucket: each NodePool's mean in the bucket, summed over the NodePools. */
  async query(query: {
    cluster: string;
    nodePools?: string[];
    fromMs: number;
    toMs: number;
    bucketMs: number;
  }): Promise<CostHistoryResponse> {
    const [buckets, consolidation] = await Promise.all([
      this.options.store.buckets(query),
      this.options.savings?.estimate({
        cluster: query.cluster,
        fromMs: query.fromMs,
        toMs: query.toMs,
        nodePools: query.nodePools,
      }),
    ]);
    const byStart = new Map<number, CostHistoryResponse['points'][number]>();
    for (const b of buckets) {
      const point = byStart.get(b.startMs) ?? {
        time: new Date(b.startMs).toISOString(),
        hourly: 0,
        onDemandEquivalentHourly: 0,
        pricedNodes: 0,
        unpricedNodes: 0,
      };
      point.hourly += b.hourly;
      point.onDemandEquivalentHourly += b.onDemandEquivalent;
      point.pricedNodes += b.pricedNodes;
      point.unpricedNodes += b.unpricedNodes;
      byStart.set(b.startMs, point);
    }
    const points = [...byStart.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, p]) => ({
        ...p,
        pricedNodes: Math.round(p.pricedNodes),
        unpricedNodes: Math.round(p.unpricedNodes),
      }));
    return {
      cluster: query.cluster,
      bucketMs: query.bucketMs,
      ...(query.nodePools ? { nodePools: query.nodePools } : {}),
      points,
      ...(consolidation ? { consolidation } : {}),
    };
  }

  /** Deletes samples older than the retention. */
  async prune(beforeMs: number): Promise<number> {
    return this.options.store.prune(beforeMs);
  }
}
