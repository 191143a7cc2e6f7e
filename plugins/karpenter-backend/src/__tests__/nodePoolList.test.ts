import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import {
  startWithScheduler,
  until,
} from '../__testUtils__/interruptionsBackend';
import { startKarpenterBackend } from '../__testUtils__/testBackend';

jest.setTimeout(90_000);

/** `?nodePool=a,b`: the entity scope of the tab (issue 15, part 3). */
describe('nodePool as a comma list', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 200 });
    await sim.start();
  });
  afterEach(() => sim.stop());

  it('narrows NodeClaims to the listed NodePools and pages within them', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    const total = async (q: string) =>
      (await get(`/v1/clusters/demo/nodeclaims?limit=1000${q}`)).body;
    const all = await total('');
    const general = await total('&nodePool=general');
    const batch = await total('&nodePool=batch');
    const both = await total('&nodePool=general,batch');
    expect(general.total).toBeGreaterThan(0);
    expect(batch.total).toBeGreaterThan(0);
    expect(both.total).toBe(general.total + batch.total);
    expect(both.total).toBeLessThan(all.total);
    expect(new Set(both.items.map((c: any) => c.nodePool))).toEqual(
      new Set(['general', 'batch']),
    );
    // a repeated name counts once
    expect((await total('&nodePool=batch,batch')).total).toBe(batch.total);
    // paging stays inside the list
    const page = await get(
      '/v1/clusters/demo/nodeclaims?nodePool=batch,general&limit=5',
    );
    const rest = await get(
      `/v1/clusters/demo/nodeclaims?nodePool=batch,general&limit=1000&cursor=${page.body.nextCursor}`,
    );
    expect(page.body.items.length + rest.body.items.length).toBe(both.total);
    await backend.stop();
  });

  it.each([
    ['general,', 'empty items'],
    [',general', 'empty items'],
    ['general,,batch', 'empty items'],
    ['General', 'DNS-1123'],
    ['general,bad_name', 'DNS-1123'],
    [`${'a'.repeat(64)}`, 'DNS-1123'],
  ])('refuses nodePool=%s naming the field (%s)', async (value, words) => {
    const { backend, get } = await startKarpenterBackend(sim);
    for (const path of ['nodeclaims', 'interruptions']) {
      const res = await get(
        `/v1/clusters/demo/${path}?nodePool=${encodeURIComponent(value)}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^nodePool: /);
      expect(res.body.error.message).toContain(words);
    }
    await backend.stop();
  });

  it('narrows interruption records, buckets and totals to the listed NodePools', async () => {
    const { backend, get } = await startWithScheduler(sim);
    await get('/v1/clusters/demo/nodepools'); // warm the cache
    sim.interrupt({ cluster: 'demo', nodePool: 'general', count: 2 });
    const all = await until('records of general', async () => {
      const res = await get('/v1/clusters/demo/interruptions?limit=500');
      return res.body.totals?.byNodePool?.general > 0 ? res.body : undefined;
    });
    const listed = (
      await get(
        '/v1/clusters/demo/interruptions?limit=500&nodePool=general,batch',
      )
    ).body;
    const expected = Object.entries<number>(all.totals.byNodePool)
      .filter(([pool]) => pool === 'general' || pool === 'batch')
      .reduce((sum, [, n]) => sum + n, 0);
    // byNodePool counts interrupted NodeClaims (issue 14), so the listed pools add up to nodeClaims.interrupted.
    expect(listed.totals.nodeClaims.interrupted).toBe(expected);
    expect(
      Object.keys(listed.totals.byNodePool).every(p =>
        ['general', 'batch'].includes(p),
      ),
    ).toBe(true);
    expect(
      listed.records.every((r: any) =>
        ['general', 'batch'].includes(r.nodePool),
      ),
    ).toBe(true);
    const others = (
      await get('/v1/clusters/demo/interruptions?nodePool=critical,arm64')
    ).body;
    expect(others.totals.byNodePool.general).toBeUndefined();
    expect(others.records.some((r: any) => r.nodePool === 'general')).toBe(
      false,
    );
    await backend.stop();
  });
});
