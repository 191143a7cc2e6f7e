import {
  CachedNode,
  CachedNodeClaim,
  CachedObjects,
  ClusterCache,
  ClusterSnapshot,
} from '../ClusterCache';
import { cacheResolver } from './cacheResolver';

const labels = (pool: string) => ({
  'karpenter.sh/nodepool': pool,
  'karpenter.sh/capacity-type': 'spot',
  'node.kubernetes.io/instance-type': 'm5.large',
  'topology.kubernetes.io/zone': 'eu-west-1a',
});

const nodeClassRef = {
  group: 'karpenter.k8s.aws',
  kind: 'EC2NodeClass',
  name: 'default',
};

/** A cache holding two NodeClaims: one linked to its Node by status.nodeName, one by providerID only. */
function fakeCache(): ClusterCache {
  const nodeClaims: CachedNodeClaim[] = [
    {
      metadata: {
        name: 'general-a',
        labels: labels('general'),
        creationTimestamp: '2026-11-24T10:00:00Z',
      },
      spec: { nodeClassRef },
      status: { nodeName: 'ip-10-0-0-1', providerID: 'aws:///eu-west-1a/i-1' },
    },
    {
      metadata: { name: 'batch-b', labels: labels('batch') },
      spec: { nodeClassRef },
      status: { providerID: 'aws:///eu-west-1a/i-2' },
    },
  ];
  const nodes: CachedNode[] = [
    {
      metadata: { name: 'ip-10-0-0-1' },
      spec: { providerID: 'aws:///eu-west-1a/i-1' },
    },
    {
      metadata: { name: 'ip-10-0-0-2' },
      spec: { providerID: 'aws:///eu-west-1a/i-2' },
    },
  ];
  const snapshot: ClusterSnapshot = {
    cluster: 'demo',
    nodePools: [],
    nodeClaims,
    nodeClasses: [],
    nodes,
    generation: '1',
    generations: { nodePools: 1, nodeClaims: 1, nodeClasses: 1, nodes: 1 },
    ofNodePool: () => ({ nodeClaims: [], nodes: [], generation: '0' }),
    syncedAt: Date.parse('2026-12-02T10:00:00Z'),
  };
  const objects: {
    [R in 'nodeclaims' | 'nodes']: Array<CachedObjects[R]>;
  } = { nodeclaims: nodeClaims, nodes };
  return {
    snapshot: async () => snapshot,
    lookup: (_c, resource, name) =>
      objects[resource].find(o => o.metadata.name === name),
    stop: () => {},
  };
}

describe('cacheResolver', () => {
  const resolver = cacheResolver(fakeCache(), 'demo');

  it('resolves a NodeClaim to its Node and facts', async () => {
    expect(
      await resolver.resolve({ kind: 'NodeClaim', name: 'general-a' }),
    ).toEqual({
      nodeClaim: 'general-a',
      nodeClaimSinceMs: Date.parse('2026-11-24T10:00:00Z'),
      node: 'ip-10-0-0-1',
      nodePool: 'general',
      capacityType: 'spot',
      instanceType: 'm5.large',
      zone: 'eu-west-1a',
    });
  });

  it('resolves a Node to its NodeClaim by status.nodeName, else by providerID', async () => {
    expect(
      await resolver.resolve({ kind: 'Node', name: 'ip-10-0-0-1' }),
    ).toMatchObject({
      node: 'ip-10-0-0-1',
      nodeClaim: 'general-a',
      nodePool: 'general',
    });
    expect(
      await resolver.resolve({ kind: 'Node', name: 'ip-10-0-0-2' }),
    ).toMatchObject({
      node: 'ip-10-0-0-2',
      nodeClaim: 'batch-b',
      nodePool: 'batch',
    });
    expect(await resolver.resolve({ kind: 'Node', name: 'ip-gone' })).toEqual({
      node: 'ip-gone',
    });
  });

  it('knows the Node → NodeClaim mappings of the NodeClaims that have a Node (by name or providerID)', async () => {
    expect(await resolver.known!()).toEqual([
      {
        node: 'ip-10-0-0-1',
        nodeClaim: 'general-a',
        sinceMs: Date.parse('2026-11-24T10:00:00Z'),
        nodePool: 'general',
        capacityType: 'spot',
        instanceType: 'm5.large',
        zone: 'eu-west-1a',
      },
      {
        node: 'ip-10-0-0-2',
        nodeClaim: 'batch-b',
        sinceMs: undefined,
        nodePool: 'batch',
        capacityType: 'spot',
        instanceType: 'm5.large',
        zone: 'eu-west-1a',
      },
    ]);
  });
});
