import { Knex } from 'knex';
import { hourOf, HOURS } from './aggregateScopes';
import {
  applyDeltas,
  lockClusters,
  rederiveSubjects,
} from './maintainAggregates';
import { RECORDS } from './rows';
import { RollupDeltas } from './subjectSummaries';

/**
 * Deletes the records older than the cutoff, cluster by cluster, each in a transaction with the
 * aggregates it changes: the hours before the cutoff's hour go; the cutoff's own hour loses the
 * deleted occurrences; a subject whose first records were deleted is counted again from its
 * first record still stored (the counts are over the stored history); one without records left
 * is forgotten. Returns how many records were deleted.
 *
 * @internal
 */
export async function pruneRecords(
  db: Knex,
  olderThanMs: number,
): Promise<number> {
  const cutoffHour = hourOf(olderThanMs);
  const clusters = (
    (await db(RECORDS)
      .where('occurred_at', '<', olderThanMs)
      .distinct('cluster')) as Array<{ cluster: string }>
  ).map(r => r.cluster);
  let deleted = 0;
  for (const cluster of clusters) {
    deleted += await db.transaction(async trx => {
      await lockClusters(trx, [cluster]);
      const old = trx(RECORDS)
        .where('cluster', cluster)
        .where('occurred_at', '<', olderThanMs);
      const subjects = (
        (await old.clone().distinct('subject')) as Array<{ subject: string }>
      ).map(r => r.subject);
      // Hours from the cutoff's on stay: take back what is deleted from the cutoff's hour.
      const deltas = new RollupDeltas(cutoffHour);
      deltas.addEvents(
        (
          (await old
            .clone()
            .where('occurred_at', '>=', cutoffHour)
            .select('cluster', 'node_pool', 'occurred_at', 'reason')) as Array<{
            cluster: string;
            node_pool: string | null;
            occurred_at: number | string;
            reason: string;
          }>
        ).map(r => ({ ...r, occurred_at: Number(r.occurred_at) })),
        -1,
      );
      const n = Number(await old.clone().delete());
      await rederiveSubjects(trx, cluster, subjects, deltas);
      await applyDeltas(trx, deltas);
      return n;
    });
  }
  // Every cluster's hours before the cutoff's hour (also of clusters without old records left).
  await db(HOURS).where('hour_start', '<', cutoffHour).delete();
  return deleted;
}
