import { mockServices } from '@backstage/backend-test-utils';
import { NodePoolInfo } from '@karpenter-backstage/plugin-karpenter-common';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import { DefaultClusterCache } from '../ClusterCache';
import { DefaultClusterRegistry } from '../ClusterRegistry';
import { SummaryService } from './SummaryService';
import { nodePoolInfo } from './toInfo';

// every derivation of a NodePool's info, counted (the real function runs)
jest.mock('./toInfo', () => {
  const actual = jest.requireActual('./toInfo');
  return { ...actual, nodePoolInfo: jest.fn(actual.nodePoolInfo) };
});

jest.setTimeout(60_000);

async function until<T>(what: string, probe: () => Promise<T | undefined>) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

/**
 * The cluster model is kept per NodePool (issue 22): what a request derives is rebuilt only for
 * the NodePools whose objects changed, against the simulator's API server and the real watch
 * caches.
 */
describe('SummaryService: the model per NodePool', () => {
  let sim: Simulator;
  let cache: DefaultClusterCache;
  let summaries: SummaryService;
  // a fixed clock: no NodePool is re-derived for its age during a test
  const now = Date.parse('2026-12-04T12:00:00Z');

  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 200 });
    await sim.start();
    const registry = new DefaultClusterRegistry([
      {
        name: 'demo',
        url: sim.clusters.find(c => c.name === 'demo')!.url,
        authProvider: 'none',
        skipTLSVerify: true,
        requestTimeoutMs: 5000,
        aws: {},
      },
    ]);
    cache = new DefaultClusterCache(registry, mockServices.logger.mock());
    summaries = new SummaryService({ registry, cache, now: () => now });
  });
  afterEach(async () => {
    cache.stop();
    await sim.stop();
  });

  const pools = async (pods = false) => {
    const { model, snapshot } = await summaries.model('demo', pods);
    return {
      snapshot,
      byName: new Map<string, NodePoolInfo>(
        model.allNodePools().map(p => [p.name, p]),
      ),
    };
  };

  it("re-derives only the NodePool whose NodeClaim changed: the other NodePools' cached health objects stay the same objects", async () => {
    const before = await pools();
    expect(before.byName.size).toBeGreaterThan(2);
    // Drifted on one NodeClaim of `general` (the simulator's Karpenter sets the condition)
    sim.runStep({
      at: 0,
      action: 'drift',
      cluster: 'demo',
      nodePool: 'general',
      count: 1,
    });
    const after = await until('the drift in the cache', async () => {
      const next = await pools();
      return next.byName.get('general') !== before.byName.get('general')
        ? next
        : undefined;
    });
    expect(after.byName.get('general')!.nodeClaimsByState.drifted).toBe(1);
    for (const [name, info] of before.byName) {
      if (name === 'general') continue;
      expect(after.byName.get(name)).toBe(info);
      expect(after.byName.get(name)!.health).toBe(info.health);
    }
  });

  it('never re-derives a NodePool for a pod change, and card (pods) and tab (no pods) requests share one model', async () => {
    const before = await pools(true);
    // pods without requests: the simulated kube-scheduler holds them, Karpenter launches nothing
    sim.runStep({
      at: 0,
      action: 'addPods',
      cluster: 'demo',
      nodePool: 'general',
      count: 3,
      requests: 'none',
    });
    const after = await until('the pods in the cache', async () => {
      const next = await pools(true);
      return next.snapshot.generations.pods !== before.snapshot.generations.pods
        ? next
        : undefined;
    });
    expect(after.snapshot.generations.nodeClaims).toBe(
      before.snapshot.generations.nodeClaims,
    );
    const tab = await pools(false);
    for (const [name, info] of before.byName) {
      expect(after.byName.get(name)).toBe(info);
      expect(tab.byName.get(name)).toBe(info);
    }
  });

  it('derives only the NodePools a request reads, each once', async () => {
    const derive = nodePoolInfo as jest.MockedFunction<typeof nodePoolInfo>;
    derive.mockClear();
    const { model } = await summaries.model('demo');
    const general = model.nodePool('general');
    expect(derive).toHaveBeenCalledTimes(1);
    const { model: later } = await summaries.model('demo');
    expect(later.nodePools(['general', 'no-such-pool'])).toEqual([general]);
    expect(later.hasNodePool('no-such-pool')).toBe(false);
    expect(derive).toHaveBeenCalledTimes(1);
    const all = later.allNodePools();
    expect(derive).toHaveBeenCalledTimes(all.length);
    expect(all).toContain(general);
  });
});
