import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import { startKarpenterBackend } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));

describe('fault matrix: one cluster failing never fails the others', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 200 });
    await sim.start();
  });
  afterEach(async () => {
    await sim.stop();
  });

  const summary = async (get: (p: string) => any) =>
    (await get('/v1/entities/default/resource/both/summary')).body;
  const byCluster = (body: any) =>
    Object.fromEntries(body.clusters.map((c: any) => [c.cluster, c]));

  it.each([
    [{ status: 500 }, 'SERVER_ERROR'],
    [{ status: 401 }, 'UNAUTHORIZED'],
    [{ status: 403 }, 'FORBIDDEN'],
    [{ malformedJson: true }, 'MALFORMED_RESPONSE'],
    [{ delayMs: 4000 }, 'TIMEOUT'],
  ])(
    'staging failing with %p gives a per-cluster %s error while demo answers',
    async (fault, code) => {
      sim.injectFault({ cluster: 'staging', resource: 'nodepools', ...fault });
      const { backend, get } = await startKarpenterBackend(sim);
      const started = Date.now();
      const res = await get('/v1/entities/default/resource/both/summary');
      expect(res.status).toBe(200);
      const clusters = byCluster(res.body);
      expect(clusters.staging.error.code).toBe(code);
      expect(clusters.staging.nodePools).toEqual([]);
      expect(clusters.demo.error).toBeUndefined();
      expect(clusters.demo.nodePools.map((p: any) => p.name)).toEqual([
        'general',
      ]);
      expect(Date.now() - started).toBeLessThan(3_500); // bounded by staging's 2 s timeout
      expect((await get('/v1/clusters/staging/nodepools')).status).toBe(503);
      await backend.stop();
    },
  );

  it('uses the bearer token, and reports a wrong one as UNAUTHORIZED', async () => {
    const secured = new Simulator({ scenario: 'faults' });
    await secured.start();
    try {
      const ok = await startKarpenterBackend(secured);
      expect(
        (await ok.get('/v1/clusters/secured/nodepools')).body.items.map(
          (p: any) => p.name,
        ),
      ).toEqual(['general']);
      await ok.backend.stop();
      const wrong = await startKarpenterBackend(secured, {
        clusterOverrides: { secured: { serviceAccountToken: 'nope' } },
      });
      const res = await wrong.get('/v1/clusters/secured/nodepools');
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain('UNAUTHORIZED');
      await wrong.backend.stop();
    } finally {
      await secured.stop();
    }
  });

  it('recovers from a dropped watch and keeps following changes', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    await get('/v1/clusters/demo/nodepools');
    sim.injectFault({ cluster: 'demo', dropWatchAfterMs: 0, once: true });
    sim.clearFaults();
    sim.cluster('demo').runtime.launch('general');
    await new Promise(r => setTimeout(r, 2500));
    const general = (await get('/v1/clusters/demo/nodepools')).body.items.find(
      (p: any) => p.name === 'general',
    );
    expect(general.nodeClaimsByState.pending).toBe(1);
    await backend.stop();
  });

  it('answers from memory after a cluster went down, and the other cluster is unaffected', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    const warm = await summary(get);
    expect(byCluster(warm).staging.error).toBeUndefined();
    await sim.server('staging').close();
    const res = await summary(get);
    expect(byCluster(res).demo.nodePools).toHaveLength(1);
    expect(byCluster(res).staging.nodePools).toHaveLength(1); // last known state, from the cache
    await backend.stop();
    expect(unhandled).toEqual([]);
  });
});
