import {
  NodeClaimInfo,
  NodeClassInfo,
  NodePoolInfo,
} from '@karpenter-backstage/plugin-karpenter-common';
import { CachedNode, CachedNodeClaim, ClusterSnapshot } from '../ClusterCache';
import { nodeClaimInfo, nodeClassInfo, nodePoolInfo } from './toInfo';
import { HealthThresholds } from '../Health';
import { ClusterCostFunction } from '../Pricing';

/**
 * Everything derived from one cluster snapshot, indexed for requests: built once per cache
 * generation, so warm requests only look things up.
 *
 * @internal
 */
export class ClusterModel {
  readonly nodePools = new Map<string, NodePoolInfo>();
  readonly nodeClaims: NodeClaimInfo[];
  readonly nodeClasses: NodeClassInfo[];
  /** Node name → NodePool name. */
  readonly nodePoolOfNode = new Map<string, string>();

  constructor(
    snapshot: ClusterSnapshot,
    nowMs: number,
    thresholds?: Partial<HealthThresholds>,
    cost?: ClusterCostFunction,
  ) {
    const claimsByPool = new Map<string, CachedNodeClaim[]>();
    for (const claim of snapshot.nodeClaims) {
      const pool = claim.metadata.labels?.['karpenter.sh/nodepool'];
      if (!pool) continue;
      if (!claimsByPool.has(pool)) claimsByPool.set(pool, []);
      claimsByPool.get(pool)!.push(claim);
    }
    const nodesByPool = new Map<string, CachedNode[]>();
    for (const node of snapshot.nodes) {
      const pool = node.metadata.labels?.['karpenter.sh/nodepool'];
      if (!pool) continue;
      this.nodePoolOfNode.set(node.metadata.name, pool);
      if (!nodesByPool.has(pool)) nodesByPool.set(pool, []);
      nodesByPool.get(pool)!.push(node);
    }
    const classes = new Map(
      snapshot.nodeClasses.map(nc => [nc.metadata.name, nc]),
    );
    for (const pool of [...snapshot.nodePools].sort((a, b) =>
      a.metadata.name.localeCompare(b.metadata.name),
    )) {
      const name = pool.metadata.name;
      this.nodePools.set(
        name,
        nodePoolInfo(snapshot.cluster, pool, {
          nodeClass: classes.get(pool.spec?.template?.spec?.nodeClassRef?.name),
          claims: claimsByPool.get(name) ?? [],
          nodes: nodesByPool.get(name) ?? [],
          nowMs,
          thresholds,
        }),
      );
    }
    this.nodeClaims = snapshot.nodeClaims
      .map(nodeClaimInfo)
      .sort((a, b) => a.name.localeCompare(b.name));
    if (cost) {
      const infosByPool = new Map<string, NodeClaimInfo[]>();
      for (const claim of this.nodeClaims) {
        if (!claim.nodePool) continue;
        const list = infosByPool.get(claim.nodePool) ?? [];
        list.push(claim);
        infosByPool.set(claim.nodePool, list);
      }
      for (const [name, info] of this.nodePools)
        info.cost = cost(infosByPool.get(name) ?? []);
    }
    this.nodeClasses = snapshot.nodeClasses
      .map(nodeClassInfo)
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
