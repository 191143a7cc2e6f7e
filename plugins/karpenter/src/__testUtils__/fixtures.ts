import { Entity } from '@backstage/catalog-model';
import {
  ClusterSummary,
  Cost,
  CostItem,
  EntitySummary,
  HealthReason,
  HealthStatus,
  InterruptionActivity,
  InterruptionHistoryResponse,
  NodeClaimInfo,
  NodeClassInfo,
  NodePoolInfo,
  PENDING_POD_HINTS,
  PendingPod,
  PendingPodCode,
  PendingPods,
} from '@karpenter-backstage/plugin-karpenter-common';

const GiB = 1024 ** 3;
const HOUR = 3_600_000;
export const NOW = Date.parse('2026-11-24T12:00:00Z');

/** A NodePool shaped like the backend answers it. */
export function nodePool(
  name: string,
  overrides: Partial<NodePoolInfo> = {},
): NodePoolInfo {
  return {
    cluster: 'demo',
    name,
    nodeClass: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name },
    health: { status: 'healthy', reasons: [] },
    requirements: [
      {
        key: 'karpenter.sh/capacity-type',
        operator: 'In',
        values: ['spot', 'on-demand'],
      },
    ],
    taints: [],
    labels: {},
    expireAfter: '720h',
    usage: {
      cpu: { used: 40, limit: 100, ratio: 0.4 },
      memory: { used: 160 * GiB, limit: 400 * GiB, ratio: 0.4 },
    },
    nodeCount: 12,
    nodesByCapacityType: { spot: 8, 'on-demand': 4 },
    nodeClaimsByState: { initialized: 12 },
    disruption: {
      consolidationPolicy: 'WhenEmptyOrUnderutilized',
      consolidateAfter: '1m',
      budgets: [{ nodes: '10%', active: true, allowedDisruptions: 1 }],
    },
    conditions: [{ type: 'Ready', status: 'True' }],
    ...overrides,
  };
}

/** A cost item; `hourly` absent: the nodes have no known price. */
export type CostItemFixture = Omit<CostItem, 'hourly'> & { hourly?: number };

/**
 * A cost as the backend computes it: 8 spot m5.large at $0.04/h and 4 on-demand m5.large at
 * $0.10/h by default ($0.72/h; at on-demand prices $1.20/h, 40 % saved by spot), prices fetched
 * an hour before NOW. `items` replaces the nodes and the sums follow from them.
 */
export function cost(
  overrides: Partial<Cost> = {},
  items: CostItemFixture[] = [
    { instanceType: 'm5.large', capacityType: 'spot', nodes: 8, hourly: 0.32 },
    {
      instanceType: 'm5.large',
      capacityType: 'on-demand',
      nodes: 4,
      hourly: 0.4,
    },
  ],
  onDemandHourly = 0.1,
): Cost {
  const priced = items.filter(i => i.hourly !== undefined);
  const hourly = priced.reduce((sum, i) => sum + (i.hourly ?? 0), 0);
  const pricedNodes = priced.reduce((sum, i) => sum + i.nodes, 0);
  const onDemandEquivalentHourly = pricedNodes * onDemandHourly;
  return {
    hourly,
    onDemandEquivalentHourly,
    ...(onDemandEquivalentHourly > 0
      ? { spotSavings: 1 - hourly / onDemandEquivalentHourly }
      : {}),
    currency: 'USD',
    pricedNodes,
    unpricedNodes: items.reduce((sum, i) => sum + i.nodes, 0) - pricedNodes,
    pricesAsOf: new Date(NOW - HOUR).toISOString(),
    // the items of nodes without a price have no `hourly`
    byInstanceType: items as CostItem[],
    ...overrides,
  };
}

/** The health of a NodePool with one reason of that severity. */
export function healthWith(
  status: Exclude<HealthStatus, 'healthy'>,
  code: HealthReason['code'],
  message: string,
): NodePoolInfo['health'] {
  return { status, reasons: [{ code, message, severity: status }] };
}

/**
 * The 24 h activity of interrupted NodeClaims per NodePool (each one interruption as Karpenter
 * records it: the notice and TerminatingOnInterruption on the NodeClaim and its Node, 4 events),
 * plus optional disruptions by reason, rebalance warnings and consolidations per NodePool.
 */
export function activity(
  byNodePool: Record<string, number>,
  extra: {
    disruptions?: Record<string, number>;
    rebalance?: number;
    consolidationsByNodePool?: Record<string, number>;
  } = {},
): InterruptionActivity {
  const interrupted = Object.values(byNodePool).reduce((a, b) => a + b, 0);
  const disrupted = Object.values(extra.disruptions ?? {}).reduce(
    (a, b) => a + b,
    0,
  );
  const rebalance = extra.rebalance ?? 0;
  const events = interrupted * 4 + disrupted * 2 + rebalance * 2;
  const byReason = {
    ...(interrupted
      ? { SpotInterrupted: interrupted, TerminatingOnInterruption: interrupted }
      : {}),
    ...(disrupted ? { DisruptionTerminating: disrupted } : {}),
    ...(rebalance ? { SpotRebalanceRecommendation: rebalance } : {}),
  };
  const counted = {
    interrupted,
    rebalanceRecommended: rebalance,
    disrupted,
  };
  const none = { interrupted: 0, rebalanceRecommended: 0, disrupted: 0 };
  return {
    from: new Date(NOW - 24 * HOUR).toISOString(),
    to: new Date(NOW).toISOString(),
    totals: {
      total: events,
      events,
      nodeClaims: counted,
      byReason,
      byNodePool,
      byCapacityType: interrupted ? { spot: interrupted } : {},
      byInstanceType: {},
      byZone: {},
      disruptionsByReason: extra.disruptions ?? {},
      consolidationsByNodePool: extra.consolidationsByNodePool ?? {},
    },
    hourly: Array.from({ length: 24 }, (_, i) => ({
      start: new Date(NOW - (24 - i) * HOUR).toISOString(),
      total: i === 23 ? events : 0,
      byReason: i === 23 ? byReason : {},
      nodeClaims: i === 23 ? counted : none,
    })),
  };
}

export function cluster(
  name: string,
  overrides: Partial<ClusterSummary> = {},
): ClusterSummary {
  return {
    cluster: name,
    title: `${name} (EKS)`,
    health: 'healthy',
    nodePools: [nodePool('general', { cluster: name })],
    interruptions: activity({}),
    queue: {
      cluster: name,
      queueName: `karpenter-${name}`,
      state: 'ok',
      message: 'Queue is drained',
      latest: {
        time: new Date(NOW).toISOString(),
        visible: 0,
        notVisible: 0,
        delayed: 0,
      },
    },
    updatedAt: new Date(NOW).toISOString(),
    ...overrides,
  };
}

export function summary(
  clusters: ClusterSummary[],
  overrides: Partial<EntitySummary> = {},
): EntitySummary {
  const order = ['healthy', 'unknown', 'degraded', 'unhealthy'] as const;
  const worst = clusters.reduce<(typeof order)[number]>(
    (w, c) => (order.indexOf(c.health) > order.indexOf(w) ? c.health : w),
    'healthy',
  );
  return {
    entityRef: 'resource:default/demo-cluster',
    status: 'configured',
    mapping: 'annotations',
    health: worst,
    clusters,
    generatedAt: new Date(NOW).toISOString(),
    ...overrides,
  };
}

/** The answer for an entity without a usable karpenter.sh/cluster annotation. */
export function notConfiguredSummary(): EntitySummary {
  return summary([], {
    status: 'not-configured',
    health: 'unknown',
    message: 'No karpenter.sh/cluster annotation.',
  });
}

/** A cluster the user's Backstage permission (karpenter.cluster.read) denies. */
export function forbiddenCluster(name: string): ClusterSummary {
  return cluster(name, {
    health: 'unknown',
    nodePools: [],
    error: {
      code: 'FORBIDDEN',
      message: `You do not have access to cluster '${name}' (karpenter.cluster.read)`,
      permission: 'karpenter.cluster.read',
    },
  });
}

/** The time of day the card and the tab show for a data time, in the test's locale. */
export function timeOfDay(iso: string): string {
  return new Date(iso).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

export function nodeClaims(
  count: number,
  nodePoolName = 'general',
): NodeClaimInfo[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${nodePoolName}-${String(i).padStart(5, '0')}`,
    nodePool: nodePoolName,
    state: i % 10 === 0 ? 'drifted' : 'initialized',
    instanceType: 'm5.large',
    capacityType: i % 3 ? 'spot' : 'on-demand',
    zone: 'eu-west-1a',
    nodeName: `ip-10-0-${Math.floor(i / 250)}-${
      i % 250
    }.eu-west-1.compute.internal`,
    createdAt: new Date(NOW - i * 60_000).toISOString(),
    drifted: i % 10 === 0,
    conditions: [],
  }));
}

export function nodeClass(name: string, ready = true): NodeClassInfo {
  return {
    name,
    ready,
    health: ready
      ? { status: 'healthy', reasons: [] }
      : {
          status: 'unhealthy',
          reasons: [
            {
              code: 'NODECLASS_NOT_READY',
              message: 'SubnetsReady=False: no subnets found',
              severity: 'unhealthy',
            },
          ],
        },
    role: 'KarpenterNodeRole-demo',
    instanceProfile: 'demo_1234',
    amiSelectorTerms: [{ alias: 'al2023@latest' }],
    subnets: ready ? [{ id: 'subnet-0a', zone: 'eu-west-1a' }] : [],
    securityGroups: [{ id: 'sg-01', name: 'eks-node' }],
    amis: [{ id: 'ami-0123', name: 'al2023' }],
    conditions: [
      {
        type: 'Ready',
        status: ready ? 'True' : 'False',
        reason: ready ? undefined : 'SubnetsNotFound',
      },
    ],
  };
}

export function history(total: number): InterruptionHistoryResponse {
  const a = activity(total ? { general: total } : {});
  return {
    cluster: 'demo',
    from: a.from,
    to: a.to,
    bucketSeconds: 3600,
    buckets: a.hourly,
    totals: a.totals,
    records: Array.from({ length: Math.min(total, 20) }, (_, i) =>
      rawRecord(i),
    ),
    nextCursor: total > 20 ? 'next' : undefined,
    notices: Array.from({ length: Math.min(total, 20) }, (_, i) => ({
      subject: `general-${i}`,
      reason: 'SpotInterrupted' as const,
      kind: 'interruption' as const,
      nodeClaim: `general-${i}`,
      node: `ip-10-0-0-${i}`,
      nodePool: 'general',
      capacityType: 'spot',
      instanceType: 'm5.large',
      zone: 'eu-west-1a',
      firstTime: new Date(NOW - i * 60_000).toISOString(),
      lastTime: new Date(NOW - i * 60_000 + 1000).toISOString(),
      events: 4,
      records: [rawRecord(i), { ...rawRecord(i), eventUid: `n${i}` }],
    })),
    nextNoticeCursor: total > 20 ? 'next-notices' : undefined,
  };
}

function rawRecord(i: number) {
  return {
    cluster: 'demo',
    eventUid: `e${i}`,
    occurrence: 1,
    time: new Date(NOW - i * 60_000).toISOString(),
    reason: 'SpotInterrupted' as const,
    type: 'Warning',
    message: 'Spot interruption warning was triggered',
    nodeClaim: `general-${i}`,
    nodePool: 'general',
    capacityType: 'spot',
    instanceType: 'm5.large',
    zone: 'eu-west-1a',
  };
}

/** The "Change Karpenter NodePools" template entity the remediation links need in the catalog. */
export function changeTemplateEntity(
  name = 'karpenter-nodepools-change',
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name, namespace, title: 'Change Karpenter NodePools' },
    spec: { type: 'service', owner: 'platform-team', steps: [] },
  };
}

/** A `kubernetes-cluster` Resource of the catalog standing for a Karpenter cluster. */
export function clusterEntity(name: string, clusterName: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'karpenter.sh/cluster': clusterName },
    },
    spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
  };
}

/**
 * A pending pod as the backend explains it, waiting for `minutes` (before the real clock: the
 * tab shows the age against `Date.now()`).
 */
export function pendingPod(
  name: string,
  code: PendingPodCode,
  overrides: Partial<PendingPod> & { minutes?: number } = {},
): PendingPod {
  const { minutes = 12, ...rest } = overrides;
  return {
    namespace: 'shop',
    name,
    pendingSince: new Date(Date.now() - minutes * 60_000).toISOString(),
    code,
    message:
      code === 'NODEPOOL_LIMIT'
        ? 'NodePool general reached its CPU limit (104/104 cores).'
        : `The pod waits (${code}).`,
    hint: PENDING_POD_HINTS[code],
    ...rest,
  };
}

/** `ClusterSummary.pendingPods`: the items, `total` their number unless given. */
export function pendingPods(items: PendingPod[], total?: number): PendingPods {
  return { total: total ?? items.length, items };
}
