import {
  ResolvedNodePool,
  ResolvedNodePools,
} from '@karpenter-backstage/karpenter-template';
import { buildEc2NodeClass } from '../manifests/ec2NodeClass';
import { buildNodePool } from '../manifests/nodePool';
import {
  Requirement,
  requirementImpact,
  requirementsByKey,
} from './requirements';

/*
 * How a day-two change affects running nodes (Karpenter v1; upstream sources):
 * - NodePool static drift: NodePool.Hash() hashes spec.template except its requirements
 *   (kubernetes-sigs/karpenter pkg/apis/v1/nodepool.go); a new hash marks every NodeClaim
 *   Drifted, reason NodePoolDrifted (pkg/controllers/nodeclaim/disruption/drift.go).
 * - Requirements: RequirementsDrifted only for NodeClaims whose labels no longer match (see
 *   ./requirements.ts). spec.limits, spec.weight and spec.disruption sit outside the template.
 * - EC2NodeClass: EC2NodeClass.Hash() hashes the spec and the resolved AMI family, except the
 *   hash:"ignore" fields (aws/karpenter-provider-aws pkg/apis/v1/ec2nodeclass.go); those are
 *   checked against the instance instead: AMIDrift, SubnetDrift, SecurityGroupDrift,
 *   CapacityReservationDrift (pkg/cloudprovider/drift.go).
 * Fields not named here are classified conservatively: hashed under the NodePool's spec.template
 * and the EC2NodeClass's spec, unhashed elsewhere.
 */

/**
 * What a change does to the nodes already running: `replacesNodes` (every node of the pool is
 * marked Drifted and replaced), `mayReplaceNodes` (only nodes that no longer match are), or
 * `noReplacement`.
 *
 * @public
 */
export type NodeImpact = 'replacesNodes' | 'mayReplaceNodes' | 'noReplacement';

/**
 * One differing field of a built NodePool or EC2NodeClass.
 *
 * @public
 */
export interface FieldChange {
  /** The object the field belongs to. */
  object: 'NodePool' | 'EC2NodeClass';
  /** Dotted path in the built object, e.g. `spec.limits.cpu` or `spec.template.spec.requirements[kubernetes.io/arch]`. */
  path: string;
  /** The old value; absent when the field is added. */
  before?: unknown;
  /** The new value; absent when the field is removed. */
  after?: unknown;
  /** What the change does to running nodes. */
  impact: NodeImpact;
  /** One sentence naming Karpenter's mechanism. */
  why: string;
}

/**
 * One NodePool (with its EC2NodeClass of the same name) that differs.
 *
 * @public
 */
export interface NodePoolChange {
  name: string;
  change: 'added' | 'removed' | 'changed';
  /** worst impact of its fields; 'deletesNodes' for a removed pool, 'noReplacement' for an added one */
  impact: NodeImpact | 'deletesNodes';
  /** The differing fields, worst impact first; empty for a removed pool. */
  fields: FieldChange[];
}

/**
 * The difference between two NodePools inputs, classified by its effect on running nodes.
 *
 * @public
 */
export interface NodePoolsChange {
  /** false when nothing differs */
  changed: boolean;
  /** only pools that differ, in the order of `after` then removed ones */
  pools: NodePoolChange[];
  /** Names of the pools present on both sides without any difference. */
  unchanged: string[];
}

type Obj = Record<string, unknown>;
type Rule = Pick<FieldChange, 'impact' | 'why'>;

const SEVERITY: Record<NodeImpact, number> = {
  replacesNodes: 2,
  mayReplaceNodes: 1,
  noReplacement: 0,
};

const REQUIREMENTS = 'spec.template.spec.requirements';

const isObject = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The comparable form of a value, after hashstructure's options in `NodePool.Hash()`
 * (kubernetes-sigs/karpenter pkg/apis/v1/nodepool.go) and `EC2NodeClass.Hash()`
 * (aws/karpenter-provider-aws pkg/apis/v1/ec2nodeclass.go): `SlicesAsSets` (lists compare as
 * sets) and `IgnoreZeroValue` + `omitempty` (an empty string, list or map is the same as an
 * absent field). Booleans and numbers stay significant: those CRD fields are pointers
 * (`*bool`, `*int32`), and hashstructure skips only nil pointers, so `false` differs from absent.
 */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = new Map<string, unknown>();
    for (const item of v.map(normalize)) {
      if (item !== undefined) items.set(JSON.stringify(item), item);
    }
    return items.size > 0
      ? [...items.keys()].sort().map(k => items.get(k))
      : undefined;
  }
  if (isObject(v)) {
    const out: Obj = {};
    for (const key of Object.keys(v).sort()) {
      const value = normalize(v[key]);
      if (value !== undefined) out[key] = value;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return v === null || v === '' ? undefined : v;
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));

const present = (v: unknown) => normalize(v) !== undefined;

function requirementChanges(
  before: unknown,
  after: unknown,
): Array<Omit<FieldChange, 'object'>> {
  const old = requirementsByKey(before);
  const next = requirementsByKey(after);
  const keys = [...new Set([...next.keys(), ...old.keys()])];
  return keys.flatMap(key => {
    const b = old.get(key) ?? [];
    const a = next.get(key) ?? [];
    if (same(b, a)) return [];
    // one requirement per key is the rule; several (ANDed) are shown as a list
    const shown = (reqs: Requirement[]) => (reqs.length === 1 ? reqs[0] : reqs);
    return [
      {
        path: `${REQUIREMENTS}[${key}]`,
        ...(b.length > 0 ? { before: shown(b) } : {}),
        ...(a.length > 0 ? { after: shown(a) } : {}),
        ...requirementImpact(b, a),
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// The other fields: a walk over the built objects, one change per differing leaf. Lists and the
// string maps below are leaves (compared as a whole), objects are descended into.
// ---------------------------------------------------------------------------------------------

const ATOMIC = new Set([
  'metadata.labels',
  'metadata.annotations',
  'spec.template.metadata.labels',
  'spec.template.metadata.annotations',
  'spec.template.spec.nodeClassRef',
  'spec.tags',
]);

interface RawChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

function walk(
  before: unknown,
  after: unknown,
  path: string,
  out: RawChange[],
): void {
  if (same(before, after)) return;
  const descend =
    !ATOMIC.has(path) &&
    (isObject(before) || !present(before)) &&
    (isObject(after) || !present(after));
  if (descend) {
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      walk(b[key], a[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  out.push({
    path,
    ...(present(before) ? { before } : {}),
    ...(present(after) ? { after } : {}),
  });
}

/**
 * A built NodePool split into its requirements and the rest, with the CRD defaults the API server
 * applies (kubebuilder:default in kubernetes-sigs/karpenter pkg/apis/v1/nodepool.go), so that an
 * omitted field and its default compare equal.
 */
function nodePoolParts(pool: ResolvedNodePool): {
  rest: Obj;
  requirements: unknown;
} {
  const nodePool = buildNodePool(pool);
  const spec = nodePool.spec as Obj;
  const template = spec.template as Obj;
  const { requirements, ...templateSpec } = template.spec as Obj;
  const disruption = (spec.disruption ?? {}) as Obj;
  return {
    requirements,
    rest: {
      ...nodePool,
      spec: {
        ...spec,
        template: {
          ...template,
          spec: { expireAfter: '720h', ...templateSpec },
        },
        disruption: {
          consolidationPolicy: 'WhenEmptyOrUnderutilized',
          ...disruption,
          budgets: present(disruption.budgets)
            ? disruption.budgets
            : [{ nodes: '10%' }],
        },
      },
    },
  };
}

const NODEPOOL_STATIC =
  'static drift: changes the NodePool hash, Karpenter marks every NodeClaim Drifted (NodePoolDrifted)';
const NODECLASS_STATIC =
  'static drift: changes the EC2NodeClass hash, Karpenter marks every NodeClaim using it Drifted (NodeClassDrift)';
const HASHED_TEMPLATE_FIELDS = [
  'spec.template.metadata.labels',
  'spec.template.metadata.annotations',
  'spec.template.spec.taints',
  'spec.template.spec.startupTaints',
  'spec.template.spec.nodeClassRef',
  'spec.template.spec.expireAfter',
  'spec.template.spec.terminationGracePeriod',
];

function nodePoolRule(path: string): Rule {
  const none = (why: string): Rule => ({ impact: 'noReplacement', why });
  if (HASHED_TEMPLATE_FIELDS.includes(path)) {
    return { impact: 'replacesNodes', why: NODEPOOL_STATIC };
  }
  if (path.startsWith('spec.template.')) {
    // Conservative: NodePool.Hash() hashes all of spec.template except requirements, so a field
    // this classifier does not know is assumed to be hashed.
    return {
      impact: 'replacesNodes',
      why: `${NODEPOOL_STATIC}; spec.template is hashed except its requirements`,
    };
  }
  if (path.startsWith('spec.limits.')) {
    return none(
      'limits only cap new launches: spec.limits is outside spec.template and not hashed, running nodes stay',
    );
  }
  if (path === 'spec.weight') {
    return none(
      'weight only orders NodePools for new launches: outside spec.template, not hashed',
    );
  }
  if (path === 'spec.disruption.budgets') {
    return none(
      'budgets only limit how many nodes Karpenter disrupts at once: hash:"ignore", outside spec.template',
    );
  }
  if (path.startsWith('spec.disruption.')) {
    return none(
      'consolidation settings change what Karpenter may consolidate later, not the nodes: spec.disruption is outside spec.template, so nothing drifts',
    );
  }
  // Everything else (metadata, other spec fields) is outside the hashed template.
  return none(
    'outside spec.template: not part of the NodePool hash, no node drifts',
  );
}

const aliasOf = (terms: unknown): string | undefined =>
  Array.isArray(terms)
    ? (terms as Array<{ alias?: string }>).find(t => t.alias)?.alias
    : undefined;

/** Selector terms are ORed: keeping every old term keeps everything selected before. */
const keepsAllTerms = (before: unknown, after: unknown): boolean => {
  const next = new Set(
    ((normalize(after) as unknown[] | undefined) ?? []).map(t =>
      JSON.stringify(t),
    ),
  );
  return ((normalize(before) as unknown[] | undefined) ?? []).every(t =>
    next.has(JSON.stringify(t)),
  );
};

function ec2NodeClassRule(change: RawChange): Rule {
  const { path, before, after } = change;
  if (path === 'spec.amiSelectorTerms') {
    const family = (terms: unknown) => aliasOf(terms)?.split('@')[0];
    return family(before) !== family(after)
      ? {
          impact: 'replacesNodes',
          why: 'AMI family change: EC2NodeClass.Hash() includes the resolved AMI family (NodeClassDrift), and nodes not running an AMI the new selector resolves to are replaced (AMIDrift)',
        }
      : {
          impact: 'replacesNodes',
          why: 'AMI drift: nodes not running an AMI the new selector resolves to are replaced (AMIDrift)',
        };
  }
  if (path === 'spec.subnetSelectorTerms') {
    return keepsAllTerms(before, after)
      ? {
          impact: 'noReplacement',
          why: 'subnet selector widened (terms are ORed): every subnet selected before still is, so no node drifts (SubnetDrift)',
        }
      : {
          impact: 'mayReplaceNodes',
          why: 'SubnetDrift: nodes in a subnet the new selector no longer selects are replaced',
        };
  }
  if (path === 'spec.securityGroupSelectorTerms') {
    return {
      impact: 'mayReplaceNodes',
      why: 'SecurityGroupDrift: nodes whose security groups differ from the set the new selector resolves to are replaced (the sets must be equal, so added groups count too)',
    };
  }
  if (path === 'spec.capacityReservationSelectorTerms') {
    return keepsAllTerms(before, after)
      ? {
          impact: 'noReplacement',
          why: 'capacity reservation selector widened: every reservation selected before still is, so no reserved node drifts (CapacityReservationDrift)',
        }
      : {
          impact: 'mayReplaceNodes',
          why: 'CapacityReservationDrift: nodes launched into a reservation the new selector no longer selects are replaced',
        };
  }
  if (path === 'spec.ipPrefixCount') {
    return {
      impact: 'noReplacement',
      why: 'ipPrefixCount is hash:"ignore": only new launches use it',
    };
  }
  if (path === 'spec' || path.startsWith('spec.')) {
    // Every other spec field is hashed (only the selector terms, amiFamily and ipPrefixCount
    // carry hash:"ignore", and the resolved AMI family is hashed instead of amiFamily), so
    // unknown spec fields are treated as hashed too.
    return { impact: 'replacesNodes', why: NODECLASS_STATIC };
  }
  return {
    impact: 'noReplacement',
    why: 'outside spec: not part of the EC2NodeClass hash, no node drifts',
  };
}

function objectChanges(
  clusterName: { before: string; after: string },
  before: ResolvedNodePool | undefined,
  after: ResolvedNodePool | undefined,
): FieldChange[] {
  const oldPool = before ? nodePoolParts(before) : undefined;
  const newPool = after ? nodePoolParts(after) : undefined;
  const poolChanges: RawChange[] = [];
  walk(oldPool?.rest, newPool?.rest, '', poolChanges);
  const classChanges: RawChange[] = [];
  walk(
    before ? buildEc2NodeClass(clusterName.before, before) : undefined,
    after ? buildEc2NodeClass(clusterName.after, after) : undefined,
    '',
    classChanges,
  );
  return [
    ...requirementChanges(oldPool?.requirements, newPool?.requirements).map(
      c => ({ object: 'NodePool' as const, ...c }),
    ),
    ...poolChanges.map(c => ({
      object: 'NodePool' as const,
      ...c,
      ...nodePoolRule(c.path),
    })),
    ...classChanges.map(c => ({
      object: 'EC2NodeClass' as const,
      ...c,
      ...ec2NodeClassRule(c),
    })),
  ];
}

const worst = (fields: FieldChange[]): NodeImpact =>
  fields.reduce<NodeImpact>(
    (acc, f) => (SEVERITY[f.impact] > SEVERITY[acc] ? f.impact : acc),
    'noReplacement',
  );

const byImpact = (fields: FieldChange[]) =>
  fields
    .map((f, i) => ({ f, i }))
    .sort((x, y) => SEVERITY[y.f.impact] - SEVERITY[x.f.impact] || x.i - y.i)
    .map(({ f }) => f);

/** Fields that only identify a new object (its name is the pool's). */
const IDENTITY = ['apiVersion', 'kind', 'metadata.name'];

function addedPool(
  clusterName: string,
  pool: ResolvedNodePool,
): NodePoolChange {
  const fields = objectChanges(
    { before: clusterName, after: clusterName },
    undefined,
    pool,
  )
    .filter(f => !IDENTITY.includes(f.path))
    .map(f => ({
      ...f,
      impact: 'noReplacement' as const,
      why:
        f.path === 'spec.weight'
          ? `new NodePool with weight ${String(
              f.after,
            )}: Karpenter tries it before NodePools of lower weight when it launches nodes for pending pods`
          : `new ${f.object}: no node uses it yet; Karpenter launches nodes for it only when pending pods need them`,
    }));
  return { name: pool.name, change: 'added', impact: 'noReplacement', fields };
}

/**
 * Compares the NodePools and EC2NodeClasses built from two resolved inputs, pool by pool (by
 * name), and classifies every differing field by what Karpenter does to the running nodes.
 *
 * A removed pool deletes its nodes: its NodeClaims are garbage-collected through their owner
 * references, Karpenter drains and terminates every node without honouring disruption budgets,
 * and the EC2NodeClass finalizer waits until no NodeClaim uses it.
 *
 * @public
 */
export function classifyNodePoolsChange(
  before: ResolvedNodePools,
  after: ResolvedNodePools,
): NodePoolsChange {
  const old = new Map(before.nodePools.map(p => [p.name, p]));
  const kept = new Set(after.nodePools.map(p => p.name));
  const pools: NodePoolChange[] = [];
  const unchanged: string[] = [];
  for (const pool of after.nodePools) {
    const previous = old.get(pool.name);
    if (!previous) {
      pools.push(addedPool(after.clusterName, pool));
      continue;
    }
    const fields = byImpact(
      objectChanges(
        { before: before.clusterName, after: after.clusterName },
        previous,
        pool,
      ),
    );
    if (fields.length === 0) {
      unchanged.push(pool.name);
    } else {
      pools.push({
        name: pool.name,
        change: 'changed',
        impact: worst(fields),
        fields,
      });
    }
  }
  for (const pool of before.nodePools) {
    if (!kept.has(pool.name)) {
      pools.push({
        name: pool.name,
        change: 'removed',
        impact: 'deletesNodes',
        fields: [],
      });
    }
  }
  return { changed: pools.length > 0, pools, unchanged };
}
