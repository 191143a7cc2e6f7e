import { parseQuantity } from '@karpenter-backstage/plugin-karpenter-common';
import { ClusterState } from '../cluster/state';
import { NO_COMPATIBLE_INSTANCE_TYPES } from './events';
import { INSTANCE_TYPES, InstanceType } from '../model/instanceTypes';
import {
  CAPACITY_TYPE_KEY,
  capacityForLimits,
  INSTANCE_TYPE_KEYS,
  instanceTypeLabels,
  Requirement,
  satisfies,
  ZONE_KEYS,
} from '../model/scheduling';

/** What a NodePool may launch now: instance types, zones and capacity types, or why nothing. */
export interface Offerings {
  types: InstanceType[];
  zones: string[];
  capacityTypes: string[];
  /**
   * Why nothing can be launched, in Karpenter's words: the requirements leave no instance type
   * (the `NoCompatibleInstanceTypes` message), or `spec.limits` leave none (the scheduler's
   * limit errors).
   */
  refusal?: string;
  /** What refused: the NodePool's requirements (and its EC2NodeClass's zones) or its limits. */
  refusedBy?: 'requirements' | 'limits';
}

/**
 * The scheduler's limit errors for a NodePool (scheduler.go `addToNewNodeClaim`):
 * `serrors.Wrap(err, "NodePool", klog.KRef("", name))`, whose Error() is `<err> (NodePool=<name>)`
 * (awslabs/operatorpkg serrors/serrors.go: keys sorted, `%s=%v`; a KRef without namespace prints
 * the name).
 */
export function limitError(poolName: string, nodesExhausted: boolean): string {
  return `${
    nodesExhausted
      ? 'node limits have been exhausted for nodepool'
      : 'all available instance types exceed limits for nodepool'
  } (NodePool=${poolName})`;
}

/**
 * Instance types, zones and capacity types a NodePool can launch now. Without a requirement on
 * the capacity type Karpenter launches on-demand; without one on the instance type, family,
 * category or GPU count, GPU instance types are left out (they are never the cheapest).
 */
export function offerings(
  state: ClusterState,
  poolName: string,
  opts: { enforceLimits?: boolean } = {},
): Offerings {
  const pool = state.store.get('nodepools', poolName);
  const reqs: Requirement[] = pool?.spec?.template?.spec?.requirements ?? [];
  const on = (keys: string[]) => reqs.filter(r => keys.includes(r.key));
  const firstIn = (key: string): string[] | undefined =>
    reqs.find(r => r.key === key && r.operator === 'In')?.values;
  // upstream, a capacity type, instance type or zone nothing offers leaves no instance type
  // (scheduler.go NewScheduler: filterInstanceTypesByRequirements, offerings included)
  const refuse = (): Offerings => ({
    types: [],
    zones: [],
    capacityTypes: [],
    refusal: NO_COMPATIBLE_INSTANCE_TYPES,
    refusedBy: 'requirements',
  });

  const capacityReqs = on([CAPACITY_TYPE_KEY]);
  const capacityTypes = (
    firstIn(CAPACITY_TYPE_KEY) ??
    (capacityReqs.length ? ['spot', 'on-demand'] : ['on-demand'])
  ).filter(ct =>
    capacityReqs.every(r => satisfies({ [CAPACITY_TYPE_KEY]: ct }, r)),
  );
  if (!capacityTypes.length) return refuse();

  const typeReqs = on(INSTANCE_TYPE_KEYS);
  const named = firstIn('node.kubernetes.io/instance-type');
  const gpuWanted = typeReqs.some(r =>
    [
      'node.kubernetes.io/instance-type',
      'karpenter.k8s.aws/instance-family',
      'karpenter.k8s.aws/instance-category',
      'karpenter.k8s.aws/instance-gpu-count',
    ].includes(r.key),
  );
  let types = (
    named
      ? named.flatMap(n => INSTANCE_TYPES.filter(t => t.name === n))
      : INSTANCE_TYPES.filter(t => gpuWanted || !t.gpu)
  ).filter(t => typeReqs.every(r => satisfies(instanceTypeLabels(t), r)));
  if (!types.length) return refuse();

  const nodeClass = state.store.get(
    'ec2nodeclasses',
    pool?.spec?.template?.spec?.nodeClassRef?.name ?? '',
  );
  const subnetZones: string[] = (nodeClass?.status?.subnets ?? []).map(
    sn => sn.zone,
  );
  const zoneReqs = on(ZONE_KEYS);
  const zones = state.zones.filter(
    z =>
      (!subnetZones.length || subnetZones.includes(z)) &&
      zoneReqs.every(r =>
        satisfies(
          {
            'topology.kubernetes.io/zone': z,
            'topology.k8s.aws/zone-id':
              state.vpc.subnets.find(sn => sn.zone === z)?.zoneID ?? '',
          },
          r,
        ),
      ),
  );
  if (!zones.length) return refuse();

  if (opts.enforceLimits) {
    const limits = limitsOf(state, poolName);
    const used = usage(state, poolName);
    // node limits are checked first: exactly none left (scheduler.go `nodesRemaining.IsZero()`)
    const nodesExhausted =
      'nodes' in limits && limits.nodes - (used.nodes ?? 0) === 0;
    if (!nodesExhausted)
      types = types.filter(t => withinLimits(limits, used, t));
    if (nodesExhausted || !types.length)
      return {
        types: [],
        zones,
        capacityTypes,
        refusal: limitError(poolName, nodesExhausted),
        refusedBy: 'limits',
      };
  }
  return { types, zones, capacityTypes };
}

/** What a NodePool's NodeClaims (launching or running, not terminating) count against limits. */
export function usage(
  state: ClusterState,
  poolName: string,
): Record<string, number> {
  const used: Record<string, number> = {};
  for (const f of state.facts.values()) {
    if (f.nodePool !== poolName || f.terminating) continue;
    for (const [k, v] of Object.entries(capacityForLimits(f.type)))
      used[k] = (used[k] ?? 0) + v;
  }
  return used;
}

/** A NodePool's `spec.limits` in base units (unparsable ones left out). */
function limitsOf(
  state: ClusterState,
  poolName: string,
): Record<string, number> {
  const limits: Record<string, unknown> =
    state.store.get('nodepools', poolName)?.spec?.limits ?? {};
  const out: Record<string, number> = {};
  for (const [resource, limit] of Object.entries(limits)) {
    const max = parseQuantity(limit as string | number);
    if (!Number.isNaN(max)) out[resource] = max;
  }
  return out;
}

/**
 * Whether one more node of this type keeps the NodePool within `spec.limits` (a limit may be
 * reached exactly, not exceeded). Limits on resources nodes do not have are ignored.
 */
function withinLimits(
  limits: Record<string, number>,
  used: Record<string, number>,
  type: InstanceType,
): boolean {
  const add = capacityForLimits(type);
  return Object.entries(limits).every(
    ([resource, max]) =>
      !(resource in add) || (used[resource] ?? 0) + add[resource] <= max,
  );
}
