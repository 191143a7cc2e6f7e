import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import {
  startWithScheduler,
  STORM,
  until,
} from '../__testUtils__/interruptionsBackend';

jest.setTimeout(90_000);

describe('interruption history', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: STORM, bookmarkIntervalMs: 200 });
    await sim.start();
  });
  afterEach(() => sim.stop());

  it('records a scripted spot interruption storm exactly, with NodePool, capacity and instance resolved', async () => {
    const { backend, get } = await startWithScheduler(sim);
    await get('/v1/clusters/demo/nodepools'); // warm the cache
    const storm = sim.interrupt({
      cluster: 'demo',
      nodePool: 'general',
      count: 4,
    });
    expect(storm).toHaveLength(4);
    const history = await until('12 records', async () => {
      const res = await get(
        '/v1/clusters/demo/interruptions?bucket=1h&limit=100',
      );
      return res.body.totals?.total >= 12 ? res.body : undefined;
    });
    await new Promise(r => setTimeout(r, 1500));
    const again = (
      await get('/v1/clusters/demo/interruptions?bucket=1h&limit=100')
    ).body;
    expect(again.totals).toEqual(history.totals);
    expect(history.totals).toEqual({
      total: 12,
      byReason: { SpotInterrupted: 8, TerminatingOnInterruption: 4 },
      byNodePool: { general: 12 },
      byCapacityType: { spot: 12 },
      byInstanceType: { 'm5.large': 12 },
      byZone: expect.any(Object),
    });
    // per bucket and reason too (summed: the storm may straddle an hour boundary)
    const byReason: Record<string, number> = {};
    for (const b of history.buckets)
      for (const [reason, n] of Object.entries<number>(b.byReason))
        byReason[reason] = (byReason[reason] ?? 0) + n;
    expect(byReason).toEqual({
      SpotInterrupted: 8,
      TerminatingOnInterruption: 4,
    });
    expect(history.buckets.reduce((n: number, b: any) => n + b.total, 0)).toBe(
      12,
    );
    expect(
      new Set(
        history.records
          .filter(
            (r: any) => r.nodeClaim && r.reason === 'TerminatingOnInterruption',
          )
          .map((r: any) => r.nodeClaim),
      ),
    ).toEqual(new Set(storm));

    const summary = (
      await get('/v1/entities/default/resource/demo-cluster/summary')
    ).body;
    expect(summary.clusters[0].interruptions.totals.byReason).toEqual({
      SpotInterrupted: 8,
      TerminatingOnInterruption: 4,
    });
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
