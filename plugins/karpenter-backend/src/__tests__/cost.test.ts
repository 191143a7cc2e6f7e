import { Scenario, Simulator } from '@karpenter-backstage/karpenter-simulator';
import {
  pricedSummary,
  startCostBackend as startKarpenterBackend,
} from '../__testUtils__/costBackend';
import { until } from '../__testUtils__/interruptionsBackend';

jest.setTimeout(90_000);

const REGION = 'eu-west-1';

/** Spot and on-demand pools, and one running a type AWS has no price for. */
const SCENARIO: Scenario = {
  name: 'cost',
  seed: 11,
  pricing: { unpriced: ['g5.xlarge'] },
  clusters: [
    {
      name: 'demo',
      queueName: 'karpenter-demo',
      region: REGION,
      nodeClasses: [{ name: 'default' }],
      nodePools: [
        {
          name: 'general',
          nodeClass: 'default',
          capacityTypes: ['spot', 'on-demand'],
          instanceTypes: ['m5.large', 'm5.xlarge', 'c5.xlarge'],
          nodes: { spot: 6, 'on-demand': 3 },
        },
        {
          name: 'critical',
          nodeClass: 'default',
          capacityTypes: ['on-demand'],
          instanceTypes: ['m6i.2xlarge'],
          nodes: { 'on-demand': 2 },
        },
        {
          name: 'gpu',
          nodeClass: 'default',
          capacityTypes: ['on-demand'],
          instanceTypes: ['g5.xlarge'],
          nodes: { 'on-demand': 2 },
        },
      ],
    },
  ],
};

interface SimNodeClaim {
  metadata: {
    labels: Record<string, string>;
    deletionTimestamp?: string;
  };
  status?: { providerID?: string };
}

/**
 * The cost of a NodePool computed from the simulator's own objects and price table, without the
 * plugin's model: every NodeClaim that has an instance (a providerID), at the table's on-demand
 * price of its region or spot price of its zone.
 */
function expectedCost(sim: Simulator, pool: string, discount = 1) {
  let hourly = 0;
  let onDemand = 0;
  let priced = 0;
  let unpriced = 0;
  for (const claim of sim.cluster('demo').list('NodeClaim') as SimNodeClaim[]) {
    const labels = claim.metadata.labels;
    if (labels['karpenter.sh/nodepool'] !== pool || !claim.status?.providerID)
      continue;
    const type = labels['node.kubernetes.io/instance-type'];
    const od = sim.prices.onDemand(REGION, type);
    const own =
      labels['karpenter.sh/capacity-type'] === 'spot'
        ? sim.prices.spot(labels['topology.kubernetes.io/zone'], type)
        : od;
    if (own === undefined || od === undefined) {
      unpriced += 1;
      continue;
    }
    priced += 1;
    hourly += own * discount;
    onDemand += od * discount;
  }
  return { hourly, onDemand, priced, unpriced };
}

describe('cost per NodePool and entity, prices from the simulator through the AWS SDK', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await new Simulator({ scenario: SCENARIO }).start();
  });
  afterEach(() => sim.stop());

  it('equals the sum over its NodeClaims of the price table; unpriced nodes are not free', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    try {
      const summary = await pricedSummary(get);
      const pools = summary.clusters[0].nodePools;
      let total = 0;
      for (const name of ['general', 'critical']) {
        const cost = pools.find(p => p.name === name)!.cost!;
        const expected = expectedCost(sim, name);
        expect(cost.hourly).toBeCloseTo(expected.hourly, 9);
        expect(cost.onDemandEquivalentHourly).toBeCloseTo(expected.onDemand, 9);
        expect(cost.pricedNodes).toBe(expected.priced);
        expect(cost.unpricedNodes).toBe(0);
        expect(cost.currency).toBe('USD');
        total += expected.hourly;
      }
      const general = pools.find(p => p.name === 'general')!.cost!;
      expect(general.spotSavings).toBeGreaterThan(0.3);
      const critical = pools.find(p => p.name === 'critical')!.cost!;
      expect(critical.spotSavings).toBe(0);

      const gpu = pools.find(p => p.name === 'gpu')!.cost!;
      expect(gpu).toMatchObject({
        hourly: 0,
        pricedNodes: 0,
        unpricedNodes: 2,
      });
      expect(summary.cost.hourly).toBeCloseTo(total, 9);
      expect(summary.cost.unpricedNodes).toBe(2);
      expect(summary.cost.pricesAsOf).toBeDefined();
      // only the running types were asked for
      const asked = sim.requests.filter(r => r.service === 'pricing').length;
      expect(asked).toBe(
        new Set(
          (sim.cluster('demo').list('NodeClaim') as SimNodeClaim[]).map(
            c => c.metadata.labels['node.kubernetes.io/instance-type'],
          ),
        ).size,
      );
    } finally {
      await backend.stop();
    }
  });

  it('applies karpenter.cost.discount, and a cluster discount over it', async () => {
    const global = await startKarpenterBackend(sim, {
      config: { cost: { discount: 0.85 } },
    });
    try {
      const summary = await pricedSummary(global.get);
      const general = summary.clusters[0].nodePools.find(
        p => p.name === 'general',
      )!;
      expect(general.cost!.hourly).toBeCloseTo(
        expectedCost(sim, 'general', 0.85).hourly,
        9,
      );
    } finally {
      await global.backend.stop();
    }
    const own = await startKarpenterBackend(sim, {
      config: { cost: { discount: 0.85 } },
      clusterOverrides: { demo: { cost: { discount: 0.5 } } },
    });
    try {
      const summary = await pricedSummary(own.get);
      const general = summary.clusters[0].nodePools.find(
        p => p.name === 'general',
      )!;
      expect(general.cost!.hourly).toBeCloseTo(
        expectedCost(sim, 'general', 0.5).hourly,
        9,
      );
    } finally {
      await own.backend.stop();
    }
  });

  it('pricing denied: the cost is unavailable with the reason, the rest of the summary is whole', async () => {
    sim.injectFault({ pricingError: 'AccessDenied', service: 'pricing' });
    const { backend, get } = await startKarpenterBackend(sim);
    try {
      const body = await until(
        'the refresh to fail',
        async () => {
          const res = await get(
            '/v1/entities/default/resource/demo-cluster/summary',
          );
          return res.body.cost?.unavailable?.code === 'PRICING_DENIED'
            ? res.body
            : undefined;
        },
        60_000,
      );
      expect(body.cost).toMatchObject({ hourly: 0, pricedNodes: 0 });
      expect(body.cost.unavailable.message).toContain('pricing:GetProducts');
      expect(body.clusters[0].health).not.toBe('unknown');
      expect(body.clusters[0].nodePools).toHaveLength(3);
    } finally {
      await backend.stop();
    }
  });

  it('karpenter.cost.enabled false: no cost in the API and no pricing call', async () => {
    const { backend, get } = await startKarpenterBackend(sim, {
      config: { cost: { enabled: false } },
    });
    try {
      const { body } = await get(
        '/v1/entities/default/resource/demo-cluster/summary',
      );
      expect(body.clusters[0].nodePools.length).toBe(3);
      await new Promise(r => setTimeout(r, 3000));
      const again = await get(
        '/v1/entities/default/resource/demo-cluster/summary',
      );
      expect(again.body.cost).toBeUndefined();
      expect(again.body.clusters[0].cost).toBeUndefined();
      expect(again.body.clusters[0].nodePools[0].cost).toBeUndefined();
      expect(
        sim.requests.filter(
          r => r.service === 'pricing' || r.service === 'ec2',
        ),
      ).toEqual([]);
    } finally {
      await backend.stop();
    }
  });
});

describe('the cost history of a cluster', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await new Simulator({ scenario: SCENARIO }).start();
  });
  afterEach(() => sim.stop());

  it('samples each NodePool (not the unpriced one) and answers per bucket', async () => {
    const { backend, get } = await startKarpenterBackend(sim, {
      config: { cost: { sampleInterval: { seconds: 1 } } },
    });
    try {
      const summary = await pricedSummary(get);
      const pools = summary.clusters[0].nodePools;
      const expected =
        pools.find(p => p.name === 'general')!.cost!.hourly +
        pools.find(p => p.name === 'critical')!.cost!.hourly;
      const history = await until(
        'a cost sample',
        async () => {
          const res = await get(
            '/v1/clusters/demo/cost?bucket=1h&nodePool=general,critical,gpu',
          );
          return res.body.points?.length ? res.body : undefined;
        },
        60_000,
      );
      expect(history.cluster).toBe('demo');
      expect(history.bucketMs).toBe(3_600_000);
      expect(history.nodePools).toEqual(['general', 'critical', 'gpu']);
      const latest = history.points[history.points.length - 1];
      // nothing runs or is disrupted in the scenario: every sample of a pool is the same
      expect(latest.hourly).toBeCloseTo(expected, 9);
      // the gpu pool is unpriced: no sample (it would be recorded as free)
      expect(latest.unpricedNodes).toBe(0);
      const gpu = await get('/v1/clusters/demo/cost?nodePool=gpu');
      expect(gpu.body.points).toEqual([]);
      const bad = await get('/v1/clusters/demo/cost?bucket=2h');
      expect(bad.status).toBe(400);
    } finally {
      await backend.stop();
    }
  });

  it('answers 503 when cost is off', async () => {
    const { backend, get } = await startKarpenterBackend(sim, {
      config: { cost: { enabled: false } },
    });
    try {
      const res = await get('/v1/clusters/demo/cost');
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain('karpenter.cost.enabled');
    } finally {
      await backend.stop();
    }
  });
});
