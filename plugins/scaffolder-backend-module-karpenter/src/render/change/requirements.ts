/**
 * Requirements drift. `spec.template.spec.requirements` is not hashed (`hash:"ignore"` on
 * NodeClaimTemplateSpec.Requirements, kubernetes-sigs/karpenter pkg/apis/v1/nodepool.go);
 * instead areRequirementsDrifted (pkg/controllers/nodeclaim/disruption/drift.go) marks a NodeClaim
 * Drifted (RequirementsDrifted) when its labels are not Compatible with the NodePool's
 * requirements, and Compatible ignores minValues. Requirements are ANDed and each label has one
 * value, so comparing the allowed values key by key is exact: when every value (or the absence of
 * the label) allowed before is still allowed, every running node still matches.
 */

/** A requirement as the built NodePool spells it. */
export interface Requirement {
  key: string;
  operator: string;
  values?: string[];
  minValues?: number;
}

/** Label values a key may take: a finite set or the complement of one, within integer bounds. */
interface Allowed {
  /** The label may be missing (NotIn, DoesNotExist, no requirement). */
  absent: boolean;
  values: Set<string>;
  /** `values` are excluded rather than allowed. */
  complement: boolean;
  /** Exclusive integer bounds (Gte n is Gt n-1, Lte n is Lt n+1); ±Infinity when unbounded. */
  gt: number;
  lt: number;
}

const UNBOUNDED = { gt: -Infinity, lt: Infinity };
const ANY: Allowed = {
  absent: true,
  values: new Set(),
  complement: true,
  ...UNBOUNDED,
};

function allowedBy(r: Requirement): Allowed {
  const values = new Set(r.values ?? []);
  const bound = Number(r.values?.[0]);
  const exists = { ...ANY, absent: false };
  switch (r.operator) {
    case 'In':
      return { ...exists, values, complement: false };
    case 'NotIn':
      return { ...ANY, values };
    case 'Exists':
      return exists;
    case 'DoesNotExist':
      return { ...ANY, complement: false };
    case 'Gt':
      return { ...exists, gt: bound };
    case 'Gte':
      return { ...exists, gt: bound - 1 };
    case 'Lt':
      return { ...exists, lt: bound };
    case 'Lte':
      return { ...exists, lt: bound + 1 };
    default:
      // unknown operator: allows nothing, so any change to it counts as narrowing
      return { ...exists, complement: false };
  }
}

const bounded = (a: Allowed) => a.gt > -Infinity || a.lt < Infinity;

function allows(a: Allowed, value: string): boolean {
  if (a.values.has(value) === a.complement) return false;
  if (!bounded(a)) return true;
  const n = Number(value);
  return /^-?[0-9]+$/.test(value) && n > a.gt && n < a.lt;
}

/** Requirements of one key are ANDed (Karpenter's scheduling.Requirements intersect them). */
function intersect(a: Allowed, b: Allowed): Allowed {
  const complement = a.complement && b.complement;
  const both: Allowed = {
    absent: a.absent && b.absent,
    values: new Set(),
    complement,
    gt: Math.max(a.gt, b.gt),
    lt: Math.min(a.lt, b.lt),
  };
  if (complement) {
    [...a.values, ...b.values].forEach(v => both.values.add(v));
    return both;
  }
  // a finite set is exact once filtered by both sides (bounds included)
  [...(a.complement ? b.values : a.values)]
    .filter(v => allows(a, v) && allows(b, v))
    .forEach(v => both.values.add(v));
  return { ...both, ...UNBOUNDED };
}

/** Whether every label value (or absence) `before` allowed is still allowed by `after`. */
function covers(after: Allowed, before: Allowed): boolean {
  if (before.absent && !after.absent) return false;
  if (!before.complement) {
    return [...before.values].every(v => allows(after, v));
  }
  if (before.lt - before.gt <= 10001) {
    // a small integer range: check it value by value
    for (let n = before.gt + 1; n < before.lt; n++) {
      const v = String(n);
      if (allows(before, v) && !allows(after, v)) return false;
    }
    return true;
  }
  if (!after.complement) return false; // a finite set cannot hold an unbounded one
  if ([...after.values].some(v => allows(before, v))) return false;
  return after.gt <= before.gt && after.lt >= before.lt;
}

const allowedOf = (reqs: Requirement[]) =>
  reqs.map(allowedBy).reduce(intersect, ANY);

/** The requirements of one key without minValues, values as sets. */
const shapeOf = (reqs: Requirement[]) =>
  JSON.stringify(
    reqs
      .map(r =>
        JSON.stringify([r.operator, [...new Set(r.values ?? [])].sort()]),
      )
      .sort(),
  );

/** The requirements of a built NodePool by key, in their order. */
export function requirementsByKey(list: unknown): Map<string, Requirement[]> {
  const out = new Map<string, Requirement[]>();
  for (const r of Array.isArray(list) ? (list as Requirement[]) : []) {
    out.set(r.key, [...(out.get(r.key) ?? []), r]);
  }
  return out;
}

/** The impact of changing one key's requirements from `before` to `after` (either may be empty). */
export function requirementImpact(
  before: Requirement[],
  after: Requirement[],
): { impact: 'mayReplaceNodes' | 'noReplacement'; why: string } {
  const old = allowedOf(before);
  const next = allowedOf(after);
  if (!covers(next, old)) {
    return {
      impact: 'mayReplaceNodes',
      why: 'requirements narrowed: NodeClaims whose labels no longer match are marked Drifted (RequirementsDrifted)',
    };
  }
  if (shapeOf(before) === shapeOf(after)) {
    return {
      impact: 'noReplacement',
      why: 'minValues only sets how flexible new launches must be; RequirementsDrifted checks node labels with Compatible, which ignores minValues',
    };
  }
  return {
    impact: 'noReplacement',
    why: 'requirements widened: every running node still matches',
  };
}
