import { Scenario, Simulator } from '@karpenter-backstage/karpenter-simulator';
import type {
  ConsolidationSavings,
  InterruptionHistoryResponse,
} from '@karpenter-backstage/plugin-karpenter-common';
import { pricedSummary, startCostBackend } from '../__testUtils__/costBackend';
import { until } from '../__testUtils__/interruptionsBackend';
import { startKarpenterBackend } from '../__testUtils__/testBackend';

jest.setTimeout(90_000);

const REGION = 'eu-west-1';

/** `batch` can be replaced by a smaller on-demand node, `general`'s spot nodes are deleted. */
const SCENARIO: Scenario = {
  name: 'consolidation-savings',
  seed: 5,
  clusters: [
    {
      name: 'demo',
      queueName: 'karpenter-demo',
      region: REGION,
      nodeClasses: [{ name: 'default' }],
      nodePools: [
        {
          name: 'batch',
          capacityTypes: ['on-demand'],
          instanceTypes: ['m5.2xlarge', 'm5.xlarge', 'm5.large'],
          nodes: [{ count: 2, instanceType: 'm5.2xlarge', zone: 'eu-west-1a' }],
          consolidateAfter: '1m',
        },
        {
          name: 'general',
          capacityTypes: ['spot'],
          instanceTypes: ['m5.large'],
          nodes: 3,
          consolidateAfter: '1m',
        },
      ],
    },
  ],
};

const labelsOf = (sim: Simulator, claim: string): Record<string, string> =>
  sim.cluster('demo').get('NodeClaim', claim).metadata.labels;

/**
 * What consolidation saved, end to end: the simulator publishes Karpenter's events
 * (kubernetes-sigs/karpenter pkg/controllers/disruption: ConsolidationCandidate for a replacement,
 * none for a deletion, DisruptionTerminating after the delete), the recorder stores them, and the
 * cost route prices them with the prices fetched through the AWS SDK.
 */
describe("what consolidation saved (GET /v1/clusters/{cluster}/cost 'consolidation')", () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await new Simulator({ scenario: SCENARIO }).start();
  });
  afterEach(() => sim.stop());

  it("takes Karpenter's estimate for a replacement and the node's price for a deletion, times the discount; the candidate is information, never a disruption", async () => {
    const discount = 0.8;
    const { backend, get } = await startCostBackend(sim, {
      config: { cost: { discount } },
    });
    try {
      // prices fetched, the cluster watched
      await pricedSummary(get);
      const runtime = sim.runtime('demo');
      const deleted = runtime.consolidate('general', 'delete')!;
      const deletedLabels = labelsOf(sim, deleted);
      const replaced = runtime.consolidate('batch', 'replace')!;
      expect(deleted && replaced).toBeTruthy();
      // the candidate is terminated once its replacement is initialized
      await sim.advance(46_000);

      // Karpenter's figure is %.2f of its own prices (events.go)
      const karpenter = Number(
        (
          sim.prices.onDemand(REGION, 'm5.2xlarge')! -
          sim.prices.onDemand(REGION, 'm5.xlarge')!
        ).toFixed(2),
      );
      const deletedPrice = sim.prices.spot(
        deletedLabels['topology.kubernetes.io/zone'],
        deletedLabels['node.kubernetes.io/instance-type'],
      )!;
      const range = `from=${new Date(
        Date.now() - 3_600_000,
      ).toISOString()}&to=${new Date(sim.now() + 60_000).toISOString()}`;
      const savings: ConsolidationSavings = await until(
        'both consolidations recorded',
        async () => {
          const { body } = await get(`/v1/clusters/demo/cost?${range}`);
          return body.consolidation?.consolidated === 2
            ? body.consolidation
            : undefined;
        },
        60_000,
      );
      expect(savings).toMatchObject({
        currency: 'USD',
        consolidated: 2,
        fromKarpenter: 1,
        fromPrices: 1,
        unestimated: 0,
      });
      expect(savings.hourly).toBeCloseTo(
        (karpenter + deletedPrice) * discount,
        9,
      );

      // one NodePool: only its consolidation
      const batch = (
        await get(`/v1/clusters/demo/cost?${range}&nodePool=batch`)
      ).body.consolidation as ConsolidationSavings;
      expect(batch).toMatchObject({ consolidated: 1, fromKarpenter: 1 });
      expect(batch.hourly).toBeCloseTo(karpenter * discount, 9);

      // the interruption numbers: two NodeClaims disrupted, nothing interrupted; the candidate
      // is counted under its reason only
      const history = (await get(`/v1/clusters/demo/interruptions?${range}`))
        .body as InterruptionHistoryResponse;
      expect(history.totals.nodeClaims).toEqual({
        interrupted: 0,
        rebalanceRecommended: 0,
        disrupted: 2,
      });
      expect(history.totals.byReason.ConsolidationCandidate).toBe(1);
      expect(history.totals.disruptionsByReason).toEqual({ Underutilized: 2 });
    } finally {
      await backend.stop();
    }
  });

  it('answers no consolidation when cost is off (the route is 503)', async () => {
    const { backend, get } = await startKarpenterBackend(sim, {
      config: { cost: { enabled: false } },
    });
    try {
      const res = await get('/v1/clusters/demo/cost');
      expect(res.status).toBe(503);
    } finally {
      await backend.stop();
    }
  });
});
