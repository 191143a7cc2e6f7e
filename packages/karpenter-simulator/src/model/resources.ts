/**
 * Resource requests and allocatable amounts as the simulated kube-scheduler and Karpenter compare
 * them, and the quantities Karpenter prints in its scheduling errors.
 */
import {
  parseKubernetesQuantity,
  parseQuantity,
  QuantityFormat,
} from '@karpenter-backstage/plugin-karpenter-common';
import type { SimPod } from '../k8s/types';

/** Amounts by resource name, in base units (cores, bytes, a count). */
export type Resources = Record<string, number>;

/** Parses a ResourceList (`{cpu: '500m', memory: '1Gi'}`); unparsable entries are left out. */
export function quantities(
  list: Record<string, string> | undefined,
): Resources {
  const out: Resources = {};
  for (const [name, text] of Object.entries(list ?? {})) {
    const value = parseQuantity(text);
    if (!Number.isNaN(value)) out[name] = value;
  }
  return out;
}

/** `a + b`, per resource. */
export function addResources(a: Resources, b: Resources): Resources {
  const out = { ...a };
  for (const [name, value] of Object.entries(b))
    out[name] = (out[name] ?? 0) + value;
  return out;
}

/**
 * The containers' requests, summed per resource as written (the first container's format wins,
 * as `Quantity.Add` keeps the receiver's), plus `pods: 1`: what Karpenter schedules a pod with
 * (kubernetes-sigs/karpenter v1.14.1 pkg/utils/resources/resources.go `RequestsForPods`: the
 * pod's requests merged, then `pods` set to the number of pods as a DecimalExponent quantity).
 */
type RequestList = Record<string, { value: number; format: QuantityFormat }>;

/** Parsed requests by pod object (the store replaces an object on every write). */
const parsedRequests = new WeakMap<SimPod, RequestList>();

function requestList(pod: SimPod): RequestList {
  const cached = parsedRequests.get(pod);
  if (cached) return cached;
  const out: RequestList = {};
  for (const c of pod.spec.containers ?? [])
    for (const [name, text] of Object.entries(c.resources?.requests ?? {})) {
      const q = parseKubernetesQuantity(String(text).trim());
      if (!q) continue;
      const prior = out[name];
      out[name] = prior
        ? { value: prior.value + q.value, format: prior.format }
        : { value: q.value, format: q.format };
    }
  out.pods = { value: 1, format: 'DecimalExponent' };
  parsedRequests.set(pod, out);
  return out;
}

const requestValues = new WeakMap<SimPod, Resources>();

/** A pod's requests (containers summed, plus `pods: 1`) in base units. */
export function podRequests(pod: SimPod): Resources {
  const cached = requestValues.get(pod);
  if (cached) return cached;
  const values = Object.fromEntries(
    Object.entries(requestList(pod)).map(([name, q]) => [name, q.value]),
  );
  requestValues.set(pod, values);
  return values;
}

/**
 * The resources whose request does not fit what is left of the allocatable amount after `used`
 * (kubernetes-sigs/karpenter pkg/utils/resources `Fits`: every requested resource at most the
 * allocatable one, a missing one counting 0); empty when the pod fits.
 */
export function misfits(
  requests: Resources,
  allocatable: Resources,
  used: Resources = {},
): string[] {
  return Object.entries(requests)
    .filter(
      ([name, value]) =>
        value > 0 && (used[name] ?? 0) + value > (allocatable[name] ?? 0),
    )
    .map(([name]) => name);
}

const DECIMAL_SUFFIXES: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/**
 * A quantity as `Quantity.String()` prints it (k8s.io/apimachinery pkg/api/resource/quantity.go
 * `CanonicalizeBytes`): BinarySI as the largest power of 1024 that divides it (below 1024 or not a
 * whole number: as DecimalSI); DecimalSI / DecimalExponent with the largest exponent, a multiple
 * of 3, that leaves an integer mantissa (`1500m` → `1500m`, `0.5` → `500m`, `2000` → `2k`).
 */
export function formatQuantity(value: number, format: QuantityFormat): string {
  if (value === 0) return '0';
  if (
    format === 'BinarySI' &&
    Math.abs(value) >= 1024 &&
    Number.isInteger(value)
  ) {
    let mantissa = value;
    let power = 0;
    while (power < 6 && mantissa % 1024 === 0) {
      mantissa /= 1024;
      power++;
    }
    return `${mantissa}${BINARY_SUFFIXES[power]}`;
  }
  for (let exponent = 18; exponent >= -9; exponent -= 3) {
    const mantissa = value / 10 ** exponent;
    const whole = Math.round(mantissa);
    if (whole !== 0 && Math.abs(mantissa - whole) <= 1e-9 * Math.abs(whole)) {
      let suffix = DECIMAL_SUFFIXES[exponent];
      if (format === 'DecimalExponent')
        suffix = exponent === 0 ? '' : `e${exponent}`;
      return `${whole}${suffix}`;
    }
  }
  return String(value);
}

/**
 * A pod's requests as Karpenter prints them in its scheduling errors:
 * `resources.String(RequestsForPods(pod))` (pkg/utils/resources/resources.go `String`, via
 * pkg/utils/pretty `Concise`: `json.Marshal` of the ResourceList — keys sorted, each Quantity
 * as its canonical string), e.g. `{"cpu":"500","memory":"512Mi","pods":"1"}`.
 */
export function requestsString(pod: SimPod): string {
  const list = requestList(pod);
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(list)
        .sort()
        .map(name => [
          name,
          formatQuantity(list[name].value, list[name].format),
        ]),
    ),
  );
}
