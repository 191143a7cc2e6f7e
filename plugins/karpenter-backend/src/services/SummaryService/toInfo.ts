import {
  BudgetInfo,
  ConditionInfo,
  NodeClaimInfo,
  NodeClaimState,
  NodeClassInfo,
  NodePoolInfo,
  parseQuantity,
  ResourceUsage,
} from '@karpenter-backstage/plugin-karpenter-common';
import {
  CachedEC2NodeClass,
  CachedNode,
  CachedNodeClaim,
  CachedNodePool,
} from '../ClusterCache';
import {
  HealthThresholds,
  KubeCondition,
  budgetActive,
  budgetAllows,
  conditionIs,
  evaluateNodeClassHealth,
  evaluateNodePoolHealth,
} from '../Health';

const conditionsOf = (o: {
  status?: { conditions?: KubeCondition[] };
}): ConditionInfo[] =>
  (o?.status?.conditions ?? []).map(c => ({
    type: c.type,
    status: c.status,
    reason: c.reason || undefined,
    message: c.message || undefined,
    lastTransitionTime: c.lastTransitionTime,
  }));

/** The lifecycle state of a NodeClaim from its conditions. @internal */
export function nodeClaimState(claim: CachedNodeClaim): NodeClaimState {
  const c = claim.status?.conditions;
  if (claim.metadata.deletionTimestamp) return 'terminating';
  if (conditionIs(c, 'DisruptionReason') === true) return 'disrupting';
  if (conditionIs(c, 'Drifted') === true) return 'drifted';
  if (
    conditionIs(c, 'Launched') === false &&
    c?.find(x => x.type === 'Launched')?.reason !== 'NotLaunched'
  )
    return 'failed';
  if (conditionIs(c, 'Initialized') === true) return 'initialized';
  if (conditionIs(c, 'Registered') === true) return 'registered';
  if (conditionIs(c, 'Launched') === true) return 'launched';
  return 'pending';
}

export function nodeClaimInfo(claim: CachedNodeClaim): NodeClaimInfo {
  const labels = claim.metadata.labels ?? {};
  return {
    name: claim.metadata.name,
    nodePool: labels['karpenter.sh/nodepool'],
    state: nodeClaimState(claim),
    instanceType: labels['node.kubernetes.io/instance-type'],
    capacityType: labels['karpenter.sh/capacity-type'],
    zone: labels['topology.kubernetes.io/zone'],
    nodeName: claim.status?.nodeName,
    createdAt: claim.metadata.creationTimestamp,
    drifted: conditionIs(claim.status?.conditions, 'Drifted') === true,
    disruptionReason: claim.status?.conditions?.find(
      x => x.type === 'DisruptionReason' && x.status === 'True',
    )?.reason,
    conditions: conditionsOf(claim),
  };
}

/** A label map without the `undefined` values the generated CRD types allow (JSON has none). */
function labelMap(labels: {
  [key: string]: string | undefined;
}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

function usage(pool: CachedNodePool, resource: string): ResourceUsage {
  const used = parseQuantity(pool.status?.resources?.[resource] ?? 0) || 0;
  const limit = parseQuantity(pool.spec?.limits?.[resource]);
  return Number.isFinite(limit) && limit > 0
    ? { used, limit, ratio: used / limit }
    : { used };
}

export function nodePoolInfo(
  cluster: string,
  pool: CachedNodePool,
  context: {
    nodeClass?: CachedEC2NodeClass;
    claims: readonly CachedNodeClaim[];
    nodes: readonly CachedNode[];
    nowMs: number;
    thresholds?: Partial<HealthThresholds>;
  },
): NodePoolInfo {
  const nodeCount =
    parseQuantity(pool.status?.resources?.nodes ?? pool.status?.nodes ?? 0) ||
    0;
  const byCapacity: Record<string, number> = {};
  for (const node of context.nodes) {
    const type =
      node.metadata.labels?.['karpenter.sh/capacity-type'] ?? 'unknown';
    byCapacity[type] = (byCapacity[type] ?? 0) + 1;
  }
  const byState: Partial<Record<NodeClaimState, number>> = {};
  for (const claim of context.claims) {
    const state = nodeClaimState(claim);
    byState[state] = (byState[state] ?? 0) + 1;
  }
  const budgets: BudgetInfo[] = (pool.spec?.disruption?.budgets ?? []).map(
    b => {
      const active = budgetActive(b, context.nowMs);
      return {
        nodes: b.nodes,
        reasons: b.reasons,
        schedule: b.schedule,
        duration: b.duration,
        active,
        allowedDisruptions: active ? budgetAllows(b, nodeCount) : 0,
      };
    },
  );
  const templateSpec = pool.spec?.template?.spec ?? {};
  return {
    cluster,
    name: pool.metadata.name,
    nodeClass: templateSpec.nodeClassRef,
    health: evaluateNodePoolHealth({
      pool,
      nodeClass: context.nodeClass,
      nodeClaims: context.claims,
      nowMs: context.nowMs,
      thresholds: context.thresholds,
    }),
    weight: pool.spec?.weight,
    requirements: templateSpec.requirements ?? [],
    taints: templateSpec.taints ?? [],
    labels: labelMap(pool.spec?.template?.metadata?.labels ?? {}),
    expireAfter: templateSpec.expireAfter,
    usage: {
      cpu: usage(pool, 'cpu'),
      memory: usage(pool, 'memory'),
      pods: usage(pool, 'pods'),
    },
    nodeCount,
    nodesByCapacityType: byCapacity,
    nodeClaimsByState: byState,
    disruption: {
      consolidationPolicy: pool.spec?.disruption?.consolidationPolicy,
      consolidateAfter: pool.spec?.disruption?.consolidateAfter,
      budgets,
    },
    conditions: conditionsOf(pool),
  };
}

export function nodeClassInfo(nc: CachedEC2NodeClass): NodeClassInfo {
  return {
    name: nc.metadata.name,
    ready: conditionIs(nc.status?.conditions, 'Ready') === true,
    health: evaluateNodeClassHealth(nc),
    role: nc.spec?.role,
    instanceProfile: nc.status?.instanceProfile ?? nc.spec?.instanceProfile,
    amiSelectorTerms: nc.spec?.amiSelectorTerms ?? [],
    subnets: nc.status?.subnets ?? [],
    securityGroups: nc.status?.securityGroups ?? [],
    amis: nc.status?.amis ?? [],
    conditions: conditionsOf(nc),
  };
}
