import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import request from 'supertest';
import { startKarpenterBackend } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

describe('karpenter backend against the simulator', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 200 });
    await sim.start();
  });
  afterEach(async () => {
    await sim.stop();
  });

  it('answers /health without credentials and lists clusters without secrets', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    expect(
      (await request(backend.server).get('/api/karpenter/health')).body,
    ).toEqual({ status: 'ok' });
    const clusters = await get('/v1/clusters');
    expect(clusters.status).toBe(200);
    expect(clusters.body.items).toEqual([
      {
        name: 'demo',
        title: 'demo (eu-west-1)',
        authProvider: 'none',
        hasInterruptionQueue: true,
      },
      {
        name: 'staging',
        title: 'staging (eu-west-1)',
        authProvider: 'none',
        hasInterruptionQueue: true,
      },
    ]);
    expect(JSON.stringify(clusters.body)).not.toContain('127.0.0.1');
    await backend.stop();
  });

  it('serves NodePools with health, usage, capacity split and budgets', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    const res = await get('/v1/clusters/demo/nodepools');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.items.map((p: any) => [p.name, p]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      'arm64',
      'batch',
      'critical',
      'general',
    ]);
    expect(byName.general).toMatchObject({
      health: { status: 'healthy' },
      nodeCount: 16,
      nodesByCapacityType: { spot: 10, 'on-demand': 6 },
      nodeClaimsByState: { initialized: 16 },
    });
    expect(byName.general.usage.cpu.limit).toBe(200);
    expect(byName.batch.health.status).toBe('degraded');
    expect(byName.batch.health.reasons[0].code).toBe('CPU_LIMIT_NEAR');
    await backend.stop();
  });

  it('pages NodeClaims, filters by NodePool and state, and lists EC2NodeClasses', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    const first = await get(
      '/v1/clusters/demo/nodeclaims?nodePool=general&limit=10',
    );
    expect(first.body).toMatchObject({ total: 16 });
    expect(first.body.items).toHaveLength(10);
    const second = await get(
      `/v1/clusters/demo/nodeclaims?nodePool=general&limit=10&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toHaveLength(6);
    expect(second.body.nextCursor).toBeUndefined();
    expect(
      (await get('/v1/clusters/demo/nodeclaims?state=pending')).body.total,
    ).toBe(0);
    const classes = await get('/v1/clusters/demo/nodeclasses');
    expect(
      classes.body.items.map((c: any) => [c.name, c.ready, c.subnets.length]),
    ).toEqual([
      ['arm64', true, 3],
      ['default', true, 3],
    ]);
    await backend.stop();
  });

  it('names bad parameters (400) and unknown clusters (404)', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    const bad = await get('/v1/clusters/demo/nodeclaims?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('limit');
    expect(
      (await get('/v1/clusters/demo/nodeclaims?state=sleeping')).body.error
        .message,
    ).toContain('state');
    expect(
      (await get('/v1/clusters/demo/interruptions?bucket=2h')).body.error
        .message,
    ).toContain('bucket');
    expect((await get('/v1/clusters/nope/nodepools')).status).toBe(404);
    await backend.stop();
  });

  it('summarises an entity: by annotation, by workload, not configured, and never follows URLs', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    const cluster = await get(
      '/v1/entities/default/resource/demo-cluster/summary',
    );
    expect(cluster.body).toMatchObject({
      status: 'configured',
      mapping: 'annotations',
      health: 'degraded',
    });
    expect(cluster.body.clusters[0].nodePools).toHaveLength(4);
    expect(cluster.body.clusters[0].queue).toMatchObject({ cluster: 'demo' });
    expect(cluster.body.clusters[0].interruptions.hourly).toHaveLength(24);

    const checkout = await get(
      '/v1/entities/default/component/checkout/summary',
    );
    expect(checkout.body.mapping).toBe('workloads');
    expect(checkout.body.clusters[0].nodePools.map((p: any) => p.name)).toEqual(
      ['general'],
    );

    const both = await get('/v1/entities/default/resource/both/summary');
    expect(
      both.body.clusters.map((c: any) => [
        c.cluster,
        c.nodePools.map((p: any) => p.name),
      ]),
    ).toEqual([
      ['demo', ['general']],
      ['staging', ['general']],
    ]);

    const plain = await get('/v1/entities/default/component/plain/summary');
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({
      status: 'not-configured',
      clusters: [],
    });
    expect(plain.body.message).toContain('karpenter.sh/cluster');

    const evil = await get('/v1/entities/default/resource/evil/summary');
    expect(evil.body.clusters[0].error.code).toBe('UNKNOWN_CLUSTER');
    expect(sim.requests.some(r => r.path.includes('169.254'))).toBe(false);

    expect(
      (await get('/v1/entities/default/component/missing/summary')).status,
    ).toBe(404);
    await backend.stop();
  });

  it('follows the simulator live: an interruption shows up in NodeClaim states', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    await get('/v1/clusters/demo/nodepools');
    sim.interrupt({ cluster: 'demo', nodePool: 'general' });
    await sim.advance(3_000);
    await new Promise(r => setTimeout(r, 300));
    const res = await get('/v1/clusters/demo/nodepools');
    const general = res.body.items.find((p: any) => p.name === 'general');
    expect(general.nodeClaimsByState).toMatchObject({
      terminating: 1,
      pending: 1,
    });
    await backend.stop();
  });
});
