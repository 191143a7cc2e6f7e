/*
 * The interruption aggregates (first notices and hourly rollup) against a count over the raw
 * records, for random event streams: inserts in any order, repeats and duplicates from "another
 * instance", Node → NodeClaim mappings learned later, prunes. The reference below is the
 * definition in docs/interruptions.md ("How the counts are kept"), written over the records
 * directly.
 */
import {
  CONSOLIDATION_REASONS,
  DISRUPTED_REASONS,
  INTERRUPTION_NOTICE_REASONS,
  InterruptionRecord,
  NODE_CLAIM_COUNT_KINDS,
  RecordedReason,
  UNKNOWN_LABEL,
} from '@karpenter-backstage/plugin-karpenter-common';
import fc from 'fast-check';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseInterruptionStore } from './DatabaseInterruptionStore';
import { InterruptionCounts, InterruptionQuery } from './InterruptionStore';
import { lockClusters, rebuildCluster } from './maintainAggregates';
import { migrateDatabase } from './migrations';
import { RECORDS, RecordRow } from './rows';

jest.setTimeout(240_000);

const databases = createTestDatabases();
const HOUR = 3_600_000;
const MINUTE = 60_000;
const base = Date.parse('2026-11-24T00:00:00Z');

const REASONS: RecordedReason[] = [
  'SpotInterrupted',
  'InstanceTerminating',
  'SpotRebalanceRecommendation',
  'DisruptionTerminating',
  'DisruptionBlocked',
  'Unconsolidatable',
];
const option = <T>(values: T[]) =>
  fc.option(fc.constantFrom(...values), { nil: undefined });

const recordArb = fc.record({
  cluster: fc.constantFrom('a', 'b'),
  uid: fc.integer({ min: 0, max: 30 }),
  occurrence: fc.integer({ min: 1, max: 3 }),
  atMs: fc.integer({ min: 0, max: 6 * HOUR }),
  reason: fc.constantFrom(...REASONS),
  disruption: option(['Underutilized', 'Empty', 'Drifted']),
  nodeClaim: option(['c1', 'c2', 'c3', 'c4', 'c5']),
  node: option(['n1', 'n2', 'n3', 'n4']),
  nodePool: option(['general', 'batch']),
  capacityType: option(['spot', 'on-demand']),
  instanceType: option(['m5.large', 'c5.xlarge']),
  zone: option(['z-a', 'z-b']),
});
type Generated = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;

const opArb = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    records: fc.array(recordArb, { maxLength: 25 }),
  }),
  fc.record({
    op: fc.constant('map' as const),
    cluster: fc.constantFrom('a', 'b'),
    node: fc.constantFrom('n1', 'n2', 'n3', 'n4'),
    nodeClaim: fc.constantFrom('c1', 'c2', 'c6'),
    sinceMs: fc.integer({ min: 0, max: 6 * HOUR }),
    nodePool: option(['general', 'batch']),
    zone: option(['z-a', 'z-b']),
  }),
  fc.record({
    op: fc.constant('prune' as const),
    atMs: fc.integer({ min: 0, max: 3 * HOUR }),
  }),
);

function toRecord(g: Generated, run: number): InterruptionRecord {
  return {
    cluster: `run${run}-${g.cluster}`,
    eventUid: `e${g.uid}`,
    occurrence: g.occurrence,
    time: new Date(base + g.atMs).toISOString(),
    reason: g.reason,
    type: 'Warning',
    message:
      g.reason === 'DisruptionTerminating'
        ? `Disrupting Node: ${g.disruption ?? ''}`
        : g.reason,
    nodeClaim: g.nodeClaim,
    node: g.node,
    nodePool: g.nodePool,
    capacityType: g.capacityType,
    instanceType: g.instanceType,
    zone: g.zone,
  };
}

type Row = Omit<RecordRow, 'id' | 'occurred_at'> & { id: number; at: number };

/**
 * Each subject counted once among these records, at its first (by time, then as stored) and
 * with the first known value of each fact; those first noticed in the range, of the NodePools.
 */
function firstNotices(rows: Row[], q: InterruptionQuery) {
  const bySubject = new Map<string, Row[]>();
  for (const r of [...rows].sort((x, y) => x.at - y.at || x.id - y.id))
    bySubject.set(r.subject!, [...(bySubject.get(r.subject!) ?? []), r]);
  return [...bySubject.values()]
    .map(list => ({
      at: list[0].at,
      fact: (c: 'node_pool' | 'capacity_type' | 'instance_type' | 'zone') =>
        list.find(r => r[c] !== null)?.[c] ?? null,
    }))
    .filter(
      s =>
        s.at >= q.fromMs &&
        s.at < q.toMs &&
        (!q.nodePools || q.nodePools.includes(s.fact('node_pool') ?? '')),
    );
}

function tally(values: Array<string | null>) {
  const out: Record<string, number> = {};
  for (const v of values)
    out[v || UNKNOWN_LABEL] = (out[v || UNKNOWN_LABEL] ?? 0) + 1;
  return out;
}

/** The counts by the definition, over the stored records. */
function reference(
  all: Row[],
  q: InterruptionQuery,
  bucketMs: number,
): InterruptionCounts {
  const rows = all.filter(
    r => r.cluster === q.cluster && (!q.reason || r.reason === q.reason),
  );
  const bucket = (ms: number) => ms - (ms % bucketMs);
  const grouped = new Map<string, number>();
  for (const r of rows)
    if (
      r.at >= q.fromMs &&
      r.at < q.toMs &&
      (!q.nodePools || q.nodePools.includes(r.node_pool ?? ''))
    ) {
      const key = `${bucket(r.at)}|${r.reason}`;
      grouped.set(key, (grouped.get(key) ?? 0) + 1);
    }
  const of = (reasons: readonly string[]) =>
    rows.filter(r => reasons.includes(r.reason));
  const firsts = NODE_CLAIM_COUNT_KINDS.flatMap(kind => {
    const perBucket = new Map<number, number>();
    for (const s of firstNotices(of(kind.reasons), q))
      perBucket.set(bucket(s.at), (perBucket.get(bucket(s.at)) ?? 0) + 1);
    return [...perBucket].map(([startMs, count]) => ({
      startMs,
      kind: kind.key,
      count,
    }));
  });
  const interrupted = firstNotices(of(INTERRUPTION_NOTICE_REASONS), q);
  const disrupted = of(DISRUPTED_REASONS);
  const disruptionReasons = [
    ...new Set(disrupted.map(r => r.disruption_reason)),
  ];
  return {
    perBucket: [...grouped].map(([key, count]) => ({
      startMs: Number(key.split('|')[0]),
      reason: key.split('|')[1] as RecordedReason,
      count,
    })),
    firsts,
    byReason: Object.fromEntries(
      REASONS.map(
        reason => [reason, firstNotices(of([reason]), q).length] as const,
      ).filter(([, n]) => n > 0),
    ),
    byNodePool: tally(interrupted.map(s => s.fact('node_pool'))),
    byCapacityType: tally(interrupted.map(s => s.fact('capacity_type'))),
    byInstanceType: tally(interrupted.map(s => s.fact('instance_type'))),
    byZone: tally(interrupted.map(s => s.fact('zone'))),
    disruptionsByReason: Object.fromEntries(
      disruptionReasons
        .map(
          d =>
            [
              d || UNKNOWN_LABEL,
              firstNotices(
                disrupted.filter(r => r.disruption_reason === d),
                q,
              ).length,
            ] as const,
        )
        .filter(([, n]) => n > 0),
    ),
    consolidationsByNodePool: tally(
      firstNotices(
        disrupted.filter(r =>
          (CONSOLIDATION_REASONS as readonly string[]).includes(
            r.disruption_reason ?? '',
          ),
        ),
        q,
      ).map(s => s.fact('node_pool')),
    ),
  };
}

/** Order-free, zero-free form of counts. */
function normal(c: InterruptionCounts) {
  const sorted = <T>(list: T[]) => list.map(x => JSON.stringify(x)).sort();
  return {
    ...c,
    perBucket: sorted(c.perBucket.filter(b => b.count)),
    firsts: sorted(c.firsts.filter(f => f.count)),
  };
}

function queries(cluster: string): Array<[InterruptionQuery, number]> {
  const day = { cluster, fromMs: base - HOUR, toMs: base + 7 * HOUR };
  const part = {
    cluster,
    fromMs: base + 37 * MINUTE,
    toMs: base + 4 * HOUR + 13 * MINUTE,
  };
  const later = { cluster, fromMs: base + 2 * HOUR, toMs: base + 5 * HOUR };
  return [
    [day, HOUR],
    [day, 2 * HOUR],
    [{ ...day, nodePools: ['general'] }, HOUR],
    [{ ...day, nodePools: ['general', 'batch'] }, HOUR],
    [{ ...day, nodePools: [] }, HOUR],
    [later, HOUR],
    [part, HOUR],
    [{ ...part, nodePools: ['batch'] }, 15 * MINUTE],
    [{ ...day, reason: 'SpotInterrupted' }, HOUR],
    [{ ...later, reason: 'DisruptionTerminating' }, HOUR],
    [{ ...part, reason: 'SpotRebalanceRecommendation' }, HOUR],
  ];
}

async function storedRows(knex: Knex): Promise<Row[]> {
  const rows = (await knex(RECORDS).select('*')) as RecordRow[];
  return rows.map(r => ({ ...r, id: Number(r.id), at: Number(r.occurred_at) }));
}

/** The store's counts and the reference's for every query, in the same order. */
async function bothCounts(
  store: DatabaseInterruptionStore,
  knex: Knex,
  clusters: string[],
) {
  const rows = await storedRows(knex);
  const actual = [];
  const expected = [];
  for (const cluster of clusters)
    for (const [q, bucketMs] of queries(cluster)) {
      actual.push({ q, counts: normal(await store.countRecords(q, bucketMs)) });
      expected.push({ q, counts: normal(reference(rows, q, bucketMs)) });
    }
  return { actual, expected };
}

type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

/** Applies the operations to the clusters of one run. */
async function apply(store: DatabaseInterruptionStore, ops: Op[], run: number) {
  for (const op of ops) {
    if (op.op === 'add') {
      await store.addRecords(op.records.map(g => toRecord(g, run)));
    } else if (op.op === 'map') {
      await store.rememberNodes(
        `run${run}-${op.cluster}`,
        [
          {
            node: op.node,
            nodeClaim: op.nodeClaim,
            sinceMs: base + op.sinceMs,
            nodePool: op.nodePool,
            zone: op.zone,
          },
        ],
        base + 6 * HOUR,
      );
    } else {
      await store.prune(base + op.atMs);
    }
  }
}

describe.each(databases.eachSupportedId())(
  'interruption aggregates on %p',
  databaseId => {
    it('count what a count over the stored records counts, for random event streams', async () => {
      const knex: Knex = await databases.init(databaseId);
      await migrateDatabase({ getClient: async () => knex });
      const store = new DatabaseInterruptionStore(knex);
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(opArb, { minLength: 1, maxLength: 8 }),
          async ops => {
            run += 1;
            const clusters = [`run${run}-a`, `run${run}-b`];
            await apply(store, ops, run);
            const counted = await bothCounts(store, knex, clusters);
            expect(counted.actual).toEqual(counted.expected);
            // Built again from the records (as on the first start after the migration): the same.
            for (const cluster of clusters)
              await knex.transaction(async trx => {
                await lockClusters(trx, [cluster]);
                await rebuildCluster(trx, cluster);
              });
            const rebuilt = await bothCounts(store, knex, clusters);
            expect(rebuilt.actual).toEqual(rebuilt.expected);
          },
        ),
        { numRuns: 100 },
      );
    });
  },
);
