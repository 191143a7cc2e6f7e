import { NodeMapping } from '../../database';
import {
  CachedNodeClaim,
  ClusterCache,
  ClusterSnapshot,
} from '../ClusterCache';
import { InvolvedObjectFacts, InvolvedObjectResolver } from './types';

const createdMs = (claim: CachedNodeClaim | undefined) => {
  const t = Date.parse(claim?.metadata?.creationTimestamp ?? '');
  return Number.isNaN(t) ? undefined : t;
};

const factsOf = (labels: Record<string, string> = {}): InvolvedObjectFacts => ({
  nodePool: labels['karpenter.sh/nodepool'],
  capacityType: labels['karpenter.sh/capacity-type'],
  instanceType: labels['node.kubernetes.io/instance-type'],
  zone: labels['topology.kubernetes.io/zone'],
});

/** NodeClaims by the name and by the providerID of their Node, per snapshot generation. */
function claimIndex() {
  let generation: string | undefined;
  let byNode = new Map<string, CachedNodeClaim>();
  let byProviderId = new Map<string, CachedNodeClaim>();
  return (snapshot: ClusterSnapshot) => {
    if (snapshot.generation !== generation) {
      generation = snapshot.generation;
      byNode = new Map();
      byProviderId = new Map();
      for (const claim of snapshot.nodeClaims) {
        if (claim.status?.nodeName) byNode.set(claim.status.nodeName, claim);
        if (claim.status?.providerID)
          byProviderId.set(claim.status.providerID, claim);
      }
    }
    return { byNode, byProviderId };
  };
}

/**
 * Resolves an event's NodeClaim / Node to its NodePool, capacity type, instance type and zone
 * from the cluster cache (waiting for its initial lists, so events seen right after a start are
 * resolved too). A Node resolves to its NodeClaim by the NodeClaim's `status.nodeName`, else by
 * `status.providerID` = the Node's `spec.providerID` (Karpenter's NodeClaim ↔ Node link).
 *
 * @internal
 */
export function cacheResolver(
  cache: ClusterCache,
  cluster: string,
): InvolvedObjectResolver {
  const index = claimIndex();
  const snapshot = () => cache.snapshot(cluster).catch(() => undefined);
  return {
    async resolve(involved) {
      if (!involved.name) return {};
      const snap = await snapshot();
      if (involved.kind === 'NodeClaim') {
        const claim = cache.lookup(cluster, 'nodeclaims', involved.name);
        return {
          nodeClaim: involved.name,
          nodeClaimSinceMs: createdMs(claim),
          node: claim?.status?.nodeName,
          ...factsOf(claim?.metadata?.labels),
        };
      }
      if (involved.kind === 'Node') {
        const node = cache.lookup(cluster, 'nodes', involved.name);
        const claims = snap ? index(snap) : undefined;
        const claim =
          claims?.byNode.get(involved.name) ??
          (node?.spec?.providerID
            ? claims?.byProviderId.get(node.spec.providerID)
            : undefined);
        const labels = {
          ...node?.metadata?.labels,
          ...claim?.metadata?.labels,
        };
        return {
          node: involved.name,
          nodeClaim: claim?.metadata?.name,
          nodeClaimSinceMs: createdMs(claim),
          ...factsOf(labels),
        };
      }
      if (involved.kind === 'NodePool') return { nodePool: involved.name };
      return {};
    },
    async known() {
      const snap = await snapshot();
      if (!snap) return [];
      const nodeByProviderId = new Map<string, string>();
      for (const node of snap.nodes)
        if (node.spec?.providerID && node.metadata?.name)
          nodeByProviderId.set(node.spec.providerID, node.metadata.name);
      const mappings: NodeMapping[] = [];
      for (const claim of snap.nodeClaims) {
        const node =
          claim.status?.nodeName ??
          nodeByProviderId.get(claim.status?.providerID ?? '');
        if (!node || !claim.metadata?.name) continue;
        mappings.push({
          node,
          nodeClaim: claim.metadata.name,
          sinceMs: createdMs(claim),
          ...factsOf(claim.metadata.labels),
        });
      }
      return mappings;
    },
  };
}
