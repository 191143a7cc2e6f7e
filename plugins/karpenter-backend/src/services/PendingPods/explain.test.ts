import type {
  NodeClaimInfo,
  NodePoolInfo,
} from '@karpenter-backstage/plugin-karpenter-common';
import type { CachedPod, CachedPodEvent } from '../ClusterCache';
import { ExplainContext, explainPendingPod, joinPools } from './explain';

const GIB = 1024 ** 3;

function pool(name: string, extra: Partial<NodePoolInfo> = {}): NodePoolInfo {
  return {
    cluster: 'c',
    name,
    taints: [],
    requirements: [],
    labels: {},
    health: { status: 'healthy', reasons: [] },
    conditions: [{ type: 'Ready', status: 'True' }],
    usage: {
      cpu: { used: 8, limit: 104 },
      memory: { used: 32 * GIB, limit: 400 * GIB },
    },
    nodeCount: 1,
    ...extra,
  } as Partial<NodePoolInfo> as NodePoolInfo;
}

function pod(
  name: string,
  scheduling: Partial<NonNullable<CachedPod['scheduling']>> = {},
): CachedPod {
  return {
    metadata: {
      name,
      namespace: 'shop',
      uid: `uid-${name}`,
      creationTimestamp: '2026-12-04T10:00:00Z',
    },
    spec: {},
    status: { phase: 'Pending' },
    scheduling: {
      nodeSelector: { 'karpenter.sh/nodepool': 'general' },
      requests: { cpu: 0.5, memory: 512 * 1024 ** 2 },
      ...scheduling,
    },
  };
}

function context(
  pools: NodePoolInfo[],
  events: Record<string, string> = {},
  claims: NodeClaimInfo[] = [],
): ExplainContext {
  return {
    pools: new Map(pools.map(p => [p.name, p])),
    nodeLimits: new Map(),
    nodeClaims: new Map(claims.map(c => [c.name, c])),
    join: p => joinPools(p, pools),
    latestEvent: p =>
      events[p.metadata.name]
        ? ({
            metadata: { name: 'e' },
            involvedObject: { name: p.metadata.name, namespace: 'shop' },
            reason: events[p.metadata.name].startsWith('Pod should')
              ? 'Nominated'
              : 'FailedScheduling',
            message: events[p.metadata.name],
            at: 1,
          } as CachedPodEvent)
        : undefined,
  };
}

const critical = pool('critical', {
  taints: [{ key: 'critical', value: 'true', effect: 'NoSchedule' }],
});

// Messages as kubernetes-sigs/karpenter v1.14.1 writes them (scheduling/events.go, scheduler.go).
describe('explainPendingPod', () => {
  it('NOMINATED: names the NodeClaim and its state', () => {
    const v = explainPendingPod(
      pod('a'),
      context(
        [pool('general')],
        { a: 'Pod should schedule on: nodeclaim/general-x1' },
        [
          {
            name: 'general-x1',
            nodePool: 'general',
            state: 'launched',
          } as NodeClaimInfo,
        ],
      ),
    );
    expect(v).toMatchObject({
      code: 'NOMINATED',
      nodeClaim: 'general-x1',
      nodeClaimState: 'launched',
      nodePool: 'general',
      message: 'Karpenter is launching NodeClaim general-x1 for it (launched).',
      karpenterMessage: 'Pod should schedule on: nodeclaim/general-x1',
    });
    expect(v.hint).toMatch(/launching a node/);
  });

  it('NODEPOOL_LIMIT: from the NodePool-named part of a multi-NodePool message', () => {
    const full = pool('general', {
      usage: {
        cpu: { used: 104, limit: 104 },
        memory: { used: 0, limit: 400 * GIB },
      },
    });
    const v = explainPendingPod(
      pod('a'),
      context([critical, full], {
        a: 'Failed to schedule pod, did not tolerate taint (taint=critical=true:NoSchedule); all available instance types exceed limits for nodepool (NodePool=general)',
      }),
    );
    expect(v).toMatchObject({
      code: 'NODEPOOL_LIMIT',
      nodePool: 'general',
      message: 'NodePool general reached its CPU limit (104/104 cores).',
    });
  });

  it('NODEPOOL_LIMIT without an event yet, when every NodePool that accepts it is full', () => {
    const full = pool('general', {
      usage: {
        cpu: { used: 104, limit: 104 },
        memory: { used: 0, limit: 400 * GIB },
      },
    });
    expect(explainPendingPod(pod('a'), context([full])).code).toBe(
      'NODEPOOL_LIMIT',
    );
  });

  it("NODECLASS_NOT_READY wins over Karpenter's misleading message about other NodePools", () => {
    const broken = pool('general', {
      conditions: [{ type: 'Ready', status: 'False' }],
      health: {
        status: 'unhealthy',
        reasons: [
          {
            code: 'NODECLASS_NOT_READY',
            message:
              'EC2NodeClass default is not ready: SubnetsReady=False (SubnetsNotFound)',
            severity: 'unhealthy',
          },
        ],
      },
    } as Partial<NodePoolInfo>);
    const v = explainPendingPod(
      pod('a'),
      context([critical, broken], {
        a: 'Failed to schedule pod, did not tolerate taint (taint=critical=true:NoSchedule)',
      }),
    );
    expect(v).toMatchObject({
      code: 'NODECLASS_NOT_READY',
      nodePool: 'general',
      message:
        'NodePool general accepts it, but EC2NodeClass default is not ready: SubnetsReady=False (SubnetsNotFound).',
    });
  });

  it('INCOMPATIBLE: names the NodePool the pod selects and the taint it does not tolerate', () => {
    const v = explainPendingPod(
      pod('a', { nodeSelector: { 'karpenter.sh/nodepool': 'critical' } }),
      context([critical, pool('general')]),
    );
    expect(v).toMatchObject({
      code: 'INCOMPATIBLE',
      nodePool: 'critical',
      message:
        'NodePool critical has taint critical=true:NoSchedule, which the pod does not tolerate.',
    });
    const none = explainPendingPod(
      pod('b', { nodeSelector: { team: 'x' } }),
      context([pool('general'), pool('batch')]),
    );
    expect(none.code).toBe('INCOMPATIBLE');
    expect(none.message).toMatch(
      /^No NodePool accepts it: NodePool general refuses it: label "team"/,
    );
  });

  it('NO_INSTANCE_TYPE: from the instance type filter error', () => {
    const v = explainPendingPod(
      pod('a', { requests: { cpu: 500, memory: GIB } }),
      context([pool('general')], {
        a: 'Failed to schedule pod, no instance type has enough resources, requirements=karpenter.sh/nodepool In [general], resources={"cpu":"500","memory":"1Gi","pods":"1"}',
      }),
    );
    expect(v).toMatchObject({
      code: 'NO_INSTANCE_TYPE',
      nodePool: 'general',
      message:
        'No instance type of NodePool general fits it (requests 500 cores, 1 GiB).',
    });
  });

  it('NO_RESOURCE_REQUESTS: nominated onto an existing node while requesting nothing', () => {
    const v = explainPendingPod(
      pod('a', { requests: { cpu: 0, memory: 0 } }),
      context(
        [pool('general')],
        { a: 'Pod should schedule on: nodeclaim/general-x1, node/ip-10-0-0-1' },
        [
          {
            name: 'general-x1',
            nodePool: 'general',
            state: 'initialized',
          } as NodeClaimInfo,
        ],
      ),
    );
    expect(v).toMatchObject({
      code: 'NO_RESOURCE_REQUESTS',
      nodePool: 'general',
    });
    expect(v.message).toMatch(/fitting on node ip-10-0-0-1/);
  });

  it("UNKNOWN: Karpenter's message verbatim; pendingSince from PodScheduled", () => {
    const v = explainPendingPod(
      pod('a', { unschedulable: { since: '2026-12-04T11:00:00Z' } }),
      context([pool('general')], {
        a: 'Failed to schedule pod, something new',
      }),
    );
    expect(v).toMatchObject({
      code: 'UNKNOWN',
      message: 'Failed to schedule pod, something new',
      pendingSince: '2026-12-04T11:00:00Z',
    });
  });

  it("keeps the first 1,024 characters of Karpenter's message", () => {
    const long = `Failed to schedule pod, ${Array.from(
      { length: 100 },
      (_, i) =>
        `incompatible requirements, key karpenter.sh/nodepool, karpenter.sh/nodepool In [general] not in karpenter.sh/nodepool In [pool-${i}]`,
    ).join('; ')}`;
    const v = explainPendingPod(
      pod('a'),
      context([pool('general')], { a: long }),
    );
    expect(v.karpenterMessage).toHaveLength(1024);
    expect(v.karpenterMessage!.endsWith('…')).toBe(true);
    expect(long.startsWith(v.karpenterMessage!.slice(0, -1))).toBe(true);
  });

  it("UNKNOWN without Karpenter's word: the kube-scheduler's, from PodScheduled", () => {
    const v = explainPendingPod(
      pod('a', {
        unschedulable: {
          reason: 'Unschedulable',
          message: '0/3 nodes are available: 3 Insufficient cpu.',
        },
      }),
      context([pool('general')]),
    );
    expect(v).toMatchObject({
      code: 'UNKNOWN',
      message:
        'Karpenter has not said why; the kube-scheduler says: 0/3 nodes are available: 3 Insufficient cpu.',
    });
    expect(v.karpenterMessage).toBeUndefined();
  });
});
