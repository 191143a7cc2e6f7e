import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseInterruptionStore } from './DatabaseInterruptionStore';
import { migrateDatabase } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const directory = resolvePackagePath(
  '@karpenter-backstage/plugin-karpenter-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('migrate up, all the way down and up again', async () => {
    const knex: Knex = await databases.init(databaseId);
    await migrateDatabase({ getClient: async () => knex });
    expect(await knex.schema.hasTable('karpenter_interruptions')).toBe(true);
    await knex.migrate.rollback({ directory }, true);
    expect(await knex.schema.hasTable('karpenter_interruptions')).toBe(false);
    await migrateDatabase({ getClient: async () => knex });
    expect(await knex.schema.hasTable('karpenter_queue_samples')).toBe(true);
  });

  it('keeps the records of earlier versions and re-derives them per NodeClaim', async () => {
    const knex: Knex = await databases.init(databaseId);
    await knex.migrate.up({ directory }); // 20261124000000_init
    await knex.migrate.up({ directory }); // 20261202000000_interruption_counts_index
    const row = (uid: string, extra: object) => ({
      cluster: 'demo',
      event_uid: uid,
      occurrence: 1,
      occurred_at: 1_000,
      reason: 'SpotInterrupted',
      type: 'Warning',
      message: 'Spot interruption warning was triggered',
      ...extra,
    });
    await knex('karpenter_interruptions').insert([
      // recorded on the NodeClaim (which knew its Node) and on the Node (labels unknown)
      row('a', { node_claim: 'c1', node: 'n1', node_pool: 'general' }),
      row('b', { node: 'n1' }),
      row('c', {
        reason: 'DisruptionTerminating',
        message: 'Disrupting Node: Drifted',
        node: 'n2',
      }),
      row('d', { reason: 'DisruptionBlocked', node_pool: 'batch' }),
    ]);
    await migrateDatabase({ getClient: async () => knex });
    const rows = await knex('karpenter_interruptions')
      .orderBy('event_uid')
      .select(
        'event_uid',
        'subject',
        'node_claim',
        'node_pool',
        'disruption_reason',
      );
    expect(rows).toEqual([
      {
        event_uid: 'a',
        subject: 'c1',
        node_claim: 'c1',
        node_pool: 'general',
        disruption_reason: null,
      },
      {
        event_uid: 'b',
        subject: 'c1',
        node_claim: 'c1',
        node_pool: 'general',
        disruption_reason: null,
      },
      {
        event_uid: 'c',
        subject: 'node/n2',
        node_claim: null,
        node_pool: null,
        disruption_reason: 'Drifted',
      },
      {
        event_uid: 'd',
        subject: 'nodepool/batch',
        node_claim: null,
        node_pool: 'batch',
        disruption_reason: null,
      },
    ]);
    expect(
      await knex('karpenter_nodes').select(
        'cluster',
        'node',
        'node_claim',
        'node_pool',
      ),
    ).toEqual([
      { cluster: 'demo', node: 'n1', node_claim: 'c1', node_pool: 'general' },
    ]);
    // The aggregates (20261207000000_interruption_rollup) are built from these records on the
    // first start: the hourly rollup counts them as the records say.
    const counts = await new DatabaseInterruptionStore(knex).countRecords(
      { cluster: 'demo', fromMs: 0, toMs: 3_600_000 },
      3_600_000,
    );
    expect(counts.firsts.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { startMs: 0, kind: 'disrupted', count: 1 },
      { startMs: 0, kind: 'interrupted', count: 1 },
    ]);
    expect(counts.byNodePool).toEqual({ general: 1 });
    expect(counts.disruptionsByReason).toEqual({ Drifted: 1 });
    expect(counts.byReason).toEqual({
      SpotInterrupted: 1,
      DisruptionTerminating: 1,
      DisruptionBlocked: 1,
    });
    expect(counts.perBucket.reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(
      await knex('karpenter_interruption_rollup_state').select('version'),
    ).toEqual([{ version: 1 }]);
  });

  it('skips migrations when the deployment manages them', async () => {
    const knex: Knex = await databases.init(databaseId);
    await migrateDatabase({
      getClient: async () => knex,
      migrations: { skip: true },
    });
    expect(await knex.schema.hasTable('karpenter_interruptions')).toBe(false);
  });
});
