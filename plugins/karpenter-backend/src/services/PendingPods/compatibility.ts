import type { NodePoolInfo } from '@karpenter-backstage/plugin-karpenter-common';
import type {
  V1NodeSelectorRequirement,
  V1Toleration,
} from '@kubernetes/client-node';
import type { CachedPodScheduling } from '../ClusterCache';

/*
 * Whether a NodePool accepts a pod, with the semantics of Karpenter's scheduler
 * (kubernetes-sigs/karpenter v1.14.1): the NodePool's taints first (`pkg/scheduling/taints.go`
 * Tolerates; PreferNoSchedule taints are tolerated when preferences are relaxed, scheduler.go),
 * then `Requirements.Compatible` (`pkg/scheduling/requirements.go`): a pod key the NodePool does
 * not define is refused unless it is a well-known label or the pod's operator is NotIn /
 * DoesNotExist; keys both define must intersect. The NodePool's requirements are its template's
 * requirements, its template labels (In [value]) and `karpenter.sh/nodepool In [name]`
 * (`nodeclaimtemplate.go`). Required node affinity terms are alternatives: the pod fits when one
 * of them does (Karpenter relaxes to the next term, `preferences.go`).
 */

/**
 * Labels a pod may require without the NodePool defining them (`pkg/apis/v1/labels.go`
 * WellKnownLabels, plus those the AWS provider adds in its `pkg/apis/v1/labels.go`).
 */
const WELL_KNOWN_LABELS = new Set([
  'karpenter.sh/nodepool',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'node.kubernetes.io/instance-type',
  'kubernetes.io/arch',
  'kubernetes.io/os',
  'karpenter.sh/capacity-type',
  'node.kubernetes.io/windows-build',
  'topology.k8s.aws/zone-id',
  'karpenter.k8s.aws/capacity-reservation-id',
  'karpenter.k8s.aws/capacity-reservation-type',
]);
const WELL_KNOWN_PREFIX = 'karpenter.k8s.aws/instance-';

const isWellKnown = (key: string) =>
  WELL_KNOWN_LABELS.has(key) || key.startsWith(WELL_KNOWN_PREFIX);

/** Why a NodePool refuses a pod. @internal */
export type Conflict =
  | { kind: 'taint'; taint: string }
  | { kind: 'requirement'; key: string; detail: string };

interface Requirement {
  key: string;
  operator: string;
  values: string[];
}

function taintText(t: { key: string; value?: string; effect: string }) {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** Kubernetes' Toleration.ToleratesTaint (k8s.io/api core/v1 toleration.go). */
function tolerates(
  t: V1Toleration,
  taint: { key: string; value?: string; effect: string },
) {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  if (!t.key) return false; // an empty key needs Exists
  return (t.value ?? '') === (taint.value ?? '');
}

function poolRequirements(pool: NodePoolInfo): Map<string, Requirement> {
  const reqs = new Map<string, Requirement>();
  const add = (r: Requirement) => {
    const existing = reqs.get(r.key);
    // two In requirements of one key narrow to their intersection
    if (existing && existing.operator === 'In' && r.operator === 'In')
      reqs.set(r.key, {
        ...r,
        values: existing.values.filter(v => r.values.includes(v)),
      });
    else reqs.set(r.key, r);
  };
  for (const r of pool.requirements)
    add({ key: r.key, operator: r.operator, values: r.values ?? [] });
  for (const [key, value] of Object.entries(pool.labels))
    add({ key, operator: 'In', values: [value] });
  add({ key: 'karpenter.sh/nodepool', operator: 'In', values: [pool.name] });
  return reqs;
}

const negative = (op: string) => op === 'NotIn' || op === 'DoesNotExist';

function bounds(r: Requirement) {
  const n = Number(r.values[0]);
  if (r.operator === 'Gt') return { gt: n, lt: Infinity };
  if (r.operator === 'Lt') return { gt: -Infinity, lt: n };
  return undefined;
}

/** Values of `a` (an In requirement) that `b` allows. */
function allowed(values: string[], b: Requirement): string[] {
  switch (b.operator) {
    case 'In':
      return values.filter(v => b.values.includes(v));
    case 'NotIn':
      return values.filter(v => !b.values.includes(v));
    case 'Exists':
      return values;
    case 'DoesNotExist':
      return [];
    default: {
      const range = bounds(b)!;
      return values.filter(v => Number(v) > range.gt && Number(v) < range.lt);
    }
  }
}

/** Requirement.HasIntersection, with Intersects' NotIn/DoesNotExist exception. */
function intersects(existing: Requirement, incoming: Requirement): boolean {
  if (negative(existing.operator) && negative(incoming.operator)) return true;
  if (existing.operator === 'In')
    return allowed(existing.values, incoming).length > 0;
  if (incoming.operator === 'In')
    return allowed(incoming.values, existing).length > 0;
  if (
    existing.operator === 'DoesNotExist' ||
    incoming.operator === 'DoesNotExist'
  )
    return false;
  const a = bounds(existing);
  const b = bounds(incoming);
  if (a && b) return Math.max(a.gt, b.gt) + 1 < Math.min(a.lt, b.lt);
  return true; // Exists / NotIn / a bound against one another
}

const show = (r: Requirement) =>
  r.operator === 'Exists' || r.operator === 'DoesNotExist'
    ? `${r.key} ${r.operator}`
    : `${r.key} ${r.operator} [${r.values.join(' ')}]`;

function requirementConflict(
  reqs: Map<string, Requirement>,
  pod: Requirement[],
): Conflict | undefined {
  for (const r of pod) {
    const existing = reqs.get(r.key);
    if (!existing) {
      if (isWellKnown(r.key) || negative(r.operator)) continue;
      return {
        kind: 'requirement',
        key: r.key,
        detail: `label "${r.key}" is not defined by the NodePool`,
      };
    }
    if (!intersects(existing, r))
      return {
        kind: 'requirement',
        key: r.key,
        detail: `${show(r)} not in ${show(existing)}`,
      };
  }
  return undefined;
}

/** The pod's requirement alternatives: its nodeSelector with each required affinity term. */
function podRequirementSets(pod: CachedPodScheduling): Requirement[][] {
  const selector: Requirement[] = Object.entries(pod.nodeSelector ?? {}).map(
    ([key, value]) => ({ key, operator: 'In', values: [value] }),
  );
  const terms = pod.requiredNodeAffinity?.nodeSelectorTerms ?? [];
  if (!terms.length) return [selector];
  return terms.map(term => [
    ...selector,
    ...(term.matchExpressions ?? []).map((e: V1NodeSelectorRequirement) => ({
      key: e.key,
      operator: e.operator,
      values: e.values ?? [],
    })),
  ]);
}

/**
 * Why the NodePool refuses the pod (its first conflict, as Karpenter reports one per NodePool);
 * undefined when it accepts it.
 *
 * @internal
 */
export function conflictOf(
  pod: CachedPodScheduling,
  pool: NodePoolInfo,
): Conflict | undefined {
  for (const taint of pool.taints) {
    if (taint.effect === 'PreferNoSchedule') continue;
    if (!(pod.tolerations ?? []).some(t => tolerates(t, taint)))
      return { kind: 'taint', taint: taintText(taint) };
  }
  const reqs = poolRequirements(pool);
  let first: Conflict | undefined;
  for (const set of podRequirementSets(pod)) {
    const conflict = requirementConflict(reqs, set);
    if (!conflict) return undefined;
    first ??= conflict;
  }
  return first;
}
