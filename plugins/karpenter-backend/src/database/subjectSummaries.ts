import {
  contributionsOf,
  CountedRecord,
  EVERY_POOL,
  FACT_COLUMNS,
  Facts,
  hourOf,
  Metric,
  scopesOf,
} from './aggregateScopes';

/**
 * A subject's first notice of a scope (a row of the per-subject table): its first and last
 * record times and its known facts.
 *
 * @internal
 */
export interface SubjectSummary extends Facts {
  cluster: string;
  subject: string;
  scope: string;
  first_at: number;
  last_at: number;
}

/** The key of a summary. @internal */
export const summaryKey = (s: {
  cluster: string;
  subject: string;
  scope: string;
}) => `${s.cluster}\u0000${s.subject}\u0000${s.scope}`;

/** Records in the order the facts are taken in: by time, then as stored (id). @internal */
export function byTimeThenId(a: CountedRecord, b: CountedRecord) {
  return a.occurred_at - b.occurred_at || a.id - b.id;
}

function start(r: CountedRecord, scope: string): SubjectSummary {
  const summary: SubjectSummary = {
    cluster: r.cluster,
    subject: r.subject,
    scope,
    first_at: r.occurred_at,
    last_at: r.occurred_at,
    node_pool: null,
    capacity_type: null,
    instance_type: null,
    zone: null,
  };
  for (const c of FACT_COLUMNS) summary[c] = r[c];
  return summary;
}

/**
 * The summary with one more record of its scope, or undefined when that cannot be told without
 * the other records. A fact is the value of the earliest record (by time, then id) that has one:
 * a record before all others comes first, one after all others (a new record has the highest id)
 * only fills nulls; one in between decides nothing when its facts are null or the known ones.
 *
 * @internal
 */
export function withRecord(
  summary: SubjectSummary,
  r: CountedRecord,
): SubjectSummary | undefined {
  const next = { ...summary };
  if (r.occurred_at < summary.first_at) {
    next.first_at = r.occurred_at;
    for (const c of FACT_COLUMNS) next[c] = r[c] ?? summary[c];
    return next;
  }
  const last = r.occurred_at >= summary.last_at;
  for (const c of FACT_COLUMNS) {
    if (r[c] === null || r[c] === summary[c]) continue;
    if (summary[c] !== null && !last) return undefined;
    next[c] = summary[c] ?? r[c];
  }
  next.last_at = Math.max(summary.last_at, r.occurred_at);
  return next;
}

/** The summaries of every scope of these records (all the records of their subjects). @internal */
export function summarize(
  records: CountedRecord[],
): Map<string, SubjectSummary> {
  const out = new Map<string, SubjectSummary>();
  for (const r of [...records].sort(byTimeThenId)) {
    for (const scope of scopesOf(r)) {
      const key = summaryKey({ ...r, scope });
      const known = out.get(key);
      if (!known) {
        out.set(key, start(r, scope));
        continue;
      }
      known.last_at = r.occurred_at;
      for (const c of FACT_COLUMNS) known[c] ??= r[c];
    }
  }
  return out;
}

/**
 * Changes to the hourly rollup, summed before they are written: per (cluster, NodePool, hour,
 * metric, label) a count to add (negative: taken back).
 *
 * @internal
 */
export class RollupDeltas {
  readonly counts = new Map<
    string,
    {
      cluster: string;
      node_pool: string;
      hour_start: number;
      metric: Metric;
      label: string;
      n: number;
    }
  >();

  constructor(
    /** Hours before this are being deleted: nothing is added to or taken from them. */
    private readonly minHour = -Infinity,
  ) {}

  private addOne(
    cluster: string,
    pool: string,
    hour: number,
    metric: Metric,
    label: string,
    n: number,
  ) {
    if (hour < this.minHour) return;
    const key = [cluster, pool, hour, metric, label].join('\u0000');
    const known = this.counts.get(key);
    if (known) known.n += n;
    else
      this.counts.set(key, {
        cluster,
        node_pool: pool,
        hour_start: hour,
        metric,
        label,
        n,
      });
  }

  /** Adds n to the cluster-wide row (unless `poolOnly`) and to the NodePool's row (if known). */
  add(
    cluster: string,
    pool: string | null,
    atMs: number,
    metric: Metric,
    label: string,
    n: number,
    poolOnly = false,
  ) {
    const hour = hourOf(atMs);
    if (!poolOnly) this.addOne(cluster, EVERY_POOL, hour, metric, label, n);
    if (pool !== null) this.addOne(cluster, pool, hour, metric, label, n);
  }

  /** Occurrences stored (n = 1) or deleted (n = -1), under each record's own NodePool. */
  addEvents(
    records: Array<
      Pick<CountedRecord, 'cluster' | 'node_pool' | 'occurred_at' | 'reason'>
    >,
    n: 1 | -1,
  ) {
    for (const r of records)
      this.add(r.cluster, r.node_pool, r.occurred_at, 'events', r.reason, n);
  }

  /** One more (or, with n = -1, one less) first notice. */
  addSummary(s: SubjectSummary, n: 1 | -1) {
    for (const [metric, label] of contributionsOf(s.scope, s))
      this.add(s.cluster, s.node_pool, s.first_at, metric, label, n);
  }

  /** What replacing a summary changes (either may be missing). */
  replace(old: SubjectSummary | undefined, next: SubjectSummary | undefined) {
    if (old && next && sameCount(old, next)) return;
    if (old) this.addSummary(old, -1);
    if (next) this.addSummary(next, 1);
  }

  /** The non-zero changes. */
  rows() {
    return [...this.counts.values()].filter(c => c.n !== 0);
  }
}

/** Whether two summaries count the same (same hour, same facts). @internal */
export function sameCount(a: SubjectSummary, b: SubjectSummary) {
  return (
    hourOf(a.first_at) === hourOf(b.first_at) &&
    FACT_COLUMNS.every(c => a[c] === b[c])
  );
}

/** Whether a summary row must be written again. @internal */
export function sameSummary(a: SubjectSummary, b: SubjectSummary) {
  return (
    a.first_at === b.first_at && a.last_at === b.last_at && sameCount(a, b)
  );
}
