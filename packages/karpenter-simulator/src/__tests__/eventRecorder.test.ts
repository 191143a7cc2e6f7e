import { CoreV1Api, Watch } from '@kubernetes/client-node';
import { ObjectStore } from '../k8s/ObjectStore';
import { EventRecorder } from '../karpenter/eventRecorder';
import { Simulator } from '../Simulator';
import { eventScenario, kubeConfig } from '../__testUtils__/eventScenario';

const nodePoolEvent = (message = 'm') => ({
  involvedObject: { kind: 'NodePool', name: 'p' },
  type: 'Normal' as const,
  reason: 'DisruptionBlocked',
  message,
});

describe('the event pipeline (karpenter pkg/events/recorder.go, client-go tools/record/events_cache.go)', () => {
  let clock = 0;
  let store: ObjectStore;
  let recorder: EventRecorder;
  beforeEach(() => {
    clock = Date.parse('2026-12-01T10:00:00Z');
    store = new ObjectStore(() => clock);
    recorder = new EventRecorder(store, () => clock, 60 * 60_000);
  });

  it('recorder.go publishEvent: a repeat with the same reason and dedupe values inside DedupeTimeout (2 min default) is dropped, after it counts on the same Event', () => {
    const evt = { ...nodePoolEvent(), dedupeValues: ['uid-1'] };
    const first = recorder.publish(evt)!;
    clock += 119_000;
    expect(recorder.publish(evt)).toBeUndefined();
    expect(store.list('events')).toHaveLength(1);
    clock += 1_000;
    const again = recorder.publish(evt)!;
    expect(again.metadata.name).toBe(first.metadata.name);
    expect(again.count).toBe(2);
    // other dedupe values: not deduped against the first
    expect(recorder.publish({ ...evt, dedupeValues: ['uid-2'] })).toBeDefined();
    // an event's own DedupeTimeout
    const short = {
      ...nodePoolEvent('x'),
      dedupeValues: ['u'],
      dedupeTimeoutMs: 60_000,
    };
    recorder.publish(short);
    clock += 60_000;
    expect(recorder.publish(short)!.count).toBe(2);
  });

  it('events_cache.go eventObserve: identical events (object, type, reason, message) patch one Event, count + 1 and lastTimestamp, with no time limit', () => {
    const first = recorder.record(nodePoolEvent())!;
    clock += 50 * 60_000;
    const again = recorder.record(nodePoolEvent())!;
    expect(again.metadata.uid).toBe(first.metadata.uid);
    expect(again).toMatchObject({
      count: 2,
      firstTimestamp: first.firstTimestamp,
      lastTimestamp: '2026-12-01T10:50:00Z',
    });
    expect(Number(again.metadata.resourceVersion)).toBeGreaterThan(
      Number(first.metadata.resourceVersion),
    );
    // another message is another Event
    expect(recorder.record(nodePoolEvent('other'))!.metadata.name).not.toBe(
      first.metadata.name,
    );
    expect(first.metadata.name).toMatch(/^p\.[0-9a-f]+$/); // <object>.<unix nanos, hex>
  });

  it('events_cache.go EventAggregator: the 10th distinct message for one object and reason within 10 min becomes "(combined from similar events): …"', () => {
    for (let i = 0; i < 9; i++) recorder.record(nodePoolEvent(`m${i}`));
    const combined = recorder.record(nodePoolEvent('m9'))!;
    expect(combined.message).toBe('(combined from similar events): m9');
    const next = recorder.record(nodePoolEvent('m10'))!;
    expect(next.metadata.name).toBe(combined.metadata.name);
    expect(next).toMatchObject({
      count: 2,
      message: '(combined from similar events): m10',
    });
    expect(store.list('events')).toHaveLength(10);
  });

  it('events_cache.go EventSourceObjectSpamFilter: 25 events about one object pass, then one per 5 min', () => {
    for (let i = 0; i < 25; i++)
      expect(
        recorder.record({
          involvedObject: { kind: 'Node', name: 'n' },
          reason: `R${i}`,
        }),
      ).toBeDefined();
    expect(
      recorder.record({
        involvedObject: { kind: 'Node', name: 'n' },
        reason: 'R25',
      }),
    ).toBeUndefined();
    clock += 300_000;
    expect(
      recorder.record({
        involvedObject: { kind: 'Node', name: 'n' },
        reason: 'R26',
      }),
    ).toBeDefined();
  });

  it('event storage TTLFunc: an Event is deleted ttl after its LAST write (updates renew it); a later repeat creates it again with the same name and the grown count (event.go recordToSink)', () => {
    const first = recorder.record(nodePoolEvent())!;
    clock += 50 * 60_000;
    recorder.record(nodePoolEvent()); // count 2, written at 10:50
    clock += 20 * 60_000; // 11:10: 70 min after creation, 20 min after the update
    recorder.expire();
    expect(store.list('events')).toHaveLength(1);
    clock += 40 * 60_000; // 11:50: 60 min after the last write
    recorder.expire();
    expect(store.list('events')).toHaveLength(0);
    const again = recorder.record(nodePoolEvent())!;
    expect(again).toMatchObject({
      metadata: { name: first.metadata.name },
      count: 3,
      firstTimestamp: first.firstTimestamp,
    });
  });
});

describe('event TTL on the simulated API server (kubernetes pkg/registry/core/event/storage, --event-ttl)', () => {
  let sim: Simulator;
  afterEach(() => sim?.stop());

  it('events older than the TTL disappear: list no longer returns them and a watch sees DELETED', async () => {
    sim = new Simulator({ scenario: eventScenario({ eventTTL: '10m' }) });
    await sim.start();
    const kc = kubeConfig(sim.clusters[0].url);
    const core = kc.makeApiClient(CoreV1Api);
    const [claim] = sim.interrupt({ cluster: 't', nodePool: 'spot' });
    const mine = async () =>
      (await core.listNamespacedEvent({ namespace: 'default' })).items.filter(
        e => e.involvedObject.name === claim,
      );
    const list = await core.listNamespacedEvent({ namespace: 'default' });
    expect((await mine()).length).toBe(2);
    const deleted: string[] = [];
    let stop: AbortController | undefined;
    const seen = new Promise<void>(resolve => {
      void new Watch(kc)
        .watch(
          '/api/v1/namespaces/default/events',
          { resourceVersion: list.metadata!.resourceVersion },
          (type, obj) => {
            if (type === 'DELETED' && obj.involvedObject.name === claim) {
              deleted.push(obj.reason);
              if (deleted.length === 2) resolve();
            }
          },
          () => undefined,
        )
        .then(c => {
          stop = c;
        });
    });
    await sim.advance(9 * 60_000);
    expect((await mine()).length).toBe(2);
    await sim.advance(60_000 + 5_000);
    await seen;
    stop?.abort();
    expect(deleted.sort()).toEqual([
      'SpotInterrupted',
      'TerminatingOnInterruption',
    ]);
    expect(await mine()).toEqual([]);
  });

  it('refuses an eventTTL that is not a duration, naming the field', async () => {
    sim = new Simulator({ scenario: eventScenario({ eventTTL: 'soon' }) });
    await expect(sim.start()).rejects.toThrow(/eventTTL must be a duration/);
  });

  it('seeded history looks like a real cluster: NodeClaim+Node pairs, TerminatingOnInterruption pairs, repeats as counts, every Event last written within the TTL', async () => {
    sim = new Simulator({ scenario: eventScenario({ initialEvents: 200 }) });
    await sim.start();
    const events = sim
      .cluster('t')
      .list('Event')
      .filter(e => e.source?.component === 'karpenter');
    expect(events.length).toBeGreaterThan(180);
    expect(events.length).toBeLessThan(220);
    const n = (kind: string, reason: string) =>
      events.filter(e => e.involvedObject.kind === kind && e.reason === reason)
        .length;
    for (const reason of [
      'SpotInterrupted',
      'TerminatingOnInterruption',
      'DisruptionTerminating',
      'SpotRebalanceRecommendation',
    ]) {
      expect(n('NodeClaim', reason)).toBeGreaterThan(0);
      expect(n('Node', reason)).toBe(n('NodeClaim', reason));
    }
    expect(n('NodeClaim', 'TerminatingOnInterruption')).toBe(
      n('NodeClaim', 'SpotInterrupted'),
    );
    expect(n('NodePool', 'DisruptionBlocked')).toBeGreaterThan(0);
    const repeated = events.filter(
      e => e.reason === 'Unconsolidatable' && e.count! > 1,
    );
    expect(repeated.length).toBeGreaterThan(0);
    expect(
      events.filter(e => e.reason === 'DisruptionBlocked' && e.count! > 1)
        .length,
    ).toBeGreaterThan(0);
    const oldest = sim.now() - 60 * 60_000;
    expect(events.filter(e => Date.parse(e.lastTimestamp!) <= oldest)).toEqual(
      [],
    );
    // spot interruptions are of NodeClaims that are gone by now
    const live = new Set(
      sim
        .cluster('t')
        .list('NodeClaim')
        .map(c => c.metadata.name),
    );
    expect(
      events.filter(
        e => e.reason === 'SpotInterrupted' && live.has(e.involvedObject.name),
      ),
    ).toEqual([]);
  });
});
