import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { DatabaseInterruptionStore, migrateDatabase } from '../database';
import {
  createTestDatabases,
  describeOnPostgres,
} from '../__testUtils__/databases';
import {
  startWithScheduler,
  STORM,
  until,
} from '../__testUtils__/interruptionsBackend';

jest.setTimeout(120_000);

const databases: TestDatabases = createTestDatabases();

async function records(knex: Knex) {
  const rows = await knex('karpenter_interruptions').select(
    'event_uid',
    'occurrence',
    'reason',
    'node_pool',
    'subject',
  );
  const keys = rows.map(r => `${r.event_uid}#${r.occurrence}`);
  return { count: rows.length, unique: new Set(keys).size, rows };
}

describeOnPostgres('multi-instance recording on PostgreSQL', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: STORM, bookmarkIntervalMs: 200 });
    await sim.start();
  });
  afterEach(() => sim.stop());

  it('two backend instances sharing one database record every event exactly once', async () => {
    const knexA = await databases.init('POSTGRES_15');
    const connection = (knexA.client as any).config.connection;
    const knexB = knexFactory({ client: 'pg', connection });
    const a = await startWithScheduler(sim, [
      mockServices.database.factory({ knex: knexA }),
    ]);
    const b = await startWithScheduler(sim, [
      mockServices.database.factory({ knex: knexB }),
    ]);
    await a.get('/v1/clusters/demo/nodepools');
    await b.get('/v1/clusters/demo/nodepools');
    // 4 events per interrupted NodeClaim (the notice and TerminatingOnInterruption on the
    // NodeClaim and its Node: aws/karpenter-provider-aws pkg/controllers/interruption/events/events.go)
    sim.interrupt({ cluster: 'demo', nodePool: 'general', count: 5 });
    await until('20 records', async () =>
      (await records(knexA)).count >= 20 ? true : undefined,
    );
    await new Promise(r => setTimeout(r, 2000));
    const stored = await records(knexA);
    expect(stored.count).toBe(20);
    expect(stored.unique).toBe(20);
    for (const instance of [a, b]) {
      const { totals } = (await instance.get('/v1/clusters/demo/interruptions'))
        .body;
      expect(totals.events).toBe(20);
      expect(totals.nodeClaims.interrupted).toBe(5);
      expect(totals.byNodePool).toEqual({ general: 5 });
    }
    await a.backend.stop();
    await b.backend.stop();
    await knexB.destroy();
  });

  it('after kill -9 of a recording process, a restart keeps what was recorded and catches up without duplicates', async () => {
    const knex = await databases.init('POSTGRES_15');
    await migrateDatabase({ getClient: async () => knex });
    const connection = JSON.stringify((knex.client as any).config.connection);
    const start = () => {
      const child: ChildProcess = spawn(
        process.execPath,
        [
          '-r',
          require.resolve('@backstage/cli/config/nodeTransform.cjs'),
          path.join(__dirname, '..', '__testUtils__', 'recorderProcess.ts'),
        ],
        {
          env: {
            ...process.env,
            CLUSTER_URL: sim.clusters[0].url,
            PG_CONNECTION: connection,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      return child;
    };
    const first = start();
    sim.interrupt({ cluster: 'demo', nodePool: 'general', count: 3 });
    await until(
      '12 records',
      async () => ((await records(knex)).count >= 12 ? true : undefined),
      60_000,
    );
    first.kill('SIGKILL');
    await new Promise(r => first.once('exit', r));
    const before = await records(knex);
    expect(before.count).toBe(12);

    // while nobody records: more interruptions, and a repeat of an already recorded event
    // (its count goes to 2: one new occurrence of the same event uid)
    sim.interrupt({ cluster: 'demo', nodePool: 'general', count: 2 });
    const demo = sim.cluster('demo');
    const repeated = demo
      .list('Event')
      .find(e => e.reason === 'SpotInterrupted');
    demo.emitEvent({
      involvedObject: repeated.involvedObject,
      reason: repeated.reason,
      message: repeated.message,
    });
    expect(demo.get('Event', repeated.metadata.name, 'default').count).toBe(2);
    const second = start();
    await until(
      '21 records',
      async () => ((await records(knex)).count >= 21 ? true : undefined),
      60_000,
    );
    await new Promise(r => setTimeout(r, 1500));
    const after = await records(knex);
    second.kill('SIGKILL');
    await new Promise(r => second.once('exit', r));
    expect(after.count).toBe(21);
    expect(after.unique).toBe(21);
    // 5 interrupted NodeClaims, counted by the database whatever the events
    const store = new DatabaseInterruptionStore(knex);
    const counts = await store.countRecords(
      { cluster: 'demo', fromMs: 0, toMs: Date.now() + 60_000 },
      86_400_000,
    );
    expect(
      counts.firsts
        .filter(f => f.kind === 'interrupted')
        .reduce((n, f) => n + f.count, 0),
    ).toBe(5);
    expect(
      after.rows.filter(r => r.event_uid === repeated.metadata.uid).length,
    ).toBe(2);
    const kept = new Set(after.rows.map(r => `${r.event_uid}#${r.occurrence}`));
    for (const r of before.rows)
      expect(kept.has(`${r.event_uid}#${r.occurrence}`)).toBe(true);
    expect(after.rows.every(r => r.node_pool === 'general')).toBe(true);
  });
});
