import {
  NodeClaimCounts,
  RecordedReason,
} from '@karpenter-backstage/plugin-karpenter-common';
import { Knex } from 'knex';
import {
  CONSOLIDATION_SCOPE,
  DIMENSION_METRICS,
  scopePlan,
  SUBJECTS,
} from './aggregateScopes';
import { countFromHours, hoursAnswer } from './countFromHours';
import { emptyCounts, LabelRow, labelled } from './countLabels';
import { InterruptionCounts, InterruptionQuery } from './InterruptionStore';
import { filtered } from './rows';
import { runInTurn } from './yieldToEventLoop';

const REASON_PREFIX = 'reason:';
const DISRUPTION_PREFIX = 'disruption:';

/** The first notices of a range: those of the cluster first stored in it, of the NodePools asked. */
function firstNotices(db: Knex, query: InterruptionQuery) {
  const q = db(SUBJECTS)
    .where('cluster', query.cluster)
    .where('first_at', '>=', query.fromMs)
    .where('first_at', '<', query.toMs);
  if (query.nodePools) q.whereIn('node_pool', query.nodePools);
  return q;
}

/**
 * Counts any range, bucket and filter from the first-notice table (one row per subject and
 * scope; docs/interruptions.md, "How the counts are kept") and the occurrences from the records:
 * what the hourly rollup cannot answer (a range or bucket that is not whole hours, a reason
 * filter). The same counts as the rollup's over the same hours.
 */
async function countFromSubjects(
  db: Knex,
  query: InterruptionQuery,
  bucketMs: number,
): Promise<InterruptionCounts> {
  const plan = scopePlan(query.reason);
  const bucket = (column: string) =>
    db.raw('?? - (?? % ?)', [column, column, bucketMs]);
  const kindOf = new Map(plan.kinds.map(k => [k.scope, k.kind]));
  const columns = DIMENSION_METRICS.map(([, column]) => column);
  const none = async () => [];
  const [events, firsts, reasons, disruptions, consolidations, combos] =
    await runInTurn([
      () =>
        filtered(db, query)
          .select({ bucket_start: bucket('occurred_at'), reason: 'reason' })
          .count({ n: '*' })
          .groupBy('bucket_start', 'reason'),
      () =>
        firstNotices(db, query)
          .whereIn('scope', [...kindOf.keys()])
          .select({ scope: 'scope', bucket_start: bucket('first_at') })
          .count({ n: '*' })
          .groupBy('scope', 'bucket_start'),
      () => {
        const q = firstNotices(db, query);
        if (plan.reasons === 'all')
          q.where('scope', 'like', `${REASON_PREFIX}%`);
        else q.where('scope', plan.reasons);
        return q.select('scope').count({ n: '*' }).groupBy('scope');
      },
      () =>
        plan.disruptions
          ? firstNotices(db, query)
              .where('scope', 'like', `${DISRUPTION_PREFIX}%`)
              .select('scope')
              .count({ n: '*' })
              .groupBy('scope')
          : none(),
      () =>
        plan.consolidations
          ? firstNotices(db, query)
              .where('scope', CONSOLIDATION_SCOPE)
              .select({ value: 'node_pool' })
              .count({ n: '*' })
              .groupBy('node_pool')
          : none(),
      () =>
        plan.dimensions
          ? firstNotices(db, query)
              .where('scope', plan.dimensions)
              .select(columns)
              .count({ n: '*' })
              .groupBy(columns)
          : none(),
    ] as const);
  type Scoped = { scope: string; n: number | string };
  const afterPrefix = (rows: Scoped[], prefix: string): LabelRow[] =>
    rows.map(r => ({ value: r.scope.slice(prefix.length), n: r.n }));
  const counts = emptyCounts();
  counts.perBucket = (
    events as Array<{
      bucket_start: number | string;
      reason: string;
      n: number | string;
    }>
  ).map(r => ({
    startMs: Number(r.bucket_start),
    reason: r.reason as RecordedReason,
    count: Number(r.n),
  }));
  counts.firsts = (
    firsts as Array<{
      scope: string;
      bucket_start: number | string;
      n: number | string;
    }>
  ).map(r => ({
    startMs: Number(r.bucket_start),
    kind: kindOf.get(r.scope) as keyof NodeClaimCounts,
    count: Number(r.n),
  }));
  counts.byReason = labelled(
    afterPrefix(reasons as Scoped[], REASON_PREFIX),
  ) as InterruptionCounts['byReason'];
  counts.disruptionsByReason = labelled(
    afterPrefix(disruptions as Scoped[], DISRUPTION_PREFIX),
  );
  counts.consolidationsByNodePool = labelled(consolidations as LabelRow[]);
  const rows = combos as Array<
    Record<string, string | null> & { n: number | string }
  >;
  for (const [, column, key] of DIMENSION_METRICS)
    counts[key] = labelled(rows.map(c => ({ value: c[column], n: c.n })));
  return counts;
}

/**
 * Counts a range (docs/interruptions.md, "How the counts are kept"): raw occurrences per bucket
 * and reason; each counting subject (NodeClaim, else `node/<n>`, …) once per kind, reason,
 * disruption reason and consolidation, in the bucket of its first stored notice of it (a subject
 * first noticed before the range is not counted in it again), under its known NodePool, capacity
 * type, instance type and zone. Whole hours without a reason filter (the card's and the tab's
 * ranges) are read from the hourly rollup; anything else from the first-notice table. Neither
 * reads the records one by one, except the occurrences of a range that is not whole hours.
 *
 * @internal
 */
export function countRecords(
  db: Knex,
  query: InterruptionQuery,
  bucketMs: number,
): Promise<InterruptionCounts> {
  return hoursAnswer(query, bucketMs)
    ? countFromHours(db, query, bucketMs)
    : countFromSubjects(db, query, bucketMs);
}
