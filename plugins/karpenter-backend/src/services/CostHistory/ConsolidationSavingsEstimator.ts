import {
  ConsolidationSavings,
  parseConsolidationCandidate,
} from '@karpenter-backstage/plugin-karpenter-common';
import { InterruptionQuery, InterruptionStore } from '../../database';
import { ClusterCache } from '../ClusterCache';
import { ClusterRegistry } from '../ClusterRegistry';
import {
  ClusterCostSource,
  ClusterSavingsFunction,
  clusterRegion,
} from '../Pricing';

/** The savings function (prices and discount) of a cluster. @internal */
export type SavingsPricing = (
  cluster: string,
) => Promise<ClusterSavingsFunction>;

/**
 * The {@link SavingsPricing} of the backend: the cluster's prices by its configured region (its
 * `aws.region` or queue URL), else by its NodeClaims' region from the cache — read only then,
 * so a cluster that cannot be read does not hold up the answer when its region is configured
 * (and is left unpriced when it is not).
 *
 * @internal
 */
export function clusterSavingsPricing(options: {
  cost: ClusterCostSource;
  registry: Pick<ClusterRegistry, 'get'>;
  cache: Pick<ClusterCache, 'snapshot'>;
}): SavingsPricing {
  return async cluster => {
    const config = options.registry.get(cluster);
    const claims = clusterRegion(config, [])
      ? []
      : await options.cache
          .snapshot(cluster)
          .then(s => s.nodeClaims)
          .catch(() => []);
    return options.cost.savingsFunction(config, claims);
  };
}

/**
 * What consolidation saved in a range: the NodeClaims the recorder saw Karpenter consolidate
 * (from the interruption history), each with Karpenter's estimate from its
 * `ConsolidationCandidate` event when it was replaced, else priced at the cluster's prices (a
 * deletion); see `consolidationSavings` in the common package.
 *
 * @internal
 */
export class ConsolidationSavingsEstimator {
  constructor(
    private readonly options: {
      store: Pick<InterruptionStore, 'listConsolidations'>;
      pricing: SavingsPricing;
    },
  ) {}

  async estimate(query: InterruptionQuery): Promise<ConsolidationSavings> {
    const [records, savingsOf] = await Promise.all([
      this.options.store.listConsolidations(query),
      this.options.pricing(query.cluster),
    ]);
    return savingsOf(
      records.map(r => ({
        instanceType: r.instanceType,
        capacityType: r.capacityType,
        zone: r.zone,
        karpenterSavings:
          r.candidateMessage === undefined
            ? undefined
            : parseConsolidationCandidate(r.candidateMessage)?.savings,
      })),
    );
  }
}
