import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import {
  startWithScheduler,
  STORM,
  until,
} from '../__testUtils__/interruptionsBackend';

type Getter = Awaited<ReturnType<typeof startWithScheduler>>['get'];

jest.setTimeout(90_000);

describe('interruption history', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: STORM, bookmarkIntervalMs: 200 });
    await sim.start();
  });
  afterEach(() => sim.stop());

  // `to` an hour ahead: the simulator's clock runs ahead of the wall clock after `advance`
  const interruptions = async (get: Getter) =>
    (
      await get(
        `/v1/clusters/demo/interruptions?bucket=1h&limit=100&to=${new Date(
          Date.now() + 3_600_000,
        ).toISOString()}`,
      )
    ).body;

  // One spot notice is four events as Karpenter v1.14 records them: SpotInterrupted and
  // TerminatingOnInterruption, each on the NodeClaim and on its Node
  // (aws/karpenter-provider-aws pkg/controllers/interruption/events/events.go).
  it('counts a storm of N spot interruptions on N NodeClaims as N interrupted NodeClaims, whatever the event count', async () => {
    const { backend, get } = await startWithScheduler(sim);
    await get('/v1/clusters/demo/nodepools'); // warm the cache
    const storm = sim.interrupt({
      cluster: 'demo',
      nodePool: 'general',
      count: 4,
    });
    expect(storm).toHaveLength(4);
    const history = await until('16 events', async () => {
      const body = await interruptions(get);
      return body.totals?.byReason?.TerminatingOnInterruption >= 4 &&
        body.totals.events >= 16
        ? body
        : undefined;
    });
    await new Promise(r => setTimeout(r, 1500));
    const again = await interruptions(get);
    expect(again.totals).toEqual(history.totals);
    expect(history.totals).toMatchObject({
      events: 16,
      nodeClaims: { interrupted: 4, rebalanceRecommended: 0, disrupted: 0 },
      byReason: { SpotInterrupted: 4, TerminatingOnInterruption: 4 },
      byNodePool: { general: 4 },
      byCapacityType: { spot: 4 },
      byInstanceType: { 'm5.large': 4 },
    });
    const perBucket = history.buckets.reduce(
      (n: number, b: any) => n + b.nodeClaims.interrupted,
      0,
    );
    expect(perBucket).toBe(4);
    // "Latest": one row per NodeClaim and notice, its four events folded into it
    const rows = history.notices.filter((n: any) => n.kind === 'interruption');
    expect(new Set(rows.map((n: any) => n.nodeClaim))).toEqual(new Set(storm));
    for (const row of rows) {
      expect(row).toMatchObject({ reason: 'SpotInterrupted', events: 4 });
      expect(row.records).toHaveLength(4);
    }

    const summary = (
      await get('/v1/entities/default/resource/demo-cluster/summary')
    ).body;
    expect(summary.clusters[0].interruptions.totals).toMatchObject({
      nodeClaims: { interrupted: 4 },
      byNodePool: { general: 4 },
    });
    await backend.stop();
  });

  it('counts an aggregated repeat (count 3) once, and a Node-only event after its NodeClaim is gone for that NodeClaim and NodePool', async () => {
    const { backend, get } = await startWithScheduler(sim);
    await get('/v1/clusters/demo/nodepools');
    const [claim] = sim.interrupt({ cluster: 'demo', nodePool: 'general' });
    await until('4 events', async () =>
      (await interruptions(get)).totals?.events >= 4 ? true : undefined,
    );
    const demo = sim.cluster('demo');
    const onClaim = demo
      .list('Event')
      .find(
        e =>
          e.reason === 'SpotInterrupted' &&
          e.involvedObject.kind === 'NodeClaim',
      );
    // client-go's correlator aggregates the same event: its count grows to 3
    for (let i = 0; i < 2; i++)
      demo.emitEvent({
        involvedObject: onClaim.involvedObject,
        reason: onClaim.reason,
        message: onClaim.message,
      });
    expect(demo.get('Event', onClaim.metadata.name, 'default').count).toBe(3);
    const node = (await interruptions(get)).records.find(
      (r: any) => r.nodeClaim === claim && r.node,
    ).node;
    await sim.advance(60_000); // the NodeClaim and its Node are deleted
    expect(demo.get('NodeClaim', claim)).toBeUndefined();
    const late = demo.emitEvent({
      involvedObject: { kind: 'Node', name: node },
      reason: 'InstanceTerminating',
      message: 'Instance is terminating',
    });
    const body = await until('the late Node event', async () => {
      const b = await interruptions(get);
      return b.records.some((r: any) => r.reason === 'InstanceTerminating')
        ? b
        : undefined;
    });
    expect(late).toBeDefined();
    expect(
      body.records.find((r: any) => r.reason === 'InstanceTerminating'),
    ).toMatchObject({ node, nodeClaim: claim, nodePool: 'general' });
    expect(body.totals.events).toBe(7);
    expect(body.totals.nodeClaims.interrupted).toBe(1);
    expect(body.totals.byNodePool).toEqual({ general: 1 });
    expect(body.totals.byReason).toMatchObject({
      SpotInterrupted: 1,
      InstanceTerminating: 1,
    });
    await backend.stop();
  });

  it('counts rebalance warnings and Karpenter disruptions apart from interruptions', async () => {
    const { backend, get } = await startWithScheduler(sim);
    await get('/v1/clusters/demo/nodepools');
    sim.interrupt({
      cluster: 'demo',
      nodePool: 'general',
      reason: 'SpotRebalanceRecommendation',
    });
    // kubernetes-sigs/karpenter pkg/controllers/disruption/events/events.go: DisruptionTerminating
    // "Disrupting Node: Underutilized" on the Node and the NodeClaim
    expect(sim.cluster('demo').runtime.consolidate('general')).toBeDefined();
    const body = await until('rebalance and disruption', async () => {
      const b = await interruptions(get);
      return b.totals?.nodeClaims?.rebalanceRecommended >= 1 &&
        b.totals.nodeClaims.disrupted >= 1
        ? b
        : undefined;
    });
    expect(body.totals.nodeClaims).toEqual({
      interrupted: 0,
      rebalanceRecommended: 1,
      disrupted: 1,
    });
    expect(body.totals.disruptionsByReason).toEqual({ Underutilized: 1 });
    expect(body.totals.byNodePool).toEqual({});
    await backend.stop();
  });

  it('samples the queue read-only, turns a lasting backlog into degraded NodePools, and never receives or deletes', async () => {
    const { backend, get } = await startWithScheduler(sim);
    sim.pauseConsumer('demo');
    sim.interrupt({ cluster: 'demo', nodePool: 'general', count: 2 });
    const behind = await until('falling-behind', async () => {
      const res = await get('/v1/clusters/demo/queue');
      return res.body.state === 'falling-behind' ? res.body : undefined;
    });
    expect(behind.latest.visible).toBe(2);
    expect(behind.samples.length).toBeGreaterThan(2);
    const summary = (
      await get('/v1/entities/default/resource/demo-cluster/summary')
    ).body;
    expect(summary.clusters[0].nodePools[0].health).toMatchObject({
      status: 'degraded',
    });
    expect(
      summary.clusters[0].nodePools[0].health.reasons.map((r: any) => r.code),
    ).toContain('INTERRUPTION_QUEUE_BACKLOG');
    const pools = (await get('/v1/clusters/demo/nodepools')).body.items;
    expect(pools.length).toBeGreaterThan(0);
    for (const pool of pools) {
      expect(pool.health.status).not.toBe('healthy');
      expect(pool.health.reasons.map((r: any) => r.code)).toContain(
        'INTERRUPTION_QUEUE_BACKLOG',
      );
    }

    sim.resumeConsumer('demo');
    await sim.advance(2_000);
    await until('drained', async () =>
      (await get('/v1/clusters/demo/queue')).body.state === 'ok'
        ? true
        : undefined,
    );

    const external = sim.requests.filter(r => r.service === 'sqs' && !r.by);
    expect(external.length).toBeGreaterThan(2);
    expect(new Set(external.map(r => r.action))).toEqual(
      new Set(['GetQueueUrl', 'GetQueueAttributes']),
    );
    await backend.stop();
  });

  it.each([
    ['QueueDoesNotExist', 'QUEUE_NOT_FOUND'],
    ['AccessDenied', 'ACCESS_DENIED'],
    ['Throttling', 'THROTTLED'],
  ] as const)(
    'reports SQS %s as a per-cluster %s queue error without failing the summary',
    async (sqsError, code) => {
      sim.injectFault({ cluster: 'demo', sqsError });
      const { backend, get } = await startWithScheduler(sim);
      const status = await until(code, async () => {
        const res = await get('/v1/clusters/demo/queue');
        return res.body.state === 'error' ? res.body : undefined;
      });
      expect(status.error.code).toBe(code);
      const summary = await get(
        '/v1/entities/default/resource/demo-cluster/summary',
      );
      expect(summary.status).toBe(200);
      expect(summary.body.clusters[0].queue.error.code).toBe(code);
      expect(summary.body.clusters[0].nodePools).toHaveLength(1);
      await backend.stop();
    },
  );
});

describe('interruption history beyond the event TTL', () => {
  it('keeps the interruptions after the API server deleted their events (its --event-ttl)', async () => {
    const sim = new Simulator({
      scenario: {
        ...STORM,
        clusters: [{ ...STORM.clusters[0], eventTTL: '30s' }],
      },
      bookmarkIntervalMs: 200,
    });
    await sim.start();
    try {
      const { backend, get } = await startWithScheduler(sim);
      await get('/v1/clusters/demo/nodepools');
      sim.interrupt({ cluster: 'demo', nodePool: 'general', count: 2 });
      const url = '/v1/clusters/demo/interruptions';
      await until('8 events', async () =>
        (await get(url)).body.totals?.events >= 8 ? true : undefined,
      );
      await sim.advance(120_000);
      expect(
        sim
          .cluster('demo')
          .list('Event')
          .filter(e => e.reason === 'SpotInterrupted'),
      ).toEqual([]);
      await new Promise(r => setTimeout(r, 1000));
      const body = (await get(url)).body;
      expect(body.totals.nodeClaims.interrupted).toBe(2);
      expect(body.totals.byReason.SpotInterrupted).toBe(2);
      await backend.stop();
    } finally {
      await sim.stop();
    }
  });
});
