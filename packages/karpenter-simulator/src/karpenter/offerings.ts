import { parseQuantity } from '@karpenter-backstage/plugin-karpenter-common';
import { ClusterState } from '../cluster/state';
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
  /** Karpenter's scheduling error when nothing can be launched. */
  refusal?: string;
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
  const refuse = (what: string): Offerings => ({
    types: [],
    zones: [],
    capacityTypes: [],
    refusal: `incompatible with nodepool "${poolName}", no ${what} satisfied the requirements ${reqs
      .map(r => `${r.key} ${r.operator} [${(r.values ?? []).join(' ')}]`)
      .join(', ')}`,
  });

  const capacityReqs = on([CAPACITY_TYPE_KEY]);
  const capacityTypes = (
    firstIn(CAPACITY_TYPE_KEY) ??
    (capacityReqs.length ? ['spot', 'on-demand'] : ['on-demand'])
  ).filter(ct =>
    capacityReqs.every(r => satisfies({ [CAPACITY_TYPE_KEY]: ct }, r)),
  );
  if (!capacityTypes.length) return refuse('capacity type');

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
  if (!types.length) return refuse('instance type');

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
  if (!zones.length) return refuse('zone');

  if (opts.enforceLimits) {
    types = types.filter(t => withinLimits(state, poolName, t));
    if (!types.length)
      return {
        types,
        zones,
        capacityTypes,
        refusal: `all available instance types exceed limits for nodepool: "${poolName}"`,
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

/**
 * Whether one more node of this type keeps the NodePool within `spec.limits` (a limit may be
 * reached exactly, not exceeded). Limits on resources nodes do not have are ignored.
 */
function withinLimits(
  state: ClusterState,
  poolName: string,
  type: InstanceType,
): boolean {
  const limits: Record<string, unknown> =
    state.store.get('nodepools', poolName)?.spec?.limits ?? {};
  const used = usage(state, poolName);
  const add = capacityForLimits(type);
  return Object.entries(limits).every(([resource, limit]) => {
    const max = parseQuantity(limit as string | number);
    if (!(resource in add) || Number.isNaN(max)) return true;
    return (used[resource] ?? 0) + add[resource] <= max;
  });
}
