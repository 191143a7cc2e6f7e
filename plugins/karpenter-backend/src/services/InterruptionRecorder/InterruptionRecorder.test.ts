import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseInterruptionStore, migrateDatabase } from '../../database';
import { createTestDatabases } from '../../__testUtils__/databases';
import { InterruptionRecorder } from './InterruptionRecorder';
import {
  EventSource,
  InvolvedObjectResolver,
  KubeEvent,
  WatchNotification,
} from './types';

const databases = createTestDatabases();
const t0 = Date.parse('2026-11-24T10:00:00Z');
const at = (s: number) => new Date(t0 + s * 1000).toISOString();

function event(
  uid: string,
  reason: string,
  count = 1,
  extra: Partial<KubeEvent> = {},
): KubeEvent {
  return {
    metadata: {
      uid,
      name: `${uid}.evt`,
      namespace: 'default',
      resourceVersion: '1',
    },
    involvedObject: { kind: 'NodeClaim', name: `claim-${uid}` },
    reason,
    type: 'Warning',
    message: `${reason} for claim-${uid}`,
    count,
    firstTimestamp: at(0),
    lastTimestamp: at(count * 10),
    ...extra,
  };
}

/** An event source whose list answers the given events and whose watch replays notifications. */
class FakeEventSource implements EventSource {
  listCalls = 0;
  watchCalls: string[] = [];
  constructor(
    public events: KubeEvent[],
    private readonly notifications: Array<
      WatchNotification | 'GONE' | 'UNAUTHORIZED'
    > = [],
  ) {}
  /** Pages of this size, each handed on before the next (as KubeEventSource does). */
  pageSize = 500;
  /** How many records the store held when each page was handed on. */
  storedBeforePage: number[] = [];
  countStored?: () => Promise<number>;
  async list(_ns: string, onPage: (items: KubeEvent[]) => Promise<void>) {
    this.listCalls += 1;
    for (let i = 0; i < this.events.length || i === 0; i += this.pageSize) {
      if (this.countStored)
        this.storedBeforePage.push(await this.countStored());
      await onPage(this.events.slice(i, i + this.pageSize));
    }
    return { resourceVersion: String(100 + this.listCalls) };
  }
  async watch(
    _ns: string,
    rv: string,
    on: (n: WatchNotification) => void,
    signal: AbortSignal,
  ) {
    this.watchCalls.push(rv);
    const next = this.notifications.shift();
    if (next === 'GONE' || next === 'UNAUTHORIZED') {
      throw Object.assign(new Error(next), {
        statusCode: next === 'GONE' ? 410 : 401,
      });
    }
    if (next) {
      on(next);
      return;
    }
    await new Promise<void>(resolve =>
      signal.addEventListener('abort', () => resolve()),
    );
  }
}

const resolver = {
  resolve: jest.fn(async (involved: { kind?: string; name?: string }) => ({
    nodeClaim: involved.name,
    node: `node-of-${involved.name}`,
    nodePool: 'general',
    capacityType: 'spot',
    instanceType: 'm5.large',
    zone: 'eu-west-1a',
  })),
};

async function setup(
  source: EventSource,
  using: InvolvedObjectResolver = resolver,
  cursors?: Map<string, string>,
) {
  const knex: Knex = await databases.init('SQLITE_3');
  await migrateDatabase({ getClient: async () => knex });
  const store = new DatabaseInterruptionStore(knex);
  const recorder = new InterruptionRecorder({
    cluster: 'demo',
    namespaces: ['default'],
    source,
    resolver: using,
    store,
    logger: mockServices.logger.mock(),
    cursors,
  });
  const records = async () =>
    (
      await store.listRecords({
        cluster: 'demo',
        fromMs: 0,
        toMs: Date.parse('2100-01-01'),
        limit: 100,
      })
    ).records;
  return { recorder, store, records };
}

describe('InterruptionRecorder', () => {
  it('records recorded reasons about NodeClaims, Nodes and NodePools only, with the involved NodeClaim resolved', async () => {
    const { recorder, records } = await setup(
      new FakeEventSource([
        event('a', 'SpotInterrupted'),
        event('b', 'FailedScheduling'),
        event('c', 'DisruptionTerminating', 1, {
          involvedObject: { kind: 'Node', name: 'n1' },
        }),
        { ...event('d', 'SpotInterrupted'), metadata: {} },
        // the per-Pod copy some provider versions record: not an interruption of its own
        event('e', 'SpotInterrupted', 1, {
          involvedObject: {
            kind: 'Pod',
            name: 'web-1',
            namespace: 'karpenter',
          },
        }),
      ]),
    );
    expect(await recorder.catchUp('default')).toBe('101');
    const stored = await records();
    expect(stored.map(r => [r.eventUid, r.reason]).sort()).toEqual([
      ['a', 'SpotInterrupted'],
      ['c', 'DisruptionTerminating'],
    ]);
    expect(stored.find(r => r.eventUid === 'a')).toMatchObject({
      nodeClaim: 'claim-a',
      node: 'node-of-claim-a',
      nodePool: 'general',
      capacityType: 'spot',
      instanceType: 'm5.large',
      zone: 'eu-west-1a',
      time: at(0),
      type: 'Warning',
    });
  });

  it('records a catch-up page by page, so it never holds the whole list', async () => {
    const source = new FakeEventSource(
      ['a', 'b', 'c', 'd', 'e'].map(uid => event(uid, 'SpotInterrupted')),
    );
    source.pageSize = 2;
    const { recorder, records } = await setup(source);
    source.countStored = async () => (await records()).length;
    await recorder.catchUp('default');
    // each page was stored before the next was fetched
    expect(source.storedBeforePage).toEqual([0, 2, 4]);
    expect((await records()).length).toBe(5);
  });

  it('keeps count increments as occurrences and never duplicates on catch-up', async () => {
    const source = new FakeEventSource([
      event('a', 'SpotRebalanceRecommendation', 1),
    ]);
    const { recorder, records } = await setup(source);
    await recorder.catchUp('default');
    source.events = [event('a', 'SpotRebalanceRecommendation', 3)];
    await recorder.catchUp('default');
    await recorder.catchUp('default'); // a restart catching up again
    const stored = await records();
    expect(stored.map(r => r.occurrence).sort()).toEqual([1, 2, 3]);
    expect(stored.find(r => r.occurrence === 1)?.time).toBe(at(0));
    expect(stored.find(r => r.occurrence === 3)?.time).toBe(at(30));
  });

  it('records watched events, follows bookmarks and re-lists after 410 Gone', async () => {
    const source = new FakeEventSource(
      [event('a', 'SpotInterrupted')],
      [
        {
          type: 'ADDED',
          object: {
            ...event('b', 'InstanceTerminating'),
            metadata: { uid: 'b', resourceVersion: '205' },
          },
        },
        { type: 'BOOKMARK', resourceVersion: '210' },
        'GONE',
        {
          type: 'MODIFIED',
          object: {
            ...event('b', 'InstanceTerminating', 2),
            metadata: { uid: 'b', resourceVersion: '220' },
          },
        },
      ],
    );
    const { recorder, records } = await setup(source);
    await recorder.run(new AbortController().signal, 300);
    expect(source.listCalls).toBe(2); // initial list + re-list after 410
    expect(source.watchCalls.slice(0, 4)).toEqual(['101', '205', '210', '102']);
    expect((await records()).map(r => r.reason).sort()).toEqual([
      'InstanceTerminating',
      'InstanceTerminating',
      'SpotInterrupted',
    ]);
  });

  it('resumes its watch from the cursor at once after a 401 (credentials renewed), listing nothing again', async () => {
    const source = new FakeEventSource(
      [event('a', 'SpotInterrupted')],
      [
        { type: 'BOOKMARK', resourceVersion: '210' },
        'UNAUTHORIZED',
        {
          type: 'ADDED',
          object: {
            ...event('b', 'InstanceTerminating'),
            metadata: { uid: 'b', resourceVersion: '220' },
          },
        },
        'UNAUTHORIZED',
      ],
    );
    const { recorder, records } = await setup(source);
    await recorder.run(new AbortController().signal, 300);
    expect(source.listCalls).toBe(1);
    expect(source.watchCalls.slice(0, 5)).toEqual([
      '101',
      '210',
      '210',
      '220',
      '220',
    ]);
    expect((await records()).map(r => r.eventUid).sort()).toEqual(['a', 'b']);
  });

  it('fails the run when the renewed credentials are refused too', async () => {
    const source = new FakeEventSource(
      [event('a', 'SpotInterrupted')],
      ['UNAUTHORIZED', 'UNAUTHORIZED'],
    );
    const { recorder } = await setup(source);
    await expect(
      recorder.run(new AbortController().signal, 300),
    ).rejects.toMatchObject({ statusCode: 401 });
    expect(source.watchCalls).toEqual(['101', '101']);
  });

  it('resumes the next run from where the previous one stopped instead of listing every event again', async () => {
    const source = new FakeEventSource(
      [event('a', 'SpotInterrupted')],
      [
        {
          type: 'ADDED',
          object: {
            ...event('b', 'InstanceTerminating'),
            metadata: { uid: 'b', resourceVersion: '205' },
          },
        },
      ],
    );
    const cursors = new Map<string, string>();
    const { recorder, records } = await setup(source, resolver, cursors);
    await recorder.run(new AbortController().signal, 200);
    expect(source.listCalls).toBe(1);
    expect(cursors.get('default')).toBe('205');
    // the next run (a new recorder, as the scheduler makes one per run) watches from 205
    const next = await setup(source, resolver, cursors);
    await next.recorder.run(new AbortController().signal, 100);
    expect(source.listCalls).toBe(1);
    expect(source.watchCalls.slice(-1)).toEqual(['205']);
    expect((await records()).map(r => r.eventUid).sort()).toEqual(['a', 'b']);
  });

  it('lists again after a run in which a record failed, so the failed event is retried', async () => {
    const source = new FakeEventSource(
      [],
      [
        {
          type: 'ADDED',
          object: {
            ...event('b', 'InstanceTerminating'),
            metadata: { uid: 'b', resourceVersion: '205' },
          },
        },
      ],
    );
    const failing: InvolvedObjectResolver = {
      resolve: async () => {
        throw new Error('the cache is not ready');
      },
    };
    const cursors = new Map<string, string>();
    const { recorder } = await setup(source, failing, cursors);
    await recorder.run(new AbortController().signal, 200);
    expect(cursors.has('default')).toBe(false);
    source.events = [event('b', 'InstanceTerminating')];
    const next = await setup(source, resolver, cursors);
    await next.recorder.run(new AbortController().signal, 100);
    expect(source.listCalls).toBe(2);
    expect((await next.records()).map(r => r.eventUid)).toEqual(['b']);
  });

  it('resolves a Node event recorded after its NodeClaim is gone through the remembered mapping', async () => {
    // The cluster knows c1 on n1 at the first catch-up; later both are gone from the cache.
    const cluster = { claims: [{ node: 'n1', nodeClaim: 'c1' }] };
    const facts = { nodePool: 'general', capacityType: 'spot', zone: 'z1' };
    const gone: InvolvedObjectResolver = {
      resolve: async involved =>
        involved.kind === 'Node'
          ? { node: involved.name }
          : { nodeClaim: involved.name },
      known: async () => cluster.claims.map(c => ({ ...c, ...facts })),
    };
    const source = new FakeEventSource([]);
    const { recorder, records } = await setup(source, gone);
    await recorder.catchUp('default');
    cluster.claims = [];
    source.events = [
      event('x', 'TerminatingOnInterruption', 1, {
        involvedObject: { kind: 'Node', name: 'n1' },
      }),
      event('y', 'SpotInterrupted', 1, {
        involvedObject: { kind: 'Node', name: 'n-unknown' },
      }),
    ];
    await recorder.catchUp('default');
    const stored = await records();
    expect(stored.find(r => r.eventUid === 'x')).toMatchObject({
      node: 'n1',
      nodeClaim: 'c1',
      nodePool: 'general',
      zone: 'z1',
    });
    expect(stored.find(r => r.eventUid === 'y')?.nodeClaim).toBeUndefined();
  });

  it('stops when the scheduler aborts the run', async () => {
    const source = new FakeEventSource([]);
    const { recorder } = await setup(source);
    const abort = new AbortController();
    const running = recorder.run(abort.signal, 60_000);
    setTimeout(() => abort.abort(), 50);
    await expect(running).resolves.toBeUndefined();
  });
});
