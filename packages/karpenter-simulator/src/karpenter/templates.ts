/**
 * The NodePools Karpenter's scheduler may launch for, and why one of them cannot take a pod, in
 * Karpenter's words (kubernetes-sigs/karpenter v1.14.1 pkg/controllers/provisioning/
 * provisioner.go `NewScheduler`, scheduling/scheduler.go `NewScheduler` and
 * `addToNewNodeClaim`, scheduling/nodeclaim.go `CanAdd` and `InstanceTypeFilterError`).
 */
import { ClusterState } from '../cluster/state';
import type { SimPod, StoredNodePool } from '../k8s/types';
import { allocatableOf } from '../model/builders';
import { InstanceType } from '../model/instanceTypes';
import {
  Resources,
  misfits,
  podRequests,
  quantities,
  requestsString,
} from '../model/resources';
import { definedLabels, Taint, tolerates } from '../model/scheduling';
import { Offerings, offerings } from './offerings';
import {
  addRequirements,
  fromNodeSelector,
  incompatibility,
  nodeSelectorRequirements,
  prettyTaint,
  requirement,
  Requirements,
  requirementsString,
} from '@karpenter-backstage/plugin-karpenter-common';

/** A NodePool the scheduler launches for (scheduling/nodeclaimtemplate.go `NodeClaimTemplate`). */
export interface NodeClaimTemplate {
  name: string;
  pool: StoredNodePool;
  taints: Taint[];
  requirements: Requirements;
}

/**
 * nodeclaimtemplate.go `NewNodeClaimTemplate`: the NodePool's requirements, its template labels
 * plus `karpenter.sh/nodepool` and the NodeClass label (`<group>/<kind lower-cased>`), each
 * `In [value]`, and `karpenter.sh/registered`, `karpenter.sh/initialized` `In [true]`.
 */
function templateOf(pool: StoredNodePool): NodeClaimTemplate {
  const spec = pool.spec.template.spec;
  const ref = spec.nodeClassRef;
  const labels: Record<string, string> = {
    ...definedLabels(pool.spec.template.metadata?.labels),
    'karpenter.sh/nodepool': pool.metadata.name,
    [`${ref.group}/${ref.kind.toLowerCase()}`]: ref.name,
  };
  return {
    name: pool.metadata.name,
    pool,
    taints: spec.taints ?? [],
    requirements: addRequirements(
      new Map(),
      ...fromNodeSelector(spec.requirements ?? []),
      ...Object.entries(labels).map(([k, v]) => requirement(k, 'In', [v])),
      requirement('karpenter.sh/registered', 'In', ['true']),
      requirement('karpenter.sh/initialized', 'In', ['true']),
    ),
  };
}

const ready = (pool: StoredNodePool) =>
  pool.status?.conditions?.find(c => c.type === 'Ready')?.status === 'True';

/**
 * provisioner.go `NewScheduler`: the NodePools that are Ready and not being deleted, ordered by
 * weight, heaviest first, and by name descending for equal weights (pkg/utils/nodepool
 * `OrderByWeight`). Undefined when none is left (`ErrNodePoolsNotFound`). The simulator has no
 * static NodePools.
 */
export function readyNodePools(
  state: ClusterState,
): StoredNodePool[] | undefined {
  const pools = state.store
    .list('nodepools')
    .filter(p => ready(p) && !p.metadata.deletionTimestamp)
    .sort((a, b) => {
      const wa = a.spec.weight ?? 0;
      const wb = b.spec.weight ?? 0;
      if (wa !== wb) return wb - wa;
      return a.metadata.name < b.metadata.name ? 1 : -1;
    });
  return pools.length ? pools : undefined;
}

/**
 * scheduling/scheduler.go `NewScheduler`: a template per NodePool whose requirements leave an
 * instance type; the others are `dropped` (Karpenter publishes `NoCompatibleInstanceTypes` on them).
 */
export function templatesOf(pools: StoredNodePool[], state: ClusterState) {
  const templates: NodeClaimTemplate[] = [];
  const dropped: StoredNodePool[] = [];
  for (const pool of pools) {
    if (offerings(state, pool.metadata.name).refusal) dropped.push(pool);
    else templates.push(templateOf(pool));
  }
  return { templates, dropped };
}

/** What a NodePool can launch within its limits, per NodePool (one provisioning run's view). */
export interface LimitedOfferings {
  of(pool: string): Offerings;
  /** After a launch: the NodePool's usage changed. */
  forget(pool: string): void;
}

export function limitedOfferings(state: ClusterState): LimitedOfferings {
  const memo = new Map<string, Offerings>();
  return {
    of: pool => {
      let offer = memo.get(pool);
      if (!offer) {
        offer = offerings(state, pool, { enforceLimits: true });
        memo.set(pool, offer);
      }
      return offer;
    },
    forget: pool => memo.delete(pool),
  };
}

const allocatables = new Map<string, Resources>();

/** An instance type's allocatable amounts (those of the simulated node: `allocatableOf`). */
export function typeAllocatable(type: InstanceType): Resources {
  let out = allocatables.get(type.name);
  if (!out) {
    out = quantities(allocatableOf(type));
    allocatables.set(type.name, out);
  }
  return out;
}

/** Whether one node of the instance type has room for these requests. */
export function typeFits(type: InstanceType, requests: Resources): boolean {
  return !misfits(requests, typeAllocatable(type)).length;
}

/**
 * Why a new NodeClaim of this template cannot take the pod, in the order upstream checks:
 * 1. `spec.limits` (scheduler.go `addToNewNodeClaim`): `node limits have been exhausted for
 *    nodepool (NodePool=<name>)` or `all available instance types exceed limits for nodepool
 *    (NodePool=<name>)`;
 * 2. taints (nodeclaim.go `CanAdd` → pkg/scheduling/taints.go `Tolerates`): `did not tolerate
 *    taint (taint=<key>=<value>:<effect>)` per untolerated taint, joined by "; ";
 * 3. requirements: `incompatible requirements, <requirements.go error>`;
 * 4. instance types (`InstanceTypeFilterError`): the simulator's pods only ask for the NodePool
 *    label, so only resources can rule out every type: `no instance type has enough resources,
 *    requirements=<the NodeClaim's requirements>, resources=<the pod's requests>`, with the
 *    " (CPU request >= 1 Million, m vs M typo?)" hint upstream adds.
 * Undefined when the template can take the pod.
 */
export function templateError(
  limited: LimitedOfferings,
  template: NodeClaimTemplate,
  pod: SimPod,
): string | undefined {
  const offer = limited.of(template.name);
  if (offer.refusal) return offer.refusal;
  const taints = template.taints
    .filter(t => !tolerates(pod, t))
    .map(t => `did not tolerate taint (taint=${prettyTaint(t)})`);
  if (taints.length) return taints.join('; ');
  // the simulator's pods have no node affinity: their nodeSelector
  const podReqs = nodeSelectorRequirements(pod.spec.nodeSelector);
  const incompatible = incompatibility(template.requirements, podReqs);
  if (incompatible) return `incompatible requirements, ${incompatible}`;
  const requests = podRequests(pod);
  if (offer.types.some(t => typeFits(t, requests))) return undefined;
  const merged = addRequirements(
    new Map(template.requirements),
    ...podReqs.values(),
  );
  const typo =
    (requests.cpu ?? 0) >= 1e6
      ? ' (CPU request >= 1 Million, m vs M typo?)'
      : '';
  return `no instance type has enough resources, requirements=${requirementsString(
    merged,
  )}, resources=${requestsString(pod)}${typo}`;
}

/**
 * scheduler.go `addToNewNodeClaim`: the first template (in weight order) that can take the pod,
 * or every template's error joined by "; " (`multierr.Combine`).
 */
export function newNodeClaimFor(
  limited: LimitedOfferings,
  templates: NodeClaimTemplate[],
  pod: SimPod,
): { template: NodeClaimTemplate } | { error: string } {
  // scheduler.go `add`: no template at all
  if (!templates.length)
    return {
      error: 'nodepool requirements filtered out all available instance types',
    };
  const errors: string[] = [];
  for (const template of templates) {
    const error = templateError(limited, template, pod);
    if (!error) return { template };
    errors.push(error);
  }
  return { error: errors.join('; ') };
}
