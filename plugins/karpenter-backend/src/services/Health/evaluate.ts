import {
  budgetActive,
  budgetAllows,
  budgetScheduleError,
  BudgetSpec,
} from './budgets';
import {
  conditionIs,
  describeCondition,
  findCondition,
  KubeCondition,
} from './conditions';
import {
  Health,
  HealthReason,
  parseQuantity,
  worstStatus,
} from '@karpenter-backstage/plugin-karpenter-common';
import { DEFAULT_HEALTH_THRESHOLDS, HealthThresholds } from './thresholds';

/** A status from reasons: the worst severity among them. */
export function healthFromReasons(reasons: HealthReason[]): Health {
  return { status: worstStatus(reasons.map(r => r.severity)), reasons };
}

/** The fields of a NodePool the health model reads. */
export interface NodePoolLike {
  metadata: { name: string };
  spec?: {
    limits?: Record<string, string | number | undefined>;
    disruption?: { budgets?: BudgetSpec[] };
    template?: { spec?: { nodeClassRef?: { name?: string } } };
  };
  status?: {
    conditions?: KubeCondition[];
    resources?: Record<string, string | number | undefined>;
  };
}

/** The fields of an EC2NodeClass the health model reads. */
export interface NodeClassLike {
  metadata: { name: string };
  status?: { conditions?: KubeCondition[] };
}

/** The fields of a NodeClaim the health model reads. */
export interface NodeClaimLike {
  metadata: {
    name: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
  };
  status?: { conditions?: KubeCondition[] };
}

const NODECLASS_CONDITIONS = [
  'SubnetsReady',
  'SecurityGroupsReady',
  'AMIsReady',
  'InstanceProfileReady',
  'ValidationSucceeded',
];

/** Health of an EC2NodeClass: not Ready → unhealthy with the failing conditions. */
export function evaluateNodeClassHealth(
  nodeClass: NodeClassLike | undefined,
): Health {
  if (!nodeClass) return { status: 'unknown', reasons: [] };
  const ready = conditionIs(nodeClass.status?.conditions, 'Ready');
  if (ready === undefined) {
    return healthFromReasons([
      {
        code: 'NO_STATUS',
        message: `EC2NodeClass ${nodeClass.metadata.name} has no Ready condition yet`,
        severity: 'unknown',
      },
    ]);
  }
  if (ready) return { status: 'healthy', reasons: [] };
  const failing = NODECLASS_CONDITIONS.map(t =>
    findCondition(nodeClass.status?.conditions, t),
  ).filter((c): c is KubeCondition => !!c && c.status === 'False');
  const detail = failing.length
    ? failing.map(describeCondition).join('; ')
    : describeCondition(findCondition(nodeClass.status?.conditions, 'Ready')!);
  return healthFromReasons([
    {
      code: 'NODECLASS_NOT_READY',
      message: `EC2NodeClass ${nodeClass.metadata.name} is not ready: ${detail}`,
      severity: 'unhealthy',
    },
  ]);
}

function limitReasons(pool: NodePoolLike, t: HealthThresholds): HealthReason[] {
  const reasons: HealthReason[] = [];
  for (const [resource, label] of [
    ['cpu', 'CPU'],
    ['memory', 'MEMORY'],
  ] as const) {
    const limit = parseQuantity(pool.spec?.limits?.[resource]);
    const used = parseQuantity(pool.status?.resources?.[resource] ?? 0);
    if (!(limit > 0) || !(used >= 0)) continue;
    const ratio = used / limit;
    const pct = Math.round(ratio * 100);
    const name = resource === 'cpu' ? 'CPU' : 'Memory';
    if (ratio >= t.limitUnhealthyRatio) {
      reasons.push({
        code: `${label}_LIMIT_REACHED`,
        message: `${name} usage is at ${pct} % of the NodePool limit: it cannot grow`,
        severity: 'unhealthy',
      });
    } else if (ratio >= t.limitDegradedRatio) {
      reasons.push({
        code: `${label}_LIMIT_NEAR`,
        message: `${name} usage is at ${pct} % of the NodePool limit`,
        severity: 'degraded',
      });
    }
  }
  return reasons;
}

function claimReasons(
  claims: readonly NodeClaimLike[],
  nowMs: number,
  t: HealthThresholds,
): HealthReason[] {
  let notLaunched = 0;
  let notRegistered = 0;
  let drifted = 0;
  for (const c of claims) {
    if (c.metadata.deletionTimestamp) continue;
    const age = nowMs - Date.parse(c.metadata.creationTimestamp ?? '');
    const conditions = c.status?.conditions;
    if (conditionIs(conditions, 'Drifted') === true) drifted++;
    if (conditionIs(conditions, 'Launched') !== true) {
      if (age >= t.launchTimeoutMs) notLaunched++;
    } else if (
      conditionIs(conditions, 'Registered') !== true &&
      age >= t.registrationTimeoutMs
    ) {
      notRegistered++;
    }
  }
  const reasons: HealthReason[] = [];
  if (notLaunched) {
    reasons.push({
      code: 'NODECLAIMS_NOT_LAUNCHED',
      message: `${notLaunched} NodeClaim(s) not launched after ${Math.round(
        t.launchTimeoutMs / 60_000,
      )} min`,
      severity: 'degraded',
    });
  }
  if (notRegistered) {
    reasons.push({
      code: 'NODECLAIMS_NOT_REGISTERED',
      message: `${notRegistered} NodeClaim(s) not registered after ${Math.round(
        t.registrationTimeoutMs / 60_000,
      )} min`,
      severity: 'degraded',
    });
  }
  if (drifted) {
    reasons.push({
      code: 'NODECLAIMS_DRIFTED',
      message: `${drifted} NodeClaim(s) drifted and will be replaced`,
      severity: 'healthy',
    });
  }
  return reasons;
}

function budgetReasons(pool: NodePoolLike, nowMs: number): HealthReason[] {
  const nodes = parseQuantity(pool.status?.resources?.nodes ?? 0) || 0;
  const blocking = (pool.spec?.disruption?.budgets ?? []).filter(
    b =>
      budgetScheduleError(b) !== undefined ||
      (budgetActive(b, nowMs) && budgetAllows(b, nodes) === 0),
  );
  return blocking.map(b => {
    const invalid = budgetScheduleError(b);
    return {
      code: 'DISRUPTION_BLOCKED_BY_BUDGET',
      message: `Disruption budget "nodes: ${b.nodes}"${
        b.reasons?.length ? ` for ${b.reasons.join(', ')}` : ''
      } allows 0 disruptions now${
        invalid
          ? ` (Karpenter cannot read it and fails closed: ${invalid})`
          : ''
      }`,
      severity: 'healthy' as const,
    };
  });
}

/** Inputs of {@link evaluateNodePoolHealth}. */
export interface NodePoolHealthInput {
  pool: NodePoolLike;
  nodeClass?: NodeClassLike;
  nodeClaims?: readonly NodeClaimLike[];
  nowMs: number;
  thresholds?: Partial<HealthThresholds>;
  /** Extra reasons from outside the cluster (e.g. the interruption queue falling behind). */
  extraReasons?: HealthReason[];
}

/**
 * Health of a NodePool from Karpenter v1 semantics: Ready (ValidationSucceeded ∧ NodeClassReady)
 * false → unhealthy; NodeRegistrationHealthy false → degraded; its EC2NodeClass not Ready →
 * unhealthy with the failing condition; usage ≥ 90 % / 100 % of a limit → degraded / unhealthy;
 * stuck NodeClaims → degraded; drifted NodeClaims and budgets allowing 0 disruptions reported.
 */
export function evaluateNodePoolHealth(input: NodePoolHealthInput): Health {
  const t = { ...DEFAULT_HEALTH_THRESHOLDS, ...input.thresholds };
  const { pool } = input;
  const conditions = pool.status?.conditions;
  const reasons: HealthReason[] = [];
  const ready = conditionIs(conditions, 'Ready');
  if (ready === undefined) {
    reasons.push({
      code: 'NO_STATUS',
      message: `NodePool ${pool.metadata.name} has no Ready condition yet`,
      severity: 'unknown',
    });
  } else if (!ready) {
    const validation = findCondition(conditions, 'ValidationSucceeded');
    if (validation?.status === 'False') {
      reasons.push({
        code: 'NODEPOOL_VALIDATION_FAILED',
        message: `NodePool failed validation: ${describeCondition(validation)}`,
        severity: 'unhealthy',
      });
    }
    const classReady = findCondition(conditions, 'NodeClassReady');
    const classHealth = evaluateNodeClassHealth(input.nodeClass);
    if (!input.nodeClass && pool.spec?.template?.spec?.nodeClassRef?.name) {
      reasons.push({
        code: 'NODECLASS_NOT_FOUND',
        message: `EC2NodeClass ${pool.spec.template.spec.nodeClassRef.name} does not exist`,
        severity: 'unhealthy',
      });
    } else if (classHealth.status === 'unhealthy') {
      reasons.push(...classHealth.reasons);
    } else if (classReady?.status === 'False') {
      reasons.push({
        code: 'NODECLASS_NOT_READY',
        message: `NodePool reports ${describeCondition(classReady)}`,
        severity: 'unhealthy',
      });
    }
    if (!reasons.some(r => r.severity === 'unhealthy')) {
      reasons.push({
        code: 'NODEPOOL_NOT_READY',
        message: `NodePool is not ready: ${describeCondition(
          findCondition(conditions, 'Ready')!,
        )}`,
        severity: 'unhealthy',
      });
    }
  } else {
    const classHealth = evaluateNodeClassHealth(input.nodeClass);
    if (classHealth.status === 'unhealthy')
      reasons.push(...classHealth.reasons);
  }
  const registration = findCondition(conditions, 'NodeRegistrationHealthy');
  if (registration?.status === 'False') {
    reasons.push({
      code: 'NODE_REGISTRATION_UNHEALTHY',
      message: `Launched nodes are not registering: ${describeCondition(
        registration,
      )}`,
      severity: 'degraded',
    });
  }
  reasons.push(...limitReasons(pool, t));
  reasons.push(...claimReasons(input.nodeClaims ?? [], input.nowMs, t));
  reasons.push(...budgetReasons(pool, input.nowMs));
  reasons.push(...(input.extraReasons ?? []));
  return healthFromReasons(reasons);
}
