import {
  ConsolidationSavings,
  parseConsolidationCandidate,
} from '@karpenter-backstage/plugin-karpenter-common';
import { InterruptionQuery, InterruptionStore } from '../../database';
import { ClusterSavingsFunction } from '../Pricing';

/** The savings function (prices and discount) of a cluster. @internal */
export type SavingsPricing = (
  cluster: string,
) => Promise<ClusterSavingsFunction>;

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
