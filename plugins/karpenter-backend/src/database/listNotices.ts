import { InputError } from '@backstage/errors';
import {
  countingKindOf,
  INTERRUPTION_CONSEQUENCE_REASONS,
  InterruptionNotice,
  RecordedReason,
} from '@karpenter-backstage/plugin-karpenter-common';
import { Knex } from 'knex';
import { InterruptionQuery, NoticePage } from './InterruptionStore';
import { factsFromRow, filtered, fromRow, RecordRow } from './rows';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Raw events shown per row at most. */
const RECORDS_PER_NOTICE = 50;

interface GroupRow {
  subject: string;
  reason: string;
  first_at: number | string;
  last_at: number | string;
  events: number | string;
  node_claim: string | null;
  node: string | null;
  node_pool: string | null;
  capacity_type: string | null;
  instance_type: string | null;
  zone: string | null;
  disruption_reason: string | null;
}

function encodeCursor(row: GroupRow): string {
  return Buffer.from(
    JSON.stringify([Number(row.first_at), row.subject, row.reason]),
  ).toString('base64url');
}

function decodeCursor(cursor: string): [number, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      Number.isSafeInteger(value[0]) &&
      typeof value[1] === 'string' &&
      typeof value[2] === 'string'
    )
      return value as [number, string, string];
  } catch {
    // fall through
  }
  throw new InputError('noticeCursor: not a cursor returned by this API');
}

const CONSEQUENCES: readonly string[] = INTERRUPTION_CONSEQUENCE_REASONS;
const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

/** The rows of (subject, reason) groups of a query's records, TerminatingOnInterruption apart. */
function groups(db: Knex, query: InterruptionQuery, fromMs = query.fromMs) {
  return filtered(db, { ...query, fromMs })
    .whereNotIn('reason', CONSEQUENCES)
    .select('subject', 'reason')
    .min({ first_at: 'occurred_at' })
    .max({
      last_at: 'occurred_at',
      node_claim: 'node_claim',
      node: 'node',
      node_pool: 'node_pool',
      capacity_type: 'capacity_type',
      instance_type: 'instance_type',
      zone: 'zone',
      disruption_reason: 'disruption_reason',
    })
    .count({ events: '*' })
    .groupBy('subject', 'reason');
}

const NEWEST_FIRST = [
  { column: 'first_at', order: 'desc' },
  { column: 'subject', order: 'desc' },
  { column: 'reason', order: 'desc' },
] as const;

/** A page of groups, newest first event first, after the cursor: every group of the range. */
async function allGroups(
  db: Knex,
  query: InterruptionQuery & { limit: number; cursor?: string },
): Promise<GroupRow[]> {
  const page = db.from(groups(db, query).as('g')).select('*');
  if (query.cursor) {
    const [at, subject, reason] = decodeCursor(query.cursor);
    page.where(inner =>
      inner
        .where('first_at', '<', at)
        .orWhere(same =>
          same
            .where('first_at', at)
            .where(tie =>
              tie
                .where('subject', '<', subject)
                .orWhere(s =>
                  s.where('subject', subject).where('reason', '<', reason),
                ),
            ),
        ),
    );
  }
  return (await page
    .orderBy([...NEWEST_FIRST])
    .limit(query.limit + 1)) as GroupRow[];
}

/** How many of the newest records the first page's groups are looked for in. */
const NEWEST_RECORDS = 1000;

/**
 * The first page without grouping the whole range: the groups whose first event is among the
 * newest records. A group whose every record is newer than T (the time of the
 * {@link NEWEST_RECORDS}th newest record) has the same first time, last time and count in
 * [T, to) as in the whole range; the groups with older records too are dropped (looked up by
 * the subjects index). When at least `limit + 1` groups remain they are the page the whole
 * range would give (its newest first times are all ≥ T); otherwise undefined (group it all).
 */
async function newestGroups(
  db: Knex,
  query: InterruptionQuery & { limit: number },
): Promise<GroupRow[] | undefined> {
  const edge = (await filtered(db, query)
    .whereNotIn('reason', CONSEQUENCES)
    .select('occurred_at')
    .orderBy('occurred_at', 'desc')
    .offset(NEWEST_RECORDS - 1)
    .first()) as { occurred_at: number | string } | undefined;
  if (!edge) return undefined;
  const since = Number(edge.occurred_at);
  await yieldToEventLoop();
  const recent = (await groups(db, query, since)) as GroupRow[];
  const subjects = [...new Set(recent.map(r => r.subject))];
  const older = new Set<string>();
  for (let i = 0; i < subjects.length; i += 500) {
    await yieldToEventLoop();
    const rows = (await filtered(db, { ...query, toMs: since })
      .whereNotIn('reason', CONSEQUENCES)
      .whereIn('subject', subjects.slice(i, i + 500))
      .distinct('subject', 'reason')) as Array<{
      subject: string;
      reason: string;
    }>;
    for (const r of rows) older.add(`${r.subject}\u0000${r.reason}`);
  }
  const whole = recent.filter(r => !older.has(`${r.subject}\u0000${r.reason}`));
  if (whole.length <= query.limit) return undefined;
  // newest first event first, then subject and reason descending (as the database orders them)
  const text = (a: string, b: string) => {
    if (a === b) return 0;
    return a < b ? 1 : -1;
  };
  return whole
    .sort(
      (a, b) =>
        Number(b.first_at) - Number(a.first_at) ||
        text(a.subject, b.subject) ||
        text(a.reason, b.reason),
    )
    .slice(0, query.limit + 1);
}

/**
 * The "Latest" rows: one per subject (NodeClaim) and reason, newest first event first, grouped
 * by the database. `TerminatingOnInterruption` is not a row of its own: its events are folded
 * into the subject's newest interruption notice row on the page.
 *
 * @internal
 */
export async function listNotices(
  db: Knex,
  query: InterruptionQuery & { limit: number; cursor?: string },
): Promise<NoticePage> {
  // Each query after the event loop had a turn (SQLite runs each synchronously).
  await yieldToEventLoop();
  const newest = query.cursor ? undefined : await newestGroups(db, query);
  await yieldToEventLoop();
  const rows = newest ?? (await allGroups(db, query));
  await yieldToEventLoop();
  const shown = rows.slice(0, query.limit);
  const subjects = [...new Set(shown.map(r => r.subject))];
  const raw = subjects.length
    ? ((await filtered(db, query)
        .whereIn('subject', subjects)
        .orderBy([
          { column: 'occurred_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(RECORDS_PER_NOTICE * shown.length * 2)
        .select('*')) as RecordRow[])
    : [];
  await yieldToEventLoop();
  const consequences = subjects.length
    ? ((await filtered(db, query)
        .whereIn('subject', subjects)
        .whereIn('reason', CONSEQUENCES)
        .select('subject')
        .count({ n: '*' })
        .groupBy('subject')) as Array<{ subject: string; n: number | string }>)
    : [];

  const notices: InterruptionNotice[] = shown.map(row => {
    const reason = row.reason as RecordedReason;
    return {
      subject: row.subject,
      reason,
      kind: countingKindOf(reason),
      ...factsFromRow(row),
      firstTime: iso(row.first_at),
      lastTime: iso(row.last_at),
      events: Number(row.events),
      records: [],
    };
  });
  // The newest interruption notice row of each subject takes its consequences.
  const interruptionRow = new Map<string, InterruptionNotice>();
  for (const n of notices)
    if (n.kind === 'interruption' && !interruptionRow.has(n.subject))
      interruptionRow.set(n.subject, n);
  for (const c of consequences) {
    const target = interruptionRow.get(c.subject);
    if (target) target.events += Number(c.n);
  }
  const rowOf = new Map(notices.map(n => [`${n.subject}\u0000${n.reason}`, n]));
  for (const r of raw) {
    const target = CONSEQUENCES.includes(r.reason)
      ? interruptionRow.get(r.subject ?? '')
      : rowOf.get(`${r.subject}\u0000${r.reason}`);
    if (target && target.records.length < RECORDS_PER_NOTICE)
      target.records.push(fromRow(r));
  }
  return {
    notices,
    nextCursor:
      rows.length > query.limit
        ? encodeCursor(shown[shown.length - 1])
        : undefined,
  };
}
