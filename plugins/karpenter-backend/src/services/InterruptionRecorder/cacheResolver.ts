import { ClusterCache } from '../ClusterCache';
import { InvolvedObjectFacts, InvolvedObjectResolver } from './types';

/**
 * Resolves an event's NodeClaim / Node to its NodePool, capacity type, instance type and zone
 * from the cluster cache (waiting for its initial lists, so events seen right after a start are
 * resolved too).
 *
 * @internal
 */
export function cacheResolver(
  cache: ClusterCache,
  cluster: string,
): InvolvedObjectResolver {
  const facts = (labels: Record<string, string> = {}): InvolvedObjectFacts => ({
    nodePool: labels['karpenter.sh/nodepool'],
    capacityType: labels['karpenter.sh/capacity-type'],
    instanceType: labels['node.kubernetes.io/instance-type'],
    zone: labels['topology.kubernetes.io/zone'],
  });
  return {
    async resolve(involved) {
      if (!involved.name) return {};
      await cache.snapshot(cluster).catch(() => undefined);
      if (involved.kind === 'NodeClaim') {
        const claim = cache.lookup(cluster, 'nodeclaims', involved.name);
        return {
          nodeClaim: involved.name,
          node: claim?.status?.nodeName,
          ...facts(claim?.metadata?.labels),
        };
      }
      if (involved.kind === 'Node') {
        const node = cache.lookup(cluster, 'nodes', involved.name);
        return { node: involved.name, ...facts(node?.metadata?.labels) };
      }
      if (involved.kind === 'NodePool') return { nodePool: involved.name };
      return {};
    },
  };
}
