import {
  CONSOLIDATION_REASONS,
  DISRUPTED_REASONS,
} from '@karpenter-backstage/plugin-karpenter-common';
import { Knex } from 'knex';
import { ConsolidatedRecord, InterruptionQuery } from './InterruptionStore';
import { filtered, RECORDS } from './rows';

/**
 * How long before a NodeClaim's termination its `ConsolidationCandidate` may have been recorded:
 * Karpenter publishes the candidate when it computes the command, validates it for 15 s
 * (`commandValidationDelay`), launches the replacement and terminates the candidate once the
 * replacement is initialized (`pkg/controllers/disruption/queue.go`, which gives up after its
 * retry duration of at most an hour).
 */
export const CANDIDATE_LOOKBACK_MS = 60 * 60_000;

/**
 * The NodeClaims consolidated in a range (their first `DisruptionTerminating` with the disruption
 * reason `Underutilized` or `Empty` in it, the `reason` filter ignored), each with its known
 * instance facts and the message of its newest `ConsolidationCandidate` in the hour before.
 * One query: the terminated subjects grouped in the database, left-joined to their candidates.
 *
 * @internal
 */
export async function listConsolidations(
  db: Knex,
  query: InterruptionQuery,
): Promise<ConsolidatedRecord[]> {
  const terminated = filtered(db, { ...query, reason: undefined })
    .whereIn('reason', DISRUPTED_REASONS)
    .whereIn('disruption_reason', CONSOLIDATION_REASONS)
    .select('subject')
    .min({ at: 'occurred_at' })
    .max({
      node_pool: 'node_pool',
      instance_type: 'instance_type',
      capacity_type: 'capacity_type',
      zone: 'zone',
    })
    .groupBy('subject');
  // one query: each terminated subject with its candidates of the hour before (none: one row
  // with no candidate), through the subject index
  const rows = (await db
    .from(terminated.as('t'))
    .leftJoin(`${RECORDS} as c`, join =>
      join
        .on('c.subject', 't.subject')
        .andOnVal('c.cluster', query.cluster)
        .andOnVal('c.reason', 'ConsolidationCandidate')
        .andOn('c.occurred_at', '<=', 't.at')
        .andOn(db.raw('c.occurred_at >= t.at - ?', [CANDIDATE_LOOKBACK_MS])),
    )
    .select('t.*', {
      candidate_at: 'c.occurred_at',
      message: 'c.message',
    })) as Array<{
    subject: string;
    at: number | string;
    node_pool: string | null;
    instance_type: string | null;
    capacity_type: string | null;
    zone: string | null;
    candidate_at: number | string | null;
    message: string | null;
  }>;
  // per subject, the newest candidate
  const bySubject = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = bySubject.get(row.subject);
    if (
      !seen ||
      (row.candidate_at !== null &&
        (seen.candidate_at === null ||
          Number(row.candidate_at) > Number(seen.candidate_at)))
    )
      bySubject.set(row.subject, row);
  }

  return [...bySubject.values()].map(row => ({
    subject: row.subject,
    terminatedAtMs: Number(row.at),
    nodePool: row.node_pool ?? undefined,
    instanceType: row.instance_type ?? undefined,
    capacityType: row.capacity_type ?? undefined,
    zone: row.zone ?? undefined,
    candidateMessage: row.message ?? undefined,
  }));
}
