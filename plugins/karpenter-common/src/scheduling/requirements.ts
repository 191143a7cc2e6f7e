/**
 * Karpenter's scheduling requirements, with the words of its scheduling errors (shared by the
 * backend's pending-pod explanations and the simulator's Karpenter):
 * kubernetes-sigs/karpenter v1.14.1 pkg/scheduling/requirement.go (one key: a value set or its
 * complement, with Gt/Lt bounds) and pkg/scheduling/requirements.go (a set of them by key,
 * `Compatible`, `Intersects`, `String`).
 */

/** A NodeSelectorRequirement (NodePool `spec.template.spec.requirements`, node affinity). @public */
export interface NodeSelectorRequirementLike {
  key: string;
  operator: string;
  values?: string[];
  minValues?: number;
}

/** One key's allowed values (requirement.go `Requirement`). @public */
export interface KarpenterRequirement {
  key: string;
  /** The values are the excluded ones (NotIn, Exists, Gt, Lt). */
  complement: boolean;
  values: Set<string>;
  gte?: number;
  lte?: number;
  minValues?: number;
}

/** requirement.go `NewRequirementWithFlexibility`: Gt N is `>= N+1`, Lt N is `<= N-1`. @public */
export function requirement(
  key: string,
  operator: string,
  values: string[] = [],
  minValues?: number,
): KarpenterRequirement {
  const r: KarpenterRequirement = {
    key,
    complement: operator !== 'In' && operator !== 'DoesNotExist',
    values: new Set(
      operator === 'In' || operator === 'NotIn' ? values : undefined,
    ),
    minValues,
  };
  if (operator === 'Gt') r.gte = Number.parseInt(values[0], 10) + 1;
  if (operator === 'Lt') r.lte = Number.parseInt(values[0], 10) - 1;
  return r;
}

function withinBounds(value: string, gte?: number, lte?: number): boolean {
  if (gte === undefined && lte === undefined) return true;
  if (!/^[+-]?\d+$/.test(value)) return false;
  const n = Number(value);
  return (gte === undefined || n >= gte) && (lte === undefined || n <= lte);
}

/** `maxIntPtr` / `minIntPtr`: the bound of both, an absent one ignored. */
function bound(
  pick: (a: number, b: number) => number,
  a?: number,
  b?: number,
): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return pick(a, b);
}
const maxOf = (a?: number, b?: number) => bound(Math.max, a, b);
const minOf = (a?: number, b?: number) => bound(Math.min, a, b);

/** requirement.go `Operator`. */
function operatorOf(r: KarpenterRequirement): string {
  if (r.complement) return r.values.size ? 'NotIn' : 'Exists';
  return r.values.size ? 'In' : 'DoesNotExist';
}

/** requirement.go `Intersection`. @public */
export function intersection(
  a: KarpenterRequirement,
  b: KarpenterRequirement,
): KarpenterRequirement {
  const complement = a.complement && b.complement;
  let gte = maxOf(a.gte, b.gte);
  let lte = minOf(a.lte, b.lte);
  const minValues = maxOf(a.minValues, b.minValues);
  if (gte !== undefined && lte !== undefined && gte > lte)
    return requirement(a.key, 'DoesNotExist', [], minValues);
  let values: string[];
  if (a.complement && b.complement) values = [...a.values, ...b.values];
  else if (a.complement) values = [...b.values].filter(v => !a.values.has(v));
  else if (b.complement) values = [...a.values].filter(v => !b.values.has(v));
  else values = [...a.values].filter(v => b.values.has(v));
  values = values.filter(v => withinBounds(v, gte, lte));
  if (!complement) {
    gte = undefined;
    lte = undefined;
  }
  return {
    key: a.key,
    complement,
    values: new Set(values),
    gte,
    lte,
    minValues,
  };
}

/** requirement.go `HasIntersection`. */
function hasIntersection(
  a: KarpenterRequirement,
  b: KarpenterRequirement,
): boolean {
  const gte = maxOf(a.gte, b.gte);
  const lte = minOf(a.lte, b.lte);
  if (gte !== undefined && lte !== undefined && gte > lte) return false;
  if (a.complement && b.complement) return true;
  const [set, other] = a.complement ? [b, a] : [a, b];
  return [...set.values].some(
    v =>
      (other.complement ? !other.values.has(v) : other.values.has(v)) &&
      withinBounds(v, gte, lte),
  );
}

/**
 * requirement.go `String`: the key and operator for Exists / DoesNotExist (`k Exists`), else the
 * key, operator and the values sorted and space separated in brackets (`k In [a b]`; at most 5,
 * then "and N others"), then the bounds (`k Exists \>=4`) and minValues (`minValues 2`).
 *
 * @public
 */
export function requirementString(r: KarpenterRequirement): string {
  const op = operatorOf(r);
  let s: string;
  if (op === 'Exists' || op === 'DoesNotExist') s = `${r.key} ${op}`;
  else {
    let values = [...r.values].sort();
    if (values.length > 5)
      values = [...values.slice(0, 5), `and ${values.length - 5} others`];
    s = `${r.key} ${op} [${values.join(' ')}]`;
  }
  if (r.gte !== undefined) s += ` >=${r.gte}`;
  if (r.lte !== undefined) s += ` <=${r.lte}`;
  if (r.minValues !== undefined) s += ` minValues ${r.minValues}`;
  return s;
}

/** A set of requirements by key (requirements.go `Requirements`). @public */
export type Requirements = Map<string, KarpenterRequirement>;

/** requirements.go `Add`: a key already present is intersected. @public */
export function addRequirements(
  into: Requirements,
  ...reqs: KarpenterRequirement[]
): Requirements {
  for (const r of reqs) {
    const existing = into.get(r.key);
    into.set(r.key, existing ? intersection(r, existing) : r);
  }
  return into;
}

/**
 * The labels Karpenter knows (pkg/apis/v1/labels.go `WellKnownLabels`, with the AWS provider's
 * additions in aws/karpenter-provider-aws pkg/apis/v1/labels.go `init`): a pod may ask for them
 * although a NodePool does not define them (`AllowUndefinedWellKnownLabels`).
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
  ...[
    'capacity-reservation-id',
    'capacity-reservation-type',
    'instance-hypervisor',
    'instance-encryption-in-transit-supported',
    'instance-category',
    'instance-family',
    'instance-generation',
    'instance-size',
    'instance-local-nvme',
    'instance-cpu',
    'instance-cpu-manufacturer',
    'instance-cpu-sustained-clock-speed-mhz',
    'instance-memory',
    'instance-ebs-bandwidth',
    'instance-network-bandwidth',
    'instance-gpu-name',
    'instance-gpu-manufacturer',
    'instance-gpu-count',
    'instance-gpu-memory',
    'instance-accelerator-name',
    'instance-accelerator-manufacturer',
    'instance-accelerator-count',
  ].map(suffix => `karpenter.k8s.aws/${suffix}`),
]);

/** One key of a pod's requirements a NodePool's cannot meet, in Karpenter's words. @public */
export interface Incompatibility {
  key: string;
  message: string;
}

/**
 * requirements.go `Compatible` with `AllowUndefinedWellKnownLabels`, as NodeClaim.CanAdd checks
 * a pod against a NodePool template: a custom label the template does not define is refused
 * (`label "<key>" does not have known values`; upstream may add a typo hint, the simulator does
 * not), then `Intersects`: each shared key without a common value is
 * `key <key>, <incoming> not in <existing>` (badKeyError), several joined by "; " (multierr).
 * Empty when compatible.
 *
 * @public
 */
export function incompatibilities(
  existing: Requirements,
  incoming: Requirements,
): Incompatibility[] {
  for (const [key, r] of incoming) {
    const op = operatorOf(r);
    if (WELL_KNOWN_LABELS.has(key)) continue;
    if (existing.has(key) || op === 'NotIn' || op === 'DoesNotExist') continue;
    // break early so only the first is reported (requirements.go Compatible)
    return [{ key, message: `label "${key}" does not have known values` }];
  }
  const errors: Incompatibility[] = [];
  for (const [key, inc] of incoming) {
    const ex = existing.get(key);
    if (!ex || hasIntersection(ex, inc)) continue;
    const negative = (op: string) => op === 'NotIn' || op === 'DoesNotExist';
    if (negative(operatorOf(inc)) && negative(operatorOf(ex))) continue;
    errors.push({
      key,
      message: `key ${key}, ${requirementString(
        inc,
      )} not in ${requirementString(ex)}`,
    });
  }
  return errors;
}

/** {@link incompatibilities} as Karpenter prints them, joined by "; "; undefined when compatible. @public */
export function incompatibility(
  existing: Requirements,
  incoming: Requirements,
): string | undefined {
  const errors = incompatibilities(existing, incoming);
  return errors.length ? errors.map(e => e.message).join('; ') : undefined;
}

/** requirements.go `String`: sorted, joined by ", ", without `kubernetes.io/hostname`. @public */
export function requirementsString(reqs: Requirements): string {
  return [...reqs.values()]
    .filter(r => r.key !== 'kubernetes.io/hostname')
    .map(requirementString)
    .sort()
    .join(', ');
}

/** A nodeSelector as requirements (requirements.go `newPodRequirements`: each `In [value]`). @public */
export function nodeSelectorRequirements(
  nodeSelector: Record<string, string> | undefined,
): Requirements {
  return addRequirements(
    new Map(),
    ...Object.entries(nodeSelector ?? {}).map(([k, v]) =>
      requirement(k, 'In', [v]),
    ),
  );
}

/** Requirements from NodeSelectorRequirements (NodePool `spec.template.spec.requirements`). @public */
export function fromNodeSelector(
  reqs: NodeSelectorRequirementLike[],
): KarpenterRequirement[] {
  return reqs.map(r => requirement(r.key, r.operator, r.values, r.minValues));
}
