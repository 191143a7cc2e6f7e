import {
  NodePoolInfo,
  Requirements,
  addRequirements,
  fromNodeSelector,
  incompatibilities,
  nodeSelectorRequirements,
  prettyTaint,
  requirement,
  untoleratedTaints,
} from '@karpenter-backstage/plugin-karpenter-common';
import type { CachedPodScheduling } from '../ClusterCache';

/*
 * Whether a NodePool accepts a pod, with the semantics of Karpenter's scheduler
 * (kubernetes-sigs/karpenter v1.14.1; the requirement and taint rules are the common package's
 * `scheduling/`): the NodePool's taints first (nodeclaim.go `CanAdd` → `pkg/scheduling/taints.go`
 * Tolerates; PreferNoSchedule taints are tolerated once preferences are relaxed, scheduler.go),
 * then `Requirements.Compatible` (`pkg/scheduling/requirements.go`). A NodePool's requirements
 * are its template's requirements, its template labels (In [value]) and
 * `karpenter.sh/nodepool In [name]` (`nodeclaimtemplate.go`). A pod's required node affinity
 * terms are alternatives: it fits when one of them does (Karpenter relaxes to the next term,
 * `preferences.go`).
 */

/** Why a NodePool refuses a pod. @internal */
export type Conflict =
  | { kind: 'taint'; taint: string }
  | { kind: 'requirement'; key: string; detail: string };

/** Requirements per NodePool info (one per cluster model generation), built once. */
const requirementsOf = new WeakMap<NodePoolInfo, Requirements>();

/** nodeclaimtemplate.go `NewNodeClaimTemplate`'s requirements. */
function poolRequirements(pool: NodePoolInfo): Requirements {
  let reqs = requirementsOf.get(pool);
  if (!reqs) {
    reqs = templateRequirements(pool);
    requirementsOf.set(pool, reqs);
  }
  return reqs;
}

function templateRequirements(pool: NodePoolInfo): Requirements {
  return addRequirements(
    new Map(),
    ...fromNodeSelector(pool.requirements),
    ...Object.entries(pool.labels).map(([k, v]) => requirement(k, 'In', [v])),
    requirement('karpenter.sh/nodepool', 'In', [pool.name]),
  );
}

/** The pod's requirement alternatives: its nodeSelector with each required affinity term. */
function podRequirementSets(pod: CachedPodScheduling): Requirements[] {
  const terms = pod.requiredNodeAffinity?.nodeSelectorTerms ?? [];
  if (!terms.length) return [nodeSelectorRequirements(pod.nodeSelector)];
  return terms.map(term =>
    addRequirements(
      nodeSelectorRequirements(pod.nodeSelector),
      ...fromNodeSelector(term.matchExpressions ?? []),
    ),
  );
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
  const [taint] = untoleratedTaints(
    pool.taints.filter(t => t.effect !== 'PreferNoSchedule'),
    pod.tolerations,
  );
  if (taint) return { kind: 'taint', taint: prettyTaint(taint) };
  const reqs = poolRequirements(pool);
  let first: Conflict | undefined;
  for (const set of podRequirementSets(pod)) {
    const [conflict] = incompatibilities(reqs, set);
    if (!conflict) return undefined;
    first ??= {
      kind: 'requirement',
      key: conflict.key,
      detail: conflict.message,
    };
  }
  return first;
}
