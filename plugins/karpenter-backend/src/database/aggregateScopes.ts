import {
  CONSOLIDATION_REASONS,
  DISRUPTED_REASONS,
  INTERRUPTION_NOTICE_REASONS,
  NODE_CLAIM_COUNT_KINDS,
} from '@karpenter-backstage/plugin-karpenter-common';

/*
 * What the interruption counts are made of (docs/interruptions.md, "How the counts are kept").
 *
 * A *scope* is a set of records a count is about. A subject (NodeClaim, else `node/<n>`, …) is
 * counted once per scope, in the hour of its first-ever stored record of the scope — as
 * Karpenter's Prometheus counters count a NodeClaim once, when it was first noticed — with the
 * known facts (NodePool, capacity type, instance type, zone) of its records of that scope: the
 * first record's, a later one only filling a null.
 *
 * Scopes (the per-subject table's `scope` column):
 * - `reason:<R>`: the records of one reason (`byReason`; with a `reason` filter, every count),
 * - `kind:<K>`: the reasons of a kind of NODE_CLAIM_COUNT_KINDS (`firsts`); `kind:interrupted`,
 *   the EC2 interruption notices, also gives the interrupted NodeClaims per NodePool, capacity
 *   type, instance type and zone,
 * - `disruption:<D>`: DISRUPTED_REASONS with disruption reason D ('' when unknown),
 * - `consolidation`: DISRUPTED_REASONS with a CONSOLIDATION_REASONS disruption reason
 *   (`consolidationsByNodePool`, by the facts' NodePool).
 */

/** The table of first notices: one row per (cluster, subject, scope). @internal */
export const SUBJECTS = 'karpenter_interruption_subjects';
/** The hourly rollup. @internal */
export const HOURS = 'karpenter_interruption_hours';
/**
 * The rollup's `node_pool` of the cluster-wide rows. Not a NodePool name: Kubernetes object names
 * are DNS subdomains (lower-case alphanumerics, `-` and `.`).
 *
 * @internal
 */
export const EVERY_POOL = '*';
/** @internal */
export const HOUR_MS = 3_600_000;

/** The start of the hour of an epoch-ms time. @internal */
export const hourOf = (ms: number) => ms - (ms % HOUR_MS);

/**
 * The rollup's metrics: `events` (occurrences, label = reason, under the record's own NodePool),
 * the rest first notices under the subject's NodePool: `kind` (label = kind key), `reason`,
 * `disruption` (label = disruption reason), the interrupted NodeClaims per dimension
 * (`nodePool`, `capacityType`, `instanceType`, `zone`, label = the value), `consolidation`
 * (label = NodePool). An unknown label is ''.
 *
 * @internal
 */
export type Metric =
  | 'events'
  | 'kind'
  | 'reason'
  | 'disruption'
  | 'nodePool'
  | 'capacityType'
  | 'instanceType'
  | 'zone'
  | 'consolidation';

/** The facts columns of records and first notices. @internal */
export const FACT_COLUMNS = [
  'node_pool',
  'capacity_type',
  'instance_type',
  'zone',
] as const;

/** A record, as far as the counts look at it. @internal */
export interface CountedRecord {
  id: number;
  cluster: string;
  subject: string;
  occurred_at: number;
  reason: string;
  node_pool: string | null;
  capacity_type: string | null;
  instance_type: string | null;
  zone: string | null;
  disruption_reason: string | null;
}

/** The interrupted NodeClaims per dimension: metric and facts column. @internal */
export const DIMENSION_METRICS = [
  ['nodePool', 'node_pool', 'byNodePool'],
  ['capacityType', 'capacity_type', 'byCapacityType'],
  ['instanceType', 'instance_type', 'byInstanceType'],
  ['zone', 'zone', 'byZone'],
] as const;

const NOTICE: readonly string[] = INTERRUPTION_NOTICE_REASONS;
const DISRUPTED: readonly string[] = DISRUPTED_REASONS;
const CONSOLIDATION: readonly string[] = CONSOLIDATION_REASONS;

/**
 * With a `reason` filter the disruption and consolidation scopes are those of the filtered
 * reason's records only; they are the stored scopes because DISRUPTED_REASONS is one reason.
 * (This line stops compiling when it gets a second one.)
 */
const ONE_DISRUPTED_REASON: typeof DISRUPTED_REASONS extends readonly [string]
  ? true
  : never = true;

/** The scope of the interruption notices (and of the dimensions). @internal */
export const INTERRUPTED_SCOPE = 'kind:interrupted';
/** @internal */
export const CONSOLIDATION_SCOPE = 'consolidation';
/** @internal */
export const reasonScope = (reason: string) => `reason:${reason}`;
/** @internal */
export const kindScope = (kind: string) => `kind:${kind}`;

/** The scopes a record belongs to. @internal */
export function scopesOf(
  r: Pick<CountedRecord, 'reason' | 'disruption_reason'>,
): string[] {
  const scopes = [reasonScope(r.reason)];
  for (const kind of NODE_CLAIM_COUNT_KINDS)
    if (kind.reasons.includes(r.reason as (typeof kind.reasons)[number]))
      scopes.push(kindScope(kind.key));
  if (DISRUPTED.includes(r.reason)) {
    scopes.push(`disruption:${r.disruption_reason ?? ''}`);
    if (CONSOLIDATION.includes(r.disruption_reason ?? ''))
      scopes.push(CONSOLIDATION_SCOPE);
  }
  return scopes;
}

/** The facts of a first notice. @internal */
export type Facts = Pick<CountedRecord, (typeof FACT_COLUMNS)[number]>;

/** What one first notice adds to the rollup, under the facts' NodePool (labels; '' = unknown). @internal */
export function contributionsOf(
  scope: string,
  facts: Facts,
): Array<[Metric, string]> {
  const [prefix, ...rest] = scope.split(':');
  const name = rest.join(':');
  switch (prefix) {
    case 'reason':
      return [['reason', name]];
    case 'disruption':
      return [['disruption', name]];
    case 'consolidation':
      return [['consolidation', facts.node_pool ?? '']];
    case 'kind':
      return scope === INTERRUPTED_SCOPE
        ? [
            ['kind', name],
            ...DIMENSION_METRICS.map(
              ([metric, column]) =>
                [metric, facts[column] ?? ''] as [Metric, string],
            ),
          ]
        : [['kind', name]];
    default:
      return [];
  }
}

/**
 * The scopes a count reads, with or without a `reason` filter: the scope of each kind's firsts,
 * of the dimensions, of `byReason`, of the disruptions and of the consolidations (undefined: that
 * count is empty under the filter).
 *
 * @internal
 */
export interface ScopePlan {
  kinds: Array<{ kind: string; scope: string }>;
  dimensions?: string;
  reasons: 'all' | string;
  disruptions: boolean;
  consolidations?: string;
}

/** @internal */
export function scopePlan(reason?: string): ScopePlan {
  if (!reason)
    return {
      kinds: NODE_CLAIM_COUNT_KINDS.map(k => ({
        kind: k.key,
        scope: kindScope(k.key),
      })),
      dimensions: INTERRUPTED_SCOPE,
      reasons: 'all',
      disruptions: true,
      consolidations: CONSOLIDATION_SCOPE,
    };
  // Everything over the records of that reason: a kind's firsts are that reason's firsts.
  const own = reasonScope(reason);
  const disrupted = ONE_DISRUPTED_REASON && DISRUPTED.includes(reason);
  return {
    kinds: NODE_CLAIM_COUNT_KINDS.filter(k =>
      (k.reasons as readonly string[]).includes(reason),
    ).map(k => ({ kind: k.key, scope: own })),
    dimensions: NOTICE.includes(reason) ? own : undefined,
    reasons: own,
    disruptions: disrupted,
    consolidations: disrupted ? CONSOLIDATION_SCOPE : undefined,
  };
}
