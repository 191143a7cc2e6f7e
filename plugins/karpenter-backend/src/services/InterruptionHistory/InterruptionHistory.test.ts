import { InterruptionRecord } from '@karpenter-backstage/plugin-karpenter-common';
import { Knex } from 'knex';
import { DatabaseInterruptionStore, migrateDatabase } from '../../database';
import { createTestDatabases } from '../../__testUtils__/databases';
import { InterruptionHistory } from './InterruptionHistory';

const databases = createTestDatabases();
const HOUR = 3_600_000;
const now = Date.parse('2026-11-24T12:30:00Z');

const rec = (
  i: number,
  hoursAgo: number,
  nodePool: string,
  reason = 'SpotInterrupted',
): InterruptionRecord => ({
  cluster: 'demo',
  eventUid: `e${i}`,
  occurrence: 1,
  time: new Date(now - hoursAgo * HOUR).toISOString(),
  reason: reason as InterruptionRecord['reason'],
  type: 'Warning',
  message: 'm',
  nodePool,
  capacityType: 'spot',
  instanceType: 'm5.large',
  zone: 'eu-west-1a',
});

async function setup() {
  const knex: Knex = await databases.init('SQLITE_3');
  await migrateDatabase({ getClient: async () => knex });
  const store = new DatabaseInterruptionStore(knex);
  await store.addRecords([
    rec(1, 0.1, 'general'),
    rec(2, 0.2, 'batch', 'DisruptionTerminating'),
    rec(3, 5, 'general'),
    rec(4, 30, 'general'), // older than 24 h
  ]);
  const clock = { now };
  return {
    history: new InterruptionHistory(store, {
      now: () => clock.now,
      activityTtlMs: 1000,
    }),
    store,
    clock,
  };
}

describe('InterruptionHistory', () => {
  it('gives the last 24 hourly buckets, totals and per-NodePool narrowing', async () => {
    const { history } = await setup();
    const all = await history.activity('demo');
    expect(all.hourly).toHaveLength(24);
    expect(all.to).toBe('2026-11-24T13:00:00.000Z');
    expect(all.totals.total).toBe(3);
    expect(all.totals.byNodePool).toEqual({ general: 2, batch: 1 });
    expect(all.hourly[23]).toMatchObject({
      total: 2,
      byReason: { SpotInterrupted: 1, DisruptionTerminating: 1 },
    });
    const batch = await history.activity('demo', ['batch']);
    expect(batch.totals).toMatchObject({
      total: 1,
      byReason: { DisruptionTerminating: 1 },
    });
  });

  it('memoises the 24 h window for a short time only', async () => {
    const { history, store, clock } = await setup();
    expect((await history.activity('demo')).totals.total).toBe(3);
    await store.addRecords([rec(9, 0, 'general')]);
    expect((await history.activity('demo')).totals.total).toBe(3);
    clock.now += 1500;
    expect((await history.activity('demo')).totals.total).toBe(4);
  });

  it('answers a ranged, filtered query with buckets, totals and paged records', async () => {
    const { history } = await setup();
    const answer = await history.query({
      cluster: 'demo',
      fromMs: now - 7 * 24 * HOUR,
      toMs: now,
      bucketMs: 24 * HOUR,
      nodePools: ['general'],
      limit: 2,
    });
    expect(answer.buckets.reduce((sum, b) => sum + b.total, 0)).toBe(3);
    expect(answer.totals.byNodePool).toEqual({ general: 3 });
    expect(answer.records.map(r => r.eventUid)).toEqual(['e1', 'e3']);
    expect(answer.nextCursor).toBeDefined();
    expect(answer.bucketSeconds).toBe(86400);
  });
});
