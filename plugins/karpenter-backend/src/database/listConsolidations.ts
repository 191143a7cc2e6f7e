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
 * Two queries: the terminated subjects grouped in the database, then their candidates through the
 * subject index.
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
  const rows = (await terminated) as Array<{
    subject: string;
    at: number | string;
    node_pool: string | null;
    instance_type: string | null;
    capacity_type: string | null;
    zone: string | null;
  }>;
  if (!rows.length) return [];

  const candidates = (await db(`${RECORDS} as c`)
    .join(terminated.as('t'), 't.subject', 'c.subject')
    .where('c.cluster', query.cluster)
    .where('c.reason', 'ConsolidationCandidate')
    .where('c.occurred_at', '<=', db.ref('t.at'))
    .whereRaw('c.occurred_at >= t.at - ?', [CANDIDATE_LOOKBACK_MS])
    .select({
      subject: 'c.subject',
      at: 'c.occurred_at',
      message: 'c.message',
    })) as Array<{ subject: string; at: number | string; message: string }>;
  const newest = new Map<string, { at: number; message: string }>();
  for (const c of candidates) {
    const at = Number(c.at);
    const seen = newest.get(c.subject);
    if (!seen || at > seen.at)
      newest.set(c.subject, { at, message: c.message });
  }

  return rows.map(row => ({
    subject: row.subject,
    terminatedAtMs: Number(row.at),
    nodePool: row.node_pool ?? undefined,
    instanceType: row.instance_type ?? undefined,
    capacityType: row.capacity_type ?? undefined,
    zone: row.zone ?? undefined,
    candidateMessage: newest.get(row.subject)?.message,
  }));
}
