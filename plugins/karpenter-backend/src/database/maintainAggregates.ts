import { Knex } from 'knex';
import {
  CountedRecord,
  FACT_COLUMNS,
  HOURS,
  scopesOf,
  SUBJECTS,
} from './aggregateScopes';
import { RECORDS } from './rows';
import {
  byTimeThenId,
  RollupDeltas,
  sameSummary,
  SubjectSummary,
  summarize,
  summaryKey,
  withRecord,
} from './subjectSummaries';

/*
 * Keeps the first-notice table and the hourly rollup in step with the records, inside the
 * transaction that changes the records (docs/interruptions.md, "How the counts are kept").
 */

const CHUNK = 100;
/** The first key of the PostgreSQL advisory locks of this plugin ("KR"). */
const LOCK_KEY = 0x4b52;

/**
 * Serializes the aggregate upkeep of these clusters with other backend instances until the
 * transaction ends (PostgreSQL; SQLite has one writer at a time anyway). The insert-ignore of the
 * records decides which instance stored a record; this lock makes the read-modify-write of its
 * first notices see the other instance's committed ones.
 *
 * @internal
 */
export async function lockClusters(trx: Knex.Transaction, clusters: string[]) {
  if ((trx.client as { dialect?: string }).dialect !== 'postgresql') return;
  for (const cluster of [...new Set(clusters)].sort())
    await trx.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [
      LOCK_KEY,
      cluster,
    ]);
}

const COUNTED_COLUMNS = [
  'id',
  'cluster',
  'subject',
  'occurred_at',
  'reason',
  ...FACT_COLUMNS,
  'disruption_reason',
] as const;

type CountedRow = Omit<CountedRecord, 'id' | 'occurred_at'> & {
  id: number | string;
  occurred_at: number | string;
};

/** A row as a counted record. @internal */
export function counted(row: CountedRow): CountedRecord {
  return {
    ...row,
    id: Number(row.id),
    occurred_at: Number(row.occurred_at),
  };
}

type SummaryRow = Omit<SubjectSummary, 'first_at' | 'last_at'> & {
  first_at: number | string;
  last_at: number | string;
};

async function summariesOf(
  trx: Knex.Transaction,
  cluster: string,
  subjects: string[],
): Promise<Map<string, SubjectSummary>> {
  const out = new Map<string, SubjectSummary>();
  for (let i = 0; i < subjects.length; i += 500) {
    const rows = (await trx(SUBJECTS)
      .where('cluster', cluster)
      .whereIn('subject', subjects.slice(i, i + 500))
      .select('*')) as SummaryRow[];
    for (const row of rows) {
      const s = {
        ...row,
        first_at: Number(row.first_at),
        last_at: Number(row.last_at),
      };
      out.set(summaryKey(s), s);
    }
  }
  return out;
}

async function recordsOf(
  trx: Knex.Transaction,
  cluster: string,
  subjects: string[],
): Promise<CountedRecord[]> {
  const out: CountedRecord[] = [];
  for (let i = 0; i < subjects.length; i += 500) {
    const rows = (await trx(RECORDS)
      .where('cluster', cluster)
      .whereIn('subject', subjects.slice(i, i + 500))
      .select(COUNTED_COLUMNS)) as CountedRow[];
    out.push(...rows.map(counted));
  }
  return out;
}

/** Writes the summaries that changed, and their rollup changes. */
async function replaceSummaries(
  trx: Knex.Transaction,
  old: Map<string, SubjectSummary>,
  next: Map<string, SubjectSummary>,
  deltas: RollupDeltas,
) {
  const upserts: SubjectSummary[] = [];
  const removed: SubjectSummary[] = [];
  for (const [key, summary] of next) {
    const before = old.get(key);
    if (before && sameSummary(before, summary)) continue;
    deltas.replace(before, summary);
    upserts.push(summary);
  }
  for (const [key, summary] of old)
    if (!next.has(key)) {
      deltas.replace(summary, undefined);
      removed.push(summary);
    }
  for (let i = 0; i < upserts.length; i += CHUNK)
    await trx(SUBJECTS)
      .insert(upserts.slice(i, i + CHUNK))
      .onConflict(['cluster', 'subject', 'scope'])
      .merge();
  for (const s of removed)
    await trx(SUBJECTS)
      .where({ cluster: s.cluster, subject: s.subject, scope: s.scope })
      .delete();
}

/** Adds the changes to the rollup (upserts), and drops the rows they bring to zero. @internal */
export async function applyDeltas(trx: Knex.Transaction, deltas: RollupDeltas) {
  const rows = deltas.rows();
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx(HOURS)
      .insert(rows.slice(i, i + CHUNK))
      .onConflict(['cluster', 'node_pool', 'hour_start', 'metric', 'label'])
      .merge({ n: trx.raw('?? + excluded.n', [`${HOURS}.n`]) });
  const lowered = new Map<string, Set<number>>();
  for (const r of rows)
    if (r.n < 0) {
      const hours = lowered.get(r.cluster) ?? new Set<number>();
      hours.add(r.hour_start);
      lowered.set(r.cluster, hours);
    }
  for (const [cluster, hours] of lowered)
    await trx(HOURS)
      .where('cluster', cluster)
      .whereIn('hour_start', [...hours])
      .where('n', '<=', 0)
      .delete();
}

/**
 * Re-derives the first notices of these subjects from their records as stored now (after a
 * change of the records: a Node-only record given its NodeClaim, records pruned).
 *
 * @internal
 */
export async function rederiveSubjects(
  trx: Knex.Transaction,
  cluster: string,
  subjects: string[],
  deltas: RollupDeltas,
) {
  if (!subjects.length) return;
  const old = await summariesOf(trx, cluster, subjects);
  const next = summarize(await recordsOf(trx, cluster, subjects));
  await replaceSummaries(trx, old, next, deltas);
}

/**
 * The aggregates of newly inserted records (only those this transaction inserted): their
 * occurrences, and the first notices they start or change. A record is merged into the stored
 * first notice where that is exact (see {@link withRecord}); otherwise the subject is re-derived
 * from all its records.
 *
 * @internal
 */
export async function addToAggregates(
  trx: Knex.Transaction,
  inserted: CountedRecord[],
) {
  const deltas = new RollupDeltas();
  deltas.addEvents(inserted, 1);
  const perCluster = new Map<string, CountedRecord[]>();
  for (const r of inserted) {
    const list = perCluster.get(r.cluster) ?? [];
    list.push(r);
    perCluster.set(r.cluster, list);
  }
  for (const [cluster, records] of perCluster) {
    const subjects = [...new Set(records.map(r => r.subject))];
    const old = await summariesOf(trx, cluster, subjects);
    const next = new Map(old);
    const rederive = new Set<string>();
    for (const r of [...records].sort(byTimeThenId)) {
      if (rederive.has(r.subject)) continue;
      for (const scope of scopesOf(r)) {
        const key = summaryKey({ ...r, scope });
        const known = next.get(key);
        const merged = known ? withRecord(known, r) : summarize([r]).get(key);
        if (!merged) {
          rederive.add(r.subject);
          break;
        }
        next.set(key, merged);
      }
    }
    if (rederive.size) {
      const derived = summarize(await recordsOf(trx, cluster, [...rederive]));
      for (const [key, s] of next)
        if (rederive.has(s.subject)) next.delete(key);
      for (const [key, s] of derived) next.set(key, s);
    }
    await replaceSummaries(trx, old, next, deltas);
  }
  await applyDeltas(trx, deltas);
}

/**
 * Builds a cluster's aggregates again from all its stored records (on the first start after the
 * rollup's migration). The cluster's lock is held by the caller.
 *
 * @internal
 */
export async function rebuildCluster(trx: Knex.Transaction, cluster: string) {
  await trx(SUBJECTS).where('cluster', cluster).delete();
  await trx(HOURS).where('cluster', cluster).delete();
  const records = (
    (await trx(RECORDS)
      .where('cluster', cluster)
      .select(COUNTED_COLUMNS)) as CountedRow[]
  ).map(counted);
  const deltas = new RollupDeltas();
  deltas.addEvents(records, 1);
  await replaceSummaries(trx, new Map(), summarize(records), deltas);
  await applyDeltas(trx, deltas);
}
