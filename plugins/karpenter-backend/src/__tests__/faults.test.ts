import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import { startKarpenterBackend } from '../__testUtils__/testBackend';
import { until } from '../__testUtils__/interruptionsBackend';

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

  it('marks a cluster whose API server stopped as stale within staleAfter, with its last known state, and clears it on recovery', async () => {
    const { backend, get } = await startKarpenterBackend(sim, {
      config: { staleAfter: { seconds: 2 } },
    });
    const warm = byCluster(await summary(get));
    expect(warm.staging.error).toBeUndefined();
    expect(warm.staging.stale).toBeUndefined();
    const port = Number(
      new URL(sim.clusters.find(c => c.name === 'staging')!.url).port,
    );
    const stoppedAt = Date.now();
    await sim.server('staging').close();
    // within staleAfter the last data is still current enough: answered from memory, not stale
    const soon = byCluster(await summary(get));
    expect(soon.staging.nodePools).toHaveLength(1);
    expect(soon.staging.stale).toBeUndefined();

    const stale = await until(
      'staging reported stale',
      async () => {
        const c = byCluster(await summary(get)).staging;
        return c.stale ? c : undefined;
      },
      2_000 + 3_000, // staleAfter + a margin
    );
    // stale once the data is older than staleAfter (its last sync was just before the stop)
    expect(Date.now() - Date.parse(stale.updatedAt)).toBeGreaterThanOrEqual(
      2_000,
    );
    expect(stale.error.code).toBe('UNREACHABLE');
    expect(stale.error.message).not.toContain('127.0.0.1');
    expect(stale.health).toBe('unknown');
    expect(Date.parse(stale.updatedAt)).toBeLessThanOrEqual(stoppedAt); // the data's age
    expect(stale.nodePools).toHaveLength(1); // last known state, marked as such
    expect(stale.nodePools[0]).toMatchObject({
      name: 'general',
      stale: true,
      health: { status: 'unknown' },
    });
    expect(stale.nodePools[0].health.reasons[0].code).toBe('STALE_DATA');
    // its cost is of the last known NodeClaims, and says so, in the cluster's sum too
    expect(stale.nodePools[0].cost.dataStale).toBe(true);
    expect(stale.cost.dataStale).toBe(true);
    const fresh = byCluster(await summary(get)).demo;
    expect(fresh.stale).toBeUndefined();
    expect(fresh.cost.dataStale).toBeUndefined();
    expect(fresh.error).toBeUndefined();
    expect(Date.now() - Date.parse(fresh.updatedAt)).toBeLessThan(2_000);
    const pools = (await get('/v1/clusters/staging/nodepools')).body.items;
    expect(pools[0].stale).toBe(true);

    const restartedAt = Date.now();
    await sim.server('staging').listen(port);
    const recovered = await until(
      'staging recovered',
      async () => {
        const c = byCluster(await summary(get)).staging;
        return !c.stale && !c.error ? c : undefined;
      },
      35_000, // the reconnect backoff (at most 30 s) + a margin
    );
    expect(Date.parse(recovered.updatedAt)).toBeGreaterThanOrEqual(restartedAt);
    expect(recovered.health).not.toBe('unknown');
    expect(recovered.nodePools[0].stale).toBeUndefined();
    await backend.stop();
    expect(unhandled).toEqual([]);
  });
});

describe('EKS token expiry while watching', () => {
  it('renews the token on a 401 and resumes every watch from its resourceVersion, never listing again', async () => {
    const sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 200 });
    await sim.start();
    try {
      sim.setEksTokens('demo', 2); // tokens accepted for 2 s after signing, 401 after
      // watches end every 1.5 s (as behind a load balancer), so new watches meet expired tokens
      sim.injectFault({ cluster: 'demo', dropWatchAfterMs: 1_500 });
      const { backend, get } = await startKarpenterBackend(sim);
      const first = await get('/v1/clusters/demo/nodepools');
      expect(first.status).toBe(200);
      const k8s = () =>
        sim.requests.filter(r => r.cluster === 'demo' && r.service === 'k8s');
      await until(
        'three token expiries on the NodePool watch',
        async () =>
          k8s().filter(r => r.status === 401 && r.path.endsWith('/nodepools'))
            .length >= 3
            ? true
            : undefined,
        20_000,
      );
      sim.clearFaults();
      // tokens live again: no 401 can land after the snapshot below without its follow-up
      sim.setEksTokens('demo', undefined);
      sim.cluster('demo').runtime.launch('general');
      const followed = await until(
        'the launch seen through the resumed watch',
        async () => {
          const general = (
            await get('/v1/clusters/demo/nodepools')
          ).body.items?.find((p: any) => p.name === 'general');
          return general?.nodeClaimsByState.pending === 1 ? general : undefined;
        },
        10_000,
      );
      expect(followed.stale).toBeUndefined();

      const isWatch = (r: { query?: string }) =>
        new URLSearchParams(r.query ?? '').get('watch') === 'true';
      const followUp = (all: ReturnType<typeof k8s>, r: (typeof all)[number]) =>
        all.slice(all.indexOf(r) + 1).find(n => n.path === r.path);
      // a 401 just before the tokens were lifted may still be waiting for its retry's backoff
      const requests = await until(
        'every 401 followed by a request on its path',
        async () => {
          const all = k8s();
          return all.every(r => r.status !== 401 || followUp(all, r))
            ? all
            : undefined;
        },
        10_000,
      );
      const lists = requests.filter(r => !isWatch(r));
      const listedPaths = lists.map(r => r.path).sort();
      // each resource listed once, at the start; every expiry was bridged by a watch
      expect(listedPaths).toEqual([...new Set(listedPaths)]);
      expect(listedPaths).toEqual(
        expect.arrayContaining([
          '/apis/karpenter.sh/v1/nodepools',
          '/apis/karpenter.sh/v1/nodeclaims',
          '/apis/karpenter.k8s.aws/v1/ec2nodeclasses',
          '/api/v1/nodes',
        ]),
      );
      const unauthorized = requests.filter(r => r.status === 401);
      expect(unauthorized.length).toBeGreaterThanOrEqual(3);
      expect(unauthorized.every(isWatch)).toBe(true);
      // the watch after each 401 resumes from a resourceVersion (no list, no full replay)
      for (const r of unauthorized) {
        const next = followUp(requests, r);
        expect(next && isWatch(next)).toBe(true);
        expect(next!.status).not.toBe(401); // renewed at once
        const rv = new URLSearchParams(next!.query).get('resourceVersion');
        expect(Number(rv)).toBeGreaterThan(0);
      }
      await backend.stop();
    } finally {
      await sim.stop();
    }
  });
});
