import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { CostSample, DatabaseCostSampleStore } from './CostSampleStore';
import { migrateDatabase } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const HOUR = 3_600_000;
const BASE = Date.parse('2026-12-03T00:00:00Z');

const sample = (overrides: Partial<CostSample>): CostSample => ({
  cluster: 'demo',
  nodePool: 'general',
  sampledAt: BASE,
  hourly: 1,
  onDemandEquivalent: 2,
  pricedNodes: 4,
  unpricedNodes: 0,
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'DatabaseCostSampleStore on %p',
  id => {
    let store: DatabaseCostSampleStore;

    beforeAll(async () => {
      const knex: Knex = await databases.init(id);
      await migrateDatabase({ getClient: async () => knex });
      store = new DatabaseCostSampleStore(knex);
      await store.addSamples([
        sample({ sampledAt: BASE + 10 * 60_000, hourly: 1 }),
        sample({ sampledAt: BASE + 40 * 60_000, hourly: 3, pricedNodes: 6 }),
        sample({ sampledAt: BASE + HOUR + 5 * 60_000, hourly: 5 }),
        sample({
          nodePool: 'batch',
          sampledAt: BASE + 20 * 60_000,
          hourly: 10,
        }),
        sample({ cluster: 'other', sampledAt: BASE + 20 * 60_000, hourly: 99 }),
      ]);
    });

    it('averages each NodePool per bucket, in the range and cluster asked for', async () => {
      const buckets = await store.buckets({
        cluster: 'demo',
        fromMs: BASE,
        toMs: BASE + 2 * HOUR,
        bucketMs: HOUR,
      });
      expect(
        buckets.map(b => [
          b.nodePool,
          b.startMs - BASE,
          b.hourly,
          b.pricedNodes,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['general', 0, 2, 5],
          ['batch', 0, 10, 4],
          ['general', HOUR, 5, 4],
        ]),
      );
      expect(buckets).toHaveLength(3);
      const general = await store.buckets({
        cluster: 'demo',
        nodePools: ['general'],
        fromMs: BASE + HOUR,
        toMs: BASE + 2 * HOUR,
        bucketMs: HOUR,
      });
      expect(general.map(b => b.hourly)).toEqual([5]);
    });

    it('prunes samples older than a time', async () => {
      expect(await store.prune(BASE + 30 * 60_000)).toBe(3);
      const left = await store.buckets({
        cluster: 'demo',
        fromMs: BASE,
        toMs: BASE + 2 * HOUR,
        bucketMs: HOUR,
      });
      expect(left).toHaveLength(2);
    });
  },
);
