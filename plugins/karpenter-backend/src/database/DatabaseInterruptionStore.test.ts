import {
  InterruptionRecord,
  UNKNOWN_LABEL,
} from '@karpenter-backstage/plugin-karpenter-common';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseInterruptionStore } from './DatabaseInterruptionStore';
import { InterruptionQuery, InterruptionStore } from './InterruptionStore';
import { migrateDatabase } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const base = Date.parse('2026-11-24T00:00:00Z');
const HOUR = 3_600_000;

function record(overrides: Partial<InterruptionRecord>): InterruptionRecord {
  return {
    cluster: 'demo',
    eventUid: 'uid-1',
    occurrence: 1,
    time: new Date(base).toISOString(),
    reason: 'SpotInterrupted',
    type: 'Warning',
    message: 'Spot interruption warning was triggered',
    nodeClaim: 'general-abcde',
    node: 'ip-10-0-1-1.eu-west-1.compute.internal',
    nodePool: 'general',
    capacityType: 'spot',
    instanceType: 'm5.large',
    zone: 'eu-west-1a',
    ...overrides,
  };
}

/** How many records the store counts in a range. */
async function countIn(store: InterruptionStore, query: InterruptionQuery) {
  const counts = await store.countRecords(query, HOUR);
  return counts.perBucket.reduce((sum, b) => sum + b.count, 0);
}

async function storeFor(databaseId: any) {
  const knex: Knex = await databases.init(databaseId);
  await migrateDatabase({ getClient: async () => knex });
  return new DatabaseInterruptionStore(knex);
}

describe.each(databases.eachSupportedId())(
  'DatabaseInterruptionStore on %p',
  databaseId => {
    it('stores each (cluster, event uid, occurrence) once, whoever inserts it', async () => {
      const store = await storeFor(databaseId);
      const first = record({});
      expect(
        await store.addRecords([
          first,
          record({ occurrence: 2, time: new Date(base + 1000).toISOString() }),
        ]),
      ).toBe(2);
      // the same event seen again, by this or another instance, and one new occurrence
      expect(
        await store.addRecords([
          first,
          record({ occurrence: 3, time: new Date(base + 2000).toISOString() }),
        ]),
      ).toBe(1);
      // the same uid in another cluster is another event
      expect(await store.addRecords([record({ cluster: 'staging' })])).toBe(1);
      expect(
        await countIn(store, {
          cluster: 'demo',
          fromMs: base,
          toMs: base + HOUR,
        }),
      ).toBe(3);
      expect(await store.knownOccurrences('demo', ['uid-1', 'uid-x'])).toEqual(
        new Map([['uid-1', 3]]),
      );
    });

    it('filters by range, NodePool and reason and pages the newest records', async () => {
      const store = await storeFor(databaseId);
      const records = Array.from({ length: 25 }, (_, i) =>
        record({
          eventUid: `uid-${i}`,
          time: new Date(base + i * 60_000).toISOString(),
          nodePool: i % 2 ? 'batch' : 'general',
          reason: i % 5 === 0 ? 'DisruptionTerminating' : 'SpotInterrupted',
        }),
      );
      await store.addRecords(records);
      const range = {
        cluster: 'demo',
        fromMs: base + 60_000,
        toMs: base + 20 * 60_000,
      };
      expect(await countIn(store, range)).toBe(19);
      expect(await countIn(store, { ...range, nodePool: 'batch' })).toBe(10);
      expect(
        await countIn(store, { ...range, nodePools: ['batch', 'none'] }),
      ).toBe(10);
      expect(
        await countIn(store, { ...range, reason: 'DisruptionTerminating' }),
      ).toBe(3);

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listRecords({ ...range, limit: 7, cursor });
        seen.push(...page.records.map(r => r.eventUid));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(
        Array.from({ length: 19 }, (_, i) => `uid-${19 - i}`),
      );
      const page = await store.listRecords({ ...range, limit: 1 });
      expect(page.records[0]).toEqual(records[19]);
    });

    it('counts per epoch-aligned bucket and reason, and per dimension', async () => {
      const store = await storeFor(databaseId);
      await store.addRecords([
        record({ eventUid: 'a', time: new Date(base + 60_000).toISOString() }),
        record({
          eventUid: 'b',
          time: new Date(base + 2 * 60_000).toISOString(),
          instanceType: 'm5.xlarge',
        }),
        record({
          eventUid: 'c',
          time: new Date(base + HOUR + 5).toISOString(),
          reason: 'InstanceStopping',
          nodePool: undefined,
          capacityType: undefined,
          instanceType: undefined,
          zone: undefined,
        }),
      ]);
      const counts = await store.countRecords(
        { cluster: 'demo', fromMs: base + 30_000, toMs: base + 2 * HOUR },
        HOUR,
      );
      expect(
        [...counts.perBucket].sort((x, y) => x.startMs - y.startMs),
      ).toEqual([
        { startMs: base, reason: 'SpotInterrupted', count: 2 },
        { startMs: base + HOUR, reason: 'InstanceStopping', count: 1 },
      ]);
      expect(counts.byNodePool).toEqual({ general: 2, [UNKNOWN_LABEL]: 1 });
      expect(counts.byCapacityType).toEqual({ spot: 2, [UNKNOWN_LABEL]: 1 });
      expect(counts.byInstanceType).toEqual({
        'm5.large': 1,
        'm5.xlarge': 1,
        [UNKNOWN_LABEL]: 1,
      });
      expect(counts.byZone).toEqual({ 'eu-west-1a': 2, [UNKNOWN_LABEL]: 1 });
      // records of an unknown NodePool are not part of any NodePool set
      expect(
        await countIn(store, {
          cluster: 'demo',
          fromMs: base,
          toMs: base + 2 * HOUR,
          nodePools: ['general'],
        }),
      ).toBe(2);
    });

    it('keeps queue samples in time order and prunes old rows', async () => {
      const store = await storeFor(databaseId);
      await store.addQueueSample('demo', {
        time: new Date(base + 2000).toISOString(),
        visible: 2,
        notVisible: 1,
        delayed: 0,
      });
      await store.addQueueSample('demo', {
        time: new Date(base).toISOString(),
        visible: 0,
        notVisible: 0,
        delayed: 0,
      });
      await store.addRecords([
        record({ time: new Date(base - HOUR).toISOString() }),
        record({ eventUid: 'new', time: new Date(base + 5000).toISOString() }),
      ]);
      expect(
        (await store.listQueueSamples('demo', base)).map(s => s.visible),
      ).toEqual([0, 2]);
      expect(await store.prune(base + 1000)).toBe(2); // one old record, one old sample
      expect(await store.listQueueSamples('demo', 0)).toHaveLength(1);
      expect(
        await countIn(store, { cluster: 'demo', fromMs: 0, toMs: base + HOUR }),
      ).toBe(1);
    });

    it('keeps failed readings apart from samples and reports the latest reading', async () => {
      const store = await storeFor(databaseId);
      expect(await store.latestQueueReading('demo')).toBeUndefined();
      const zero = { visible: 0, notVisible: 0, delayed: 0 };
      await store.addQueueSample('demo', {
        time: new Date(base).toISOString(),
        ...zero,
        visible: 4,
      });
      await store.addQueueSample(
        'demo',
        { time: new Date(base + 1000).toISOString(), ...zero },
        {
          code: 'ACCESS_DENIED',
          message: 'denied',
        },
      );
      expect(await store.listQueueSamples('demo', 0)).toEqual([
        { time: new Date(base).toISOString(), ...zero, visible: 4 },
      ]);
      expect(await store.latestQueueReading('demo')).toEqual({
        time: new Date(base + 1000).toISOString(),
        error: { code: 'ACCESS_DENIED', message: 'denied' },
      });
      await store.addQueueSample('demo', {
        time: new Date(base + 2000).toISOString(),
        ...zero,
      });
      expect(await store.latestQueueReading('demo')).toEqual({
        time: new Date(base + 2000).toISOString(),
      });
    });

    it('rejects a forged cursor with an InputError naming it', async () => {
      const store = await storeFor(databaseId);
      await expect(
        store.listRecords({
          cluster: 'demo',
          fromMs: 0,
          toMs: base,
          limit: 5,
          cursor: 'bm9wZQ',
        }),
      ).rejects.toThrow(/cursor/);
    });
  },
);
