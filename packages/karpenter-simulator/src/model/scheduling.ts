/**
 * Small scheduling helpers of the simulated Karpenter and kube-scheduler: NodeSelectorRequirements
 * against label sets, the labels an instance type offers, resource capacities for NodePool limits,
 * durations, tolerations and one-per-node pod anti-affinity.
 */
import {
  parseGoDuration,
  toleratesTaint,
} from '@karpenter-backstage/plugin-karpenter-common';
import type { PodSchedulingSpec, Toleration } from '../k8s/types';
import { InstanceType } from './instanceTypes';

export interface Requirement {
  key: string;
  operator: string;
  values?: string[];
  minValues?: number;
}

/**
 * Whether a label set satisfies one NodeSelectorRequirement (In, NotIn, Exists, DoesNotExist,
 * Gt, Lt — the operators of the NodePool CRD). An absent label satisfies NotIn and DoesNotExist.
 */
export function satisfies(
  labels: Record<string, string>,
  req: Requirement,
): boolean {
  const value = labels[req.key];
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/** Label keys describing an instance type (what Karpenter's AWS provider puts on nodes). */
export const INSTANCE_TYPE_KEYS = [
  'node.kubernetes.io/instance-type',
  'kubernetes.io/arch',
  'kubernetes.io/os',
  'karpenter.k8s.aws/instance-category',
  'karpenter.k8s.aws/instance-family',
  'karpenter.k8s.aws/instance-generation',
  'karpenter.k8s.aws/instance-size',
  'karpenter.k8s.aws/instance-cpu',
  'karpenter.k8s.aws/instance-memory',
  'karpenter.k8s.aws/instance-gpu-count',
];

/** Label keys describing where a node runs. */
export const ZONE_KEYS = [
  'topology.kubernetes.io/zone',
  'topology.k8s.aws/zone-id',
];

export const CAPACITY_TYPE_KEY = 'karpenter.sh/capacity-type';

/** The labels an instance type gives a node (GPU count only for GPU types). */
export function instanceTypeLabels(t: InstanceType): Record<string, string> {
  return {
    'node.kubernetes.io/instance-type': t.name,
    'kubernetes.io/arch': t.arch,
    'kubernetes.io/os': 'linux',
    'karpenter.k8s.aws/instance-category': t.category,
    'karpenter.k8s.aws/instance-family': t.family,
    'karpenter.k8s.aws/instance-generation': String(t.generation),
    'karpenter.k8s.aws/instance-size': t.name.split('.')[1] ?? '',
    'karpenter.k8s.aws/instance-cpu': String(t.cpu),
    'karpenter.k8s.aws/instance-memory': String(t.memoryGi * 1024),
    ...(t.gpu ? { 'karpenter.k8s.aws/instance-gpu-count': String(t.gpu) } : {}),
  };
}

const RESTRICTED_DOMAINS = [
  'kubernetes.io',
  'k8s.io',
  'karpenter.sh',
  'karpenter.k8s.aws',
];

/**
 * Custom (not well-known) label keys of `In` requirements, with their first value: Karpenter labels
 * nodes with such keys. Keys under the Kubernetes and Karpenter domains are not custom.
 */
export function customRequirementLabels(
  reqs: Requirement[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of reqs) {
    const domain = r.key.includes('/') ? r.key.split('/')[0] : '';
    const restricted = RESTRICTED_DOMAINS.some(
      d => domain === d || domain.endsWith(`.${d}`),
    );
    if (!restricted && r.operator === 'In' && r.values?.length)
      out[r.key] ??= r.values[0];
  }
  return out;
}

/** A label map without the `undefined` values the CRD types allow (JSON has none). */
export function definedLabels(
  labels: Record<string, string | undefined> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels ?? {}))
    if (value !== undefined) out[key] = value;
  return out;
}

/**
 * What one node of an instance type counts against `spec.limits` (quantities in base units:
 * cores, bytes, count). `nodes` counts 1 per node.
 */
export function capacityForLimits(t: InstanceType): Record<string, number> {
  return {
    cpu: t.cpu,
    // the same figure as the node's status.capacity.memory (instance memory minus VM overhead)
    memory: (t.memoryGi * 1024 * 1024 - 400 * 1024) * 1024,
    pods: t.pods,
    nodes: 1,
    'ephemeral-storage': 20959212 * 1024,
    'nvidia.com/gpu': t.gpu ?? 0,
  };
}

/**
 * A NodePool duration (`30s`, `1h30m`) in ms; `undefined` for `Never` or anything unparsable.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^(\d+[smh])+$/.test(value))
    return undefined;
  const duration = parseGoDuration(value);
  return duration.valid ? duration.milliseconds : undefined;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** A pod as scheduling reads it. */
export interface SchedulablePod {
  spec?: PodSchedulingSpec;
}

/** Whether the pod's tolerations tolerate a NoSchedule/NoExecute taint. */
export function tolerates(pod: SchedulablePod, taint: Taint): boolean {
  if (taint.effect === 'PreferNoSchedule') return true;
  return (pod.spec?.tolerations ?? []).some(t => toleratesTaint(t, taint));
}

/** Tolerations for a NodePool's taints (workloads meant for the NodePool carry them). */
export function tolerationsFor(taints: Taint[] | undefined): Toleration[] {
  return (taints ?? []).map(t => ({
    key: t.key,
    operator: t.value === undefined ? 'Exists' : 'Equal',
    ...(t.value === undefined ? {} : { value: t.value }),
    effect: t.effect,
  }));
}

/**
 * The label selector of a pod's required anti-affinity on `kubernetes.io/hostname` (one such pod
 * per node), if it has one. Only `matchLabels` is modelled.
 */
export function onePerNodeSelector(
  pod: SchedulablePod,
): Record<string, string> | undefined {
  const terms =
    pod.spec?.affinity?.podAntiAffinity
      ?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms.find(
    t =>
      t.topologyKey === 'kubernetes.io/hostname' &&
      t.labelSelector?.matchLabels,
  )?.labelSelector?.matchLabels;
}

export function matchesLabels(
  labels: Record<string, string> | undefined,
  selector: Record<string, string>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}
