import {
  NodeClaimInfo,
  NodeClassInfo,
  NodePoolInfo,
} from '@karpenter-backstage/plugin-karpenter-common';
import {
  CachedEC2NodeClass,
  CachedNodeClaim,
  CachedNodePool,
  ClusterSnapshot,
} from '../ClusterCache';
import { nodeClaimInfo, nodeClassInfo, nodePoolInfo } from './toInfo';
import { HealthThresholds } from '../Health';
import { ClusterCostFunction } from '../Pricing';

/**
 * How long a NodePool's derived info is kept when none of its objects changed: its health reads
 * the clock (a NodeClaim launching for too long, a budget's schedule), so it is re-derived this
 * often even in a quiet cluster.
 */
export const MODEL_TTL_MS = 30_000;

/** What a cluster's cost is computed with, for one snapshot (see SummaryService). @internal */
export interface ModelCost {
  /** Changes when prices change. */
  version: number;
  /** The cost function of the snapshot's cluster (built only when a NodePool is derived). */
  costFunction(snapshot: ClusterSnapshot, nowMs: number): ClusterCostFunction;
}

/** One NodePool's derived info and what it was derived from. */
interface PoolEntry {
  pool: CachedNodePool;
  nodeClass: CachedEC2NodeClass | undefined;
  objects: string;
  costVersion: number | undefined;
  at: number;
  info: NodePoolInfo;
}

/** A value derived from one resource, with that resource's generation. */
interface Derived<T> {
  generation: number;
  value: T;
}

/**
 * A cluster's model as one snapshot saw it: what a request reads. Derives lazily through its
 * {@link ClusterModel}, so only what the request reads is derived, and only when it changed.
 *
 * @internal
 */
export class ClusterView {
  private costFunction?: ClusterCostFunction;

  constructor(
    private readonly model: ClusterModel,
    readonly snapshot: ClusterSnapshot,
    readonly nowMs: number,
  ) {}

  /**
   * Changes when anything the view derives from may have changed (its snapshot, prices, or a
   * TTL period): for memoising answers derived from the whole view.
   */
  get key(): string {
    return `${this.snapshot.generation}:${
      this.model.cost?.version ?? ''
    }:${Math.floor(this.nowMs / MODEL_TTL_MS)}`;
  }

  hasNodePool(name: string): boolean {
    return this.model.poolsOf(this.snapshot).has(name);
  }

  /** Every NodePool's name, sorted. */
  nodePoolNames(): string[] {
    return [...this.model.poolsOf(this.snapshot).keys()];
  }

  nodePool(name: string): NodePoolInfo | undefined {
    return this.model.pool(this.snapshot, name, this.nowMs, () => {
      const cost = this.model.cost;
      if (!cost) return undefined;
      this.costFunction ??= cost.costFunction(this.snapshot, this.nowMs);
      return this.costFunction;
    });
  }

  /** The named NodePools that exist, in the given order. */
  nodePools(names: readonly string[]): NodePoolInfo[] {
    return names
      .map(n => this.nodePool(n))
      .filter((p): p is NodePoolInfo => !!p);
  }

  /** Every NodePool, sorted by name. */
  allNodePools(): NodePoolInfo[] {
    return this.nodePools(this.nodePoolNames());
  }

  get nodeClaims(): NodeClaimInfo[] {
    return this.model.nodeClaims(this.snapshot);
  }

  get nodeClasses(): NodeClassInfo[] {
    return this.model.nodeClasses(this.snapshot);
  }

  get nodePoolOfNode(): ReadonlyMap<string, string> {
    return this.model.nodePoolOfNode(this.snapshot);
  }
}

/**
 * The derived model of one cluster, kept across snapshots and rebuilt in parts: each NodePool's
 * info when its NodePool, EC2NodeClass, NodeClaims or Nodes changed (or after
 * {@link MODEL_TTL_MS}, or a price change), the NodeClaim list when NodeClaims changed, the
 * NodeClass list when NodeClasses changed. Pods are not read: a pod change rebuilds nothing here.
 * Requests read it through a {@link ClusterView} of their snapshot, which derives lazily: an
 * entity with one NodePool derives that one only.
 *
 * @internal
 */
export class ClusterModel {
  private readonly pools = new Map<string, PoolEntry>();
  /** Per NodeClaim object (a change replaces the object): its info, derived once. */
  private readonly claimInfos = new WeakMap<CachedNodeClaim, NodeClaimInfo>();
  private poolIndex?: Derived<Map<string, CachedNodePool>>;
  private classIndex?: Derived<Map<string, CachedEC2NodeClass>>;
  private claimList?: Derived<NodeClaimInfo[]>;
  private classList?: Derived<NodeClassInfo[]>;
  private nodeIndex?: Derived<Map<string, string>>;

  constructor(
    private readonly options: {
      thresholds?: Partial<HealthThresholds>;
      cost?: ModelCost;
      ttlMs?: number;
    } = {},
  ) {}

  /** The model as of `snapshot` at `nowMs`. */
  view(snapshot: ClusterSnapshot, nowMs: number): ClusterView {
    return new ClusterView(this, snapshot, nowMs);
  }

  /** @internal the NodePools of a snapshot by name (sorted by name). */
  poolsOf(snapshot: ClusterSnapshot): Map<string, CachedNodePool> {
    const generation = snapshot.generations.nodePools;
    if (this.poolIndex?.generation !== generation) {
      const sorted = [...snapshot.nodePools].sort((a, b) =>
        a.metadata.name.localeCompare(b.metadata.name),
      );
      this.poolIndex = {
        generation,
        value: new Map(sorted.map(p => [p.metadata.name, p])),
      };
      for (const name of this.pools.keys())
        if (!this.poolIndex.value.has(name)) this.pools.delete(name);
    }
    return this.poolIndex.value;
  }

  private classesOf(snapshot: ClusterSnapshot) {
    const generation = snapshot.generations.nodeClasses;
    if (this.classIndex?.generation !== generation)
      this.classIndex = {
        generation,
        value: new Map(snapshot.nodeClasses.map(nc => [nc.metadata.name, nc])),
      };
    return this.classIndex.value;
  }

  claimInfo(claim: CachedNodeClaim): NodeClaimInfo {
    let info = this.claimInfos.get(claim);
    if (!info) {
      info = nodeClaimInfo(claim);
      this.claimInfos.set(claim, info);
    }
    return info;
  }

  /** @internal one NodePool's info, derived again only when what it is derived from changed. */
  pool(
    snapshot: ClusterSnapshot,
    name: string,
    nowMs: number,
    costOf: () => ClusterCostFunction | undefined,
  ): NodePoolInfo | undefined {
    const pool = this.poolsOf(snapshot).get(name);
    if (!pool) return undefined;
    const nodeClass = this.classesOf(snapshot).get(
      pool.spec?.template?.spec?.nodeClassRef?.name,
    );
    const objects = snapshot.ofNodePool(name);
    const costVersion = this.options.cost?.version;
    const ttl = this.options.ttlMs ?? MODEL_TTL_MS;
    const entry = this.pools.get(name);
    if (
      entry &&
      entry.pool === pool &&
      entry.nodeClass === nodeClass &&
      entry.objects === objects.generation &&
      entry.costVersion === costVersion &&
      nowMs - entry.at < ttl
    )
      return entry.info;
    const info = nodePoolInfo(snapshot.cluster, pool, {
      nodeClass,
      claims: objects.nodeClaims,
      nodes: objects.nodes,
      nowMs,
      thresholds: this.options.thresholds,
    });
    const cost = costOf();
    if (cost) info.cost = cost(objects.nodeClaims.map(c => this.claimInfo(c)));
    this.pools.set(name, {
      pool,
      nodeClass,
      objects: objects.generation,
      costVersion,
      at: nowMs,
      info,
    });
    return info;
  }

  /** @internal every NodeClaim's info, sorted by name (re-listed when NodeClaims changed). */
  nodeClaims(snapshot: ClusterSnapshot): NodeClaimInfo[] {
    const generation = snapshot.generations.nodeClaims;
    if (this.claimList?.generation !== generation)
      this.claimList = {
        generation,
        value: snapshot.nodeClaims
          .map(c => this.claimInfo(c))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    return this.claimList.value;
  }

  /** @internal every EC2NodeClass's info, sorted by name. */
  nodeClasses(snapshot: ClusterSnapshot): NodeClassInfo[] {
    const generation = snapshot.generations.nodeClasses;
    if (this.classList?.generation !== generation)
      this.classList = {
        generation,
        value: snapshot.nodeClasses
          .map(nodeClassInfo)
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    return this.classList.value;
  }

  /** @internal Node name → NodePool name. */
  nodePoolOfNode(snapshot: ClusterSnapshot): ReadonlyMap<string, string> {
    const generation = snapshot.generations.nodes;
    if (this.nodeIndex?.generation !== generation) {
      const map = new Map<string, string>();
      for (const node of snapshot.nodes) {
        const pool = node.metadata.labels?.['karpenter.sh/nodepool'];
        if (pool) map.set(node.metadata.name, pool);
      }
      this.nodeIndex = { generation, value: map };
    }
    return this.nodeIndex.value;
  }

  /** @internal */
  get cost(): ModelCost | undefined {
    return this.options.cost;
  }
}
