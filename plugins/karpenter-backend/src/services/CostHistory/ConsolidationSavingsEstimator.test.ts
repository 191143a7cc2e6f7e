import { ConsolidatedRecord } from '../../database';
import { ClusterSnapshot } from '../ClusterCache';
import { ClusterConfig } from '../ClusterRegistry';
import { ClusterCostSource } from '../Pricing';
import {
  ConsolidationSavingsEstimator,
  clusterSavingsPricing,
} from './ConsolidationSavingsEstimator';

const config = (aws: ClusterConfig['aws']): ClusterConfig => ({
  name: 'demo',
  url: 'https://127.0.0.1:6443',
  authProvider: 'serviceAccount',
  skipTLSVerify: true,
  requestTimeoutMs: 1000,
  aws,
});

/** A cost source that records the NodeClaims it was given and prices every node at $1/h. */
function costSource() {
  const seen: number[] = [];
  const source = {
    version: 1,
    costFunction: () => () => {
      throw new Error('not used');
    },
    savingsFunction: (_config, claims) => {
      seen.push(claims.length);
      return nodes => {
        let hourly = 0;
        let consolidated = 0;
        for (const n of nodes) {
          consolidated++;
          hourly += n.karpenterSavings ?? 1;
        }
        return {
          hourly,
          currency: 'USD',
          consolidated,
          fromKarpenter: 0,
          fromPrices: 0,
          unestimated: 0,
        };
      };
    },
  } satisfies ClusterCostSource;
  return { source, seen };
}

const snapshot = { nodeClaims: [{}, {}] } as unknown as ClusterSnapshot;

describe('clusterSavingsPricing', () => {
  it('reads no NodeClaims when the region is configured (a down cluster does not hold the answer up)', async () => {
    const { source, seen } = costSource();
    const reads: string[] = [];
    const pricing = clusterSavingsPricing({
      cost: source,
      registry: { get: () => config({ region: 'eu-west-1' }) },
      cache: {
        snapshot: async cluster => {
          reads.push(cluster);
          return snapshot;
        },
      },
    });
    await pricing('demo');
    expect(reads).toEqual([]);
    expect(seen).toEqual([0]);
  });

  it("reads the NodeClaims' region without a configured one, and prices without them when the cluster cannot be read", async () => {
    const { source, seen } = costSource();
    let down = false;
    const pricing = clusterSavingsPricing({
      cost: source,
      registry: { get: () => config({}) },
      cache: {
        snapshot: async () => {
          if (down) throw new Error('connect ECONNREFUSED');
          return snapshot;
        },
      },
    });
    await pricing('demo');
    down = true;
    await pricing('demo');
    expect(seen).toEqual([2, 0]);
  });
});

describe('ConsolidationSavingsEstimator', () => {
  it("gives each consolidated NodeClaim Karpenter's figure from its candidate message, none without", async () => {
    const { source } = costSource();
    const records: ConsolidatedRecord[] = [
      {
        subject: 'a',
        terminatedAtMs: 1,
        candidateMessage:
          'Consolidation candidate: replace: [n] (part of 2-node consolidation) (savings: $0.50)',
      },
      { subject: 'b', terminatedAtMs: 2 },
      { subject: 'c', terminatedAtMs: 3, candidateMessage: 'not a candidate' },
    ];
    const estimator = new ConsolidationSavingsEstimator({
      store: { listConsolidations: async () => records },
      pricing: async () =>
        source.savingsFunction(config({ region: 'eu-west-1' }), []),
    });
    const savings = await estimator.estimate({
      cluster: 'demo',
      fromMs: 0,
      toMs: 10,
    });
    // 0.25 (half of the 2-node command) + 1 + 1 (no figure: priced by the source)
    expect(savings.hourly).toBeCloseTo(2.25, 9);
    expect(savings.consolidated).toBe(3);
  });
});
