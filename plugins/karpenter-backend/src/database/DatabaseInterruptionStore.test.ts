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
      expect(await countIn(store, { ...range, nodePools: ['batch'] })).toBe(10);
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
        record({
          eventUid: 'a',
          nodeClaim: 'claim-a',
          time: new Date(base + 60_000).toISOString(),
        }),
        record({
          eventUid: 'b',
          nodeClaim: 'claim-b',
          time: new Date(base + 2 * 60_000).toISOString(),
          instanceType: 'm5.xlarge',
        }),
        record({
          eventUid: 'c',
          nodeClaim: 'claim-c',
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

    it('counts interrupted NodeClaims, not events: Node and NodeClaim events, terminations and repeats are one', async () => {
      const store = await storeFor(databaseId);
      const at = (s: number) => new Date(base + s * 1000).toISOString();
      // As Karpenter v1.14 records them (aws/karpenter-provider-aws
      // pkg/controllers/interruption/events/events.go; kubernetes-sigs/karpenter
      // pkg/controllers/disruption/events/events.go): the notice and TerminatingOnInterruption on
      // the NodeClaim and on its Node.
      const interruption = (claim: string, node: string, s: number) => [
        record({
          eventUid: `${claim}-si`,
          nodeClaim: claim,
          node,
          time: at(s),
        }),
        record({ eventUid: `${node}-si`, nodeClaim: claim, node, time: at(s) }),
        record({
          eventUid: `${claim}-t`,
          nodeClaim: claim,
          node,
          reason: 'TerminatingOnInterruption',
          time: at(s + 1),
        }),
        record({
          eventUid: `${node}-t`,
          nodeClaim: claim,
          node,
          reason: 'TerminatingOnInterruption',
          time: at(s + 1),
        }),
      ];
      await store.addRecords([
        ...interruption('c1', 'n1', 10),
        ...interruption('c2', 'n2', HOUR / 1000 + 10),
        // an aggregated repeat: the same Event's count growing to 3
        ...[1, 2, 3].map(occurrence =>
          record({
            eventUid: 'c3-stop',
            occurrence,
            nodeClaim: 'c3',
            node: 'n3',
            reason: 'InstanceStopping',
            time: at(20 + occurrence),
          }),
        ),
        record({
          eventUid: 'c4-rebalance',
          nodeClaim: 'c4',
          reason: 'SpotRebalanceRecommendation',
          time: at(30),
        }),
        ...['c5', 'n5'].map(uid =>
          record({
            eventUid: `${uid}-dt`,
            nodeClaim: 'c5',
            node: 'n5',
            nodePool: 'batch',
            reason: 'DisruptionTerminating',
            message: `Disrupting ${
              uid === 'c5' ? 'NodeClaim' : 'Node'
            }: Underutilized`,
            time: at(40),
          }),
        ),
        ...[1, 2, 3, 4, 5].map(occurrence =>
          record({
            eventUid: 'c6-uncons',
            occurrence,
            nodeClaim: 'c6',
            reason: 'Unconsolidatable',
            time: at(50 + occurrence),
          }),
        ),
      ]);
      const range = { cluster: 'demo', fromMs: base, toMs: base + 2 * HOUR };
      const counts = await store.countRecords(range, HOUR);
      const firsts = [...counts.firsts].sort(
        (x, y) => x.startMs - y.startMs || x.kind.localeCompare(y.kind),
      );
      expect(firsts).toEqual([
        { startMs: base, kind: 'disrupted', count: 1 },
        { startMs: base, kind: 'interrupted', count: 2 },
        { startMs: base, kind: 'rebalanceRecommended', count: 1 },
        { startMs: base + HOUR, kind: 'interrupted', count: 1 },
      ]);
      expect(counts.byNodePool).toEqual({ general: 3 });
      expect(counts.byReason).toEqual({
        SpotInterrupted: 2,
        TerminatingOnInterruption: 2,
        InstanceStopping: 1,
        SpotRebalanceRecommendation: 1,
        DisruptionTerminating: 1,
        Unconsolidatable: 1,
      });
      expect(counts.disruptionsByReason).toEqual({ Underutilized: 1 });
      // the consolidated NodeClaim once, under its NodePool (Node and NodeClaim events are one)
      expect(counts.consolidationsByNodePool).toEqual({ batch: 1 });
      expect(counts.perBucket.reduce((n, b) => n + b.count, 0)).toBe(19);

      // "Latest": one row per NodeClaim and notice, terminations folded into it
      const { notices, nextCursor } = await store.listNotices({
        ...range,
        limit: 3,
      });
      expect(notices.map(n => [n.subject, n.reason, n.events])).toEqual([
        ['c2', 'SpotInterrupted', 4],
        ['c6', 'Unconsolidatable', 5],
        ['c5', 'DisruptionTerminating', 2],
      ]);
      expect(notices[0]).toMatchObject({
        kind: 'interruption',
        nodePool: 'general',
        instanceType: 'm5.large',
        firstTime: at(HOUR / 1000 + 10),
      });
      expect(notices[0].records).toHaveLength(4);
      expect(notices[2].disruptionReason).toBe('Underutilized');
      const rest = await store.listNotices({
        ...range,
        limit: 10,
        cursor: nextCursor,
      });
      expect(rest.notices.map(n => n.subject)).toEqual(['c4', 'c3', 'c1']);
      expect(rest.notices[1].events).toBe(3);
      expect(rest.nextCursor).toBeUndefined();
    });

    it('counts consolidated NodeClaims per NodePool: Underutilized and Empty, not Drifted', async () => {
      const store = await storeFor(databaseId);
      const at = (s: number) => new Date(base + s * 1000).toISOString();
      // DisruptionTerminating on the NodeClaim and on its Node, "Disrupting NodeClaim:
      // <reason>/<decision>" (kubernetes-sigs/karpenter pkg/controllers/disruption/events/events.go)
      const disrupted = (claim: string, pool: string, reason: string) =>
        ['NodeClaim', 'Node'].map(kind =>
          record({
            eventUid: `${claim}-${kind}-dt`,
            nodeClaim: claim,
            node: `node-${claim}`,
            nodePool: pool,
            reason: 'DisruptionTerminating',
            type: 'Normal',
            message: `Disrupting ${kind}: ${reason}/Delete`,
            time: at(10),
          }),
        );
      await store.addRecords([
        ...disrupted('g1', 'general', 'Underutilized'),
        ...disrupted('g2', 'general', 'Empty'),
        ...disrupted('g3', 'general', 'Drifted'),
        ...disrupted('b1', 'batch', 'Underutilized'),
      ]);
      const counts = await store.countRecords(
        { cluster: 'demo', fromMs: base, toMs: base + HOUR },
        HOUR,
      );
      expect(counts.consolidationsByNodePool).toEqual({ general: 2, batch: 1 });
      expect(counts.disruptionsByReason).toEqual({
        Underutilized: 2,
        Empty: 1,
        Drifted: 1,
      });
    });

    it('remembers Node → NodeClaim and re-derives Node-only records when it learns the mapping', async () => {
      const store = await storeFor(databaseId);
      const nodeOnly = record({
        eventUid: 'n9-si',
        nodeClaim: undefined,
        node: 'n9',
        nodePool: undefined,
      });
      await store.addRecords([
        nodeOnly,
        record({ eventUid: 'c9-si', nodeClaim: 'c9', node: 'n9' }),
      ]);
      const range = { cluster: 'demo', fromMs: base, toMs: base + HOUR };
      expect((await store.countRecords(range, HOUR)).byNodePool).toEqual({
        general: 1,
        [UNKNOWN_LABEL]: 1, // node/n9: not known to be c9 yet
      });
      expect(
        await store.rememberNodes(
          'demo',
          [{ node: 'n9', nodeClaim: 'c9', nodePool: 'general' }],
          base,
        ),
      ).toBe(1);
      // the same mapping again changes nothing
      expect(
        await store.rememberNodes(
          'demo',
          [{ node: 'n9', nodeClaim: 'c9', nodePool: 'general' }],
          base,
        ),
      ).toBe(0);
      expect((await store.countRecords(range, HOUR)).byNodePool).toEqual({
        general: 1,
      });
      expect(await store.lookupNodes('demo', ['n9', 'n0'])).toEqual(
        new Map([['n9', { node: 'n9', nodeClaim: 'c9', nodePool: 'general' }]]),
      );

      // EC2 reuses private IPs: a later NodeClaim on a Node of the same name takes the name over,
      // for the Node-only records since its creation only
      await store.addRecords([
        record({
          eventUid: 'n9-late',
          nodeClaim: undefined,
          node: 'n9',
          nodePool: undefined,
          time: new Date(base + 30 * 60_000).toISOString(),
        }),
      ]);
      expect(
        await store.rememberNodes(
          'demo',
          [
            {
              node: 'n9',
              nodeClaim: 'c10',
              nodePool: 'batch',
              sinceMs: base + 20 * 60_000,
            },
          ],
          base,
        ),
      ).toBe(1);
      const all = await store.listRecords({ ...range, limit: 10 });
      expect(
        Object.fromEntries(all.records.map(r => [r.eventUid, r.nodeClaim])),
      ).toEqual({ 'n9-si': 'c9', 'c9-si': 'c9', 'n9-late': 'c10' });
      expect((await store.countRecords(range, HOUR)).byNodePool).toEqual({
        general: 1,
        batch: 1,
      });
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
