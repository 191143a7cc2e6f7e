import {
  CONSOLIDATION_REASONS,
  DISRUPTED_REASONS,
  INTERRUPTION_NOTICE_REASONS,
  NODE_CLAIM_COUNT_KINDS,
  NodeClaimCounts,
  RecordedReason,
  UNKNOWN_LABEL,
} from '@karpenter-backstage/plugin-karpenter-common';
import { Knex } from 'knex';
import { InterruptionCounts, InterruptionQuery } from './InterruptionStore';
import { filtered } from './rows';
import { runInTurn } from './yieldToEventLoop';

/** The dimensions of interrupted NodeClaims, as columns. */
const DIMENSIONS = {
  byNodePool: 'node_pool',
  byCapacityType: 'capacity_type',
  byInstanceType: 'instance_type',
  byZone: 'zone',
} as const;

type Row = { value: string | null; n: number | string };

function labelled(rows: Row[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const label = row.value || UNKNOWN_LABEL;
    counts[label] = (counts[label] ?? 0) + Number(row.n);
  }
  return counts;
}

/**
 * Counts a range in the database (GROUP BY, COUNT DISTINCT over the `subject` column, read from
 * the subjects index), so a day of a large cluster never crosses into JavaScript row by row:
 * - raw occurrences per bucket and reason,
 * - per counted kind (interrupted, rebalance-recommended, disrupted) one row per subject with
 *   its first time, counted per bucket,
 * - interrupted NodeClaims (one row per subject: its NodePool etc. are the known ones) per
 *   dimension, distinct subjects per reason, disrupted NodeClaims per disruption reason.
 *
 * @internal
 */
export async function countRecords(
  db: Knex,
  query: InterruptionQuery,
  bucketMs: number,
): Promise<InterruptionCounts> {
  const perBucket = filtered(db, query)
    .select({
      bucket_start: db.raw('occurred_at - (occurred_at % ?)', [bucketMs]),
      reason: 'reason',
    })
    .count({ n: '*' })
    .groupBy('bucket_start', 'reason');

  const kindCase = db.raw(
    `CASE ${NODE_CLAIM_COUNT_KINDS.map(
      k => `WHEN reason IN (${k.reasons.map(() => '?').join(', ')}) THEN ?`,
    ).join(' ')} END`,
    NODE_CLAIM_COUNT_KINDS.flatMap(k => [...k.reasons, k.key]),
  );
  const firstPerSubject = filtered(db, query)
    .whereIn(
      'reason',
      NODE_CLAIM_COUNT_KINDS.flatMap(k => k.reasons),
    )
    .select({ kind: kindCase, subject: 'subject' })
    .min({ first_at: 'occurred_at' })
    .groupBy('kind', 'subject');
  const firsts = db
    .from(firstPerSubject.as('f'))
    .select({
      kind: 'kind',
      bucket_start: db.raw('first_at - (first_at % ?)', [bucketMs]),
    })
    .count({ n: '*' })
    .groupBy('kind', 'bucket_start');

  // One row per interrupted NodeClaim (its known NodePool etc.), grouped by all four dimensions
  // at once: a few rows (NodePools × capacity types × instance types × zones), summed per
  // dimension below.
  const columns = Object.values(DIMENSIONS);
  const interruptedClaims = filtered(db, query)
    .whereIn('reason', INTERRUPTION_NOTICE_REASONS)
    .select('subject')
    .max(Object.fromEntries(columns.map(c => [c, c])))
    .groupBy('subject')
    .as('c');
  const combinations = db
    .from(interruptedClaims)
    .select(columns)
    .count({ n: '*' })
    .groupBy(columns);

  const byReason = filtered(db, query)
    .select({ value: 'reason' })
    .countDistinct({ n: 'subject' })
    .groupBy('reason');
  const disruptions = filtered(db, query)
    .whereIn('reason', DISRUPTED_REASONS)
    .select({ value: 'disruption_reason' })
    .countDistinct({ n: 'subject' })
    .groupBy('disruption_reason');
  const consolidations = filtered(db, query)
    .whereIn('reason', DISRUPTED_REASONS)
    .whereIn('disruption_reason', CONSOLIDATION_REASONS)
    .select({ value: 'node_pool' })
    .countDistinct({ n: 'subject' })
    .groupBy('node_pool');

  // One query at a time, the event loop served in between (SQLite runs each synchronously).
  const [
    buckets,
    firstRows,
    reasonRows,
    disruptionRows,
    consolidationRows,
    comboRows,
  ] = await runInTurn([
    () => perBucket,
    () => firsts,
    () => byReason,
    () => disruptions,
    () => consolidations,
    () => combinations,
  ] as const);
  const combos = comboRows as Array<
    Record<string, string | null> & { n: number | string }
  >;
  const byDimension = Object.entries(DIMENSIONS).map(
    ([key, column]) =>
      [key, labelled(combos.map(c => ({ value: c[column], n: c.n })))] as const,
  );
  return {
    perBucket: (
      buckets as Array<{ bucket_start: number; reason: string; n: number }>
    ).map(row => ({
      startMs: Number(row.bucket_start),
      reason: row.reason as RecordedReason,
      count: Number(row.n),
    })),
    firsts: (
      firstRows as Array<{ bucket_start: number; kind: string; n: number }>
    ).map(row => ({
      startMs: Number(row.bucket_start),
      kind: row.kind as keyof NodeClaimCounts,
      count: Number(row.n),
    })),
    byReason: labelled(reasonRows as Row[]) as InterruptionCounts['byReason'],
    disruptionsByReason: labelled(disruptionRows as Row[]),
    consolidationsByNodePool: labelled(consolidationRows as Row[]),
    ...(Object.fromEntries(byDimension) as Pick<
      InterruptionCounts,
      keyof typeof DIMENSIONS
    >),
  };
}
