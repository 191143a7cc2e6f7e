import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  ClusterSummary,
  EntitySummary,
  HealthReason,
  InterruptionActivity,
  karpenterClusterReadPermission,
  NodeClaimPage,
  NodeClaimState,
  NodeClassInfo,
  NodePoolInfo,
  PendingPods,
  QueueStatus,
  sumCosts,
  worstStatus,
} from '@karpenter-backstage/plugin-karpenter-common';
import {
  ClusterAccessError,
  ClusterCache,
  ClusterSnapshot,
  classifyKubeError,
  rawErrorText,
} from '../ClusterCache';
import { ClusterRegistry } from '../ClusterRegistry';
import { EntityTarget } from '../EntityResolver';
import { ClusterModel, ClusterView } from './ClusterModel';
import {
  Matcher,
  SelectorError,
  parseLabelSelector,
} from '@karpenter-backstage/plugin-karpenter-node';
import { HealthThresholds } from '../Health';
import { ClusterCostSource } from '../Pricing';
import { PendingPodsIndex } from '../PendingPods';

/** Interruption activity and queue status per cluster (the interruption services). @internal */
export interface ClusterExtras {
  activity(
    cluster: string,
    nodePools?: string[],
  ): Promise<InterruptionActivity | undefined>;
  queue(cluster: string): Promise<QueueStatus | undefined>;
}

/** Parsed label selectors (a catalog's worth of entities). */
const selectors = new Map<string, Matcher | ClusterAccessError>();

/** The entity's label selector as a matcher, parsed once; a 'BAD_SELECTOR' slot when it is invalid. */
function workloadMatcher(labelSelector: string): Matcher {
  let parsed = selectors.get(labelSelector);
  if (!parsed) {
    try {
      parsed = parseLabelSelector(labelSelector);
    } catch (e) {
      if (!(e instanceof SelectorError)) throw e;
      parsed = new ClusterAccessError({
        code: 'BAD_SELECTOR',
        message: `The entity's label selector is invalid: ${e.message}`,
      });
    }
    if (selectors.size >= 5000) selectors.clear();
    selectors.set(labelSelector, parsed);
  }
  if (parsed instanceof ClusterAccessError) throw parsed;
  return parsed;
}

/** Answers the HTTP API from the in-memory caches. @internal */
export class SummaryService {
  /** Per cluster: its derived model, kept across snapshots and rebuilt per NodePool. */
  private readonly models = new Map<string, ClusterModel>();
  /** The entities' workloads: their NodePools and pending pods, per cluster generation. */
  private readonly workloads = new PendingPodsIndex();

  constructor(
    private readonly options: {
      registry: ClusterRegistry;
      cache: ClusterCache;
      thresholds?: Partial<HealthThresholds>;
      extras?: ClusterExtras;
      /** What the nodes cost (no cost in the answers without it). */
      cost?: ClusterCostSource;
      logger?: LoggerService;
      now?: () => number;
    },
  ) {}

  private now() {
    return (this.options.now ?? Date.now)();
  }

  /**
   * The cluster's model as of its current snapshot. The model is kept per cluster and derives
   * per NodePool, lazily: what a request does not read is not derived, and what did not change
   * (its objects, prices, 30 s) is not derived again. `pods` (workload-mapped entities) also
   * reads the pod caches; the model itself never reads pods, so card and tab share it.
   */
  async model(
    cluster: string,
    pods = false,
  ): Promise<{ model: ClusterView; snapshot: ClusterSnapshot }> {
    const snapshot = await this.options.cache.snapshot(cluster, { pods });
    let model = this.models.get(cluster);
    if (!model) {
      const cost = this.options.cost;
      const registry = this.options.registry;
      model = new ClusterModel({
        thresholds: this.options.thresholds,
        cost: cost && {
          get version() {
            return cost.version;
          },
          costFunction: (s, nowMs) =>
            cost.costFunction(registry.get(cluster), s.nodeClaims, nowMs),
        },
      });
      this.models.set(cluster, model);
    }
    return { model: model.view(snapshot, this.now()), snapshot };
  }

  /** Every NodePool of a cluster, degraded while its interruption queue falls behind. */
  async nodePools(cluster: string): Promise<NodePoolInfo[]> {
    this.options.registry.get(cluster);
    const { model, snapshot } = await this.model(cluster);
    const queue = await this.options.extras
      ?.queue(cluster)
      .catch(() => undefined);
    return markStale(withQueueBacklog(model.allNodePools(), queue), snapshot);
  }

  async nodeClasses(cluster: string): Promise<NodeClassInfo[]> {
    this.options.registry.get(cluster);
    return (await this.model(cluster)).model.nodeClasses;
  }

  async nodeClaims(
    cluster: string,
    query: {
      /** Only NodeClaims of these NodePools (all when undefined). */
      nodePools?: string[];
      state?: NodeClaimState;
      limit: number;
      cursor?: string;
    },
  ): Promise<NodeClaimPage> {
    this.options.registry.get(cluster);
    const { model } = await this.model(cluster);
    const offset = query.cursor
      ? Number(Buffer.from(query.cursor, 'base64url').toString('utf8'))
      : 0;
    if (!Number.isInteger(offset) || offset < 0)
      throw new InputError('cursor: not a cursor returned by this API');
    const pools = query.nodePools && new Set(query.nodePools);
    const items = model.nodeClaims.filter(
      c =>
        (!pools || (c.nodePool !== undefined && pools.has(c.nodePool))) &&
        (!query.state || c.state === query.state),
    );
    const end = offset + query.limit;
    return {
      cluster,
      items: items.slice(offset, end),
      total: items.length,
      nextCursor:
        end < items.length
          ? Buffer.from(String(end)).toString('base64url')
          : undefined,
    };
  }

  private async clusterSummary(
    target: EntityTarget['clusters'][number],
    allows: (cluster: string) => boolean,
  ): Promise<ClusterSummary> {
    const { cluster } = target;
    if (target.unknown) {
      return {
        cluster,
        health: 'unknown',
        nodePools: [],
        error: {
          code: 'UNKNOWN_CLUSTER',
          message: `No cluster named '${cluster}' is configured in karpenter.clusters`,
        },
      };
    }
    if (!allows(cluster)) return forbiddenSlot(cluster);
    const config = this.options.registry.get(cluster);
    try {
      const { model, snapshot } = await this.model(
        cluster,
        target.workload !== undefined,
      );
      let names: string[] | undefined = target.nodePools;
      let pendingPods: PendingPods | undefined;
      if (target.workload) {
        const pods = this.workloads.forWorkload(snapshot, model, {
          ...target.workload,
          match: workloadMatcher(target.workload.labelSelector),
        });
        names = pods.nodePools;
        pendingPods = pods.pendingPods;
      }
      const selected = names ? model.nodePools(names) : model.allNodePools();
      const missing = target.nodePools?.filter(n => !model.hasNodePool(n));
      const extras = this.options.extras;
      const [interruptions, queue] = await Promise.all([
        extras?.activity(cluster, names).catch(() => undefined),
        extras?.queue(cluster).catch(() => undefined),
      ]);
      const nodePools = markStale(withQueueBacklog(selected, queue), snapshot);
      const cost = this.options.cost
        ? sumCosts(nodePools.map(p => p.cost))
        : undefined;
      return {
        cluster,
        title: config.title,
        health: snapshot.stale
          ? 'unknown'
          : worstStatus(nodePools.map(p => p.health.status)),
        nodePools,
        missingNodePools: missing?.length ? missing : undefined,
        interruptions,
        queue,
        cost,
        pendingPods,
        // the age of the data (oldest sync of the cluster's resources), not of the request
        updatedAt: new Date(snapshot.syncedAt).toISOString(),
        ...(snapshot.stale
          ? { stale: true, error: snapshot.stale.error }
          : undefined),
      };
    } catch (error) {
      if (!(error instanceof ClusterAccessError))
        this.options.logger?.warn('Could not summarise a cluster', {
          cluster,
          error: rawErrorText(error),
        });
      return {
        cluster,
        title: config.title,
        health: 'unknown',
        nodePools: [],
        error: classifyKubeError(error, cluster),
      };
    }
  }

  /**
   * The summary of an entity's clusters. `allows` (default: every cluster) is the caller's
   * permission: a cluster it denies becomes a `FORBIDDEN` slot without being read, and does not
   * count towards the entity's health (the clusters the caller may see do).
   */
  async entitySummary(
    target: EntityTarget,
    options: { allows?: (cluster: string) => boolean } = {},
  ): Promise<EntitySummary> {
    const allows = options.allows ?? (() => true);
    const clusters = await Promise.all(
      target.clusters.map(c => this.clusterSummary(c, allows)),
    );
    const visible = clusters.filter(c => !c.error?.permission);
    return {
      entityRef: target.entityRef,
      status: target.status,
      message: target.message,
      mapping: target.mapping,
      health:
        target.status === 'configured' && visible.length > 0
          ? worstStatus(visible.map(c => (c.error ? 'unknown' : c.health)))
          : 'unknown',
      clusters,
      cost: this.options.cost ? sumCosts(clusters.map(c => c.cost)) : undefined,
      generatedAt: new Date(this.now()).toISOString(),
    };
  }
}

/** The slot of a cluster the caller may not read: nothing of the cluster, not even its title. */
function forbiddenSlot(cluster: string): ClusterSummary {
  return {
    cluster,
    health: 'unknown',
    nodePools: [],
    error: {
      code: 'FORBIDDEN',
      message: `You do not have access to cluster '${cluster}' (karpenter.cluster.read)`,
      permission: karpenterClusterReadPermission.name,
    },
  };
}

/**
 * The NodePools of a stale cluster keep their last known state, marked as such: `stale`, health
 * `unknown` with a STALE_DATA reason first (then the reasons of the last known state).
 */
function markStale(
  pools: NodePoolInfo[],
  snapshot: ClusterSnapshot,
): NodePoolInfo[] {
  const stale = snapshot.stale;
  if (!stale) return pools;
  const reason: HealthReason = {
    code: 'STALE_DATA',
    message: `Last known state from ${new Date(
      snapshot.syncedAt,
    ).toISOString()}: ${stale.error.message} (${stale.error.code})`,
    severity: 'unknown',
  };
  return pools.map(p => ({
    ...p,
    stale: true,
    health: { status: 'unknown', reasons: [reason, ...p.health.reasons] },
    // the cost of the last known NodeClaims, said to be so (also in the sums it goes into)
    ...(p.cost ? { cost: { ...p.cost, dataStale: true } } : {}),
  }));
}

/** A queue that falls behind degrades every NodePool of its cluster (interruptions go unhandled). */
function withQueueBacklog(
  pools: NodePoolInfo[],
  queue: QueueStatus | undefined,
): NodePoolInfo[] {
  if (queue?.state !== 'falling-behind') return pools;
  return pools.map(p =>
    withReason(p, {
      code: 'INTERRUPTION_QUEUE_BACKLOG',
      message: queue.message,
      severity: 'degraded',
    }),
  );
}

function withReason(pool: NodePoolInfo, reason: HealthReason): NodePoolInfo {
  const reasons = [...pool.health.reasons, reason];
  return {
    ...pool,
    health: { status: worstStatus(reasons.map(r => r.severity)), reasons },
  };
}
