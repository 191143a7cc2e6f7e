import knexFactory, { Knex } from 'knex';
import { countRecords } from './countRecords';
import { DatabaseInterruptionStore } from './DatabaseInterruptionStore';
import { migrateDatabase } from './migrations';
import { runInTurn } from './yieldToEventLoop';

describe('queries in turn', () => {
  it('keeps the order of the results', async () => {
    const order: string[] = [];
    const results = await runInTurn([
      async () => {
        order.push('a');
        return 1;
      },
      async () => {
        order.push('b');
        return 'two';
      },
    ] as const);
    expect(results).toEqual([1, 'two']);
    expect(order).toEqual(['a', 'b']);
  });

  it('lets the event loop run while a day is counted and the Latest rows are listed on SQLite', async () => {
    const knex: Knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    await migrateDatabase({ getClient: async () => knex });
    const store = new DatabaseInterruptionStore(knex);
    const base = Date.parse('2026-12-01T00:00:00Z');
    await store.addRecords(
      Array.from({ length: 200 }, (_, i) => ({
        cluster: 'demo',
        eventUid: `uid-${i}`,
        occurrence: 1,
        time: new Date(base + i * 1000).toISOString(),
        reason: 'SpotInterrupted' as const,
        type: 'Warning',
        message: 'Spot interruption warning was triggered',
        nodeClaim: `general-${i}`,
        nodePool: 'general',
      })),
    );
    // Not whole hours: counted from the first-notice table and the records, six queries (whole
    // hours are one query of the hourly rollup).
    const query = {
      cluster: 'demo',
      fromMs: base + 60_000,
      toMs: base + 3_600_000,
    };
    // An I/O-like callback queued now: with the queries chained in promise callbacks it would
    // run only after all of them (better-sqlite3 is synchronous).
    let servedBetween = 0;
    let done = false;
    const other = () => {
      if (done) return;
      servedBetween++;
      setImmediate(other);
    };
    setImmediate(other);
    await Promise.all([
      countRecords(knex, query, 3_600_000),
      store.listNotices({ ...query, limit: 20 }),
    ]);
    done = true;
    // one turn per query at least (6 count queries and the Latest rows' queries)
    expect(servedBetween).toBeGreaterThanOrEqual(5);
    await knex.destroy();
  });
});
