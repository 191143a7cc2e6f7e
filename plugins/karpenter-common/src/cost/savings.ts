import { nodeHourlyPrice } from './model';
import {
  ConsolidatedNode,
  ConsolidationSavings,
  CostOptions,
  PriceBook,
} from './types';

/**
 * What consolidating these NodeClaims took off the hourly cost, in the money of the cost
 * figures (times the discount):
 * - a NodeClaim with Karpenter's own estimate (its `ConsolidationCandidate` event, recorded for
 *   replacements): that estimate — what its price was minus what the replacement costs;
 * - one without: a deletion (Karpenter records no candidate for those), so its whole price;
 * - one without an estimate and without a known price: counted in `unestimated`, never as $0.
 *
 * @public
 */
export function consolidationSavings(
  nodes: Iterable<ConsolidatedNode>,
  prices: PriceBook,
  options: Omit<CostOptions, 'nowMs' | 'staleAfterMs'> = {},
): ConsolidationSavings {
  const discount = options.discount ?? 1;
  const savings: ConsolidationSavings = {
    hourly: 0,
    currency: 'USD',
    consolidated: 0,
    fromKarpenter: 0,
    fromPrices: 0,
    unestimated: 0,
  };
  for (const node of nodes) {
    savings.consolidated++;
    if (node.karpenterSavings !== undefined) {
      savings.hourly += node.karpenterSavings * discount;
      savings.fromKarpenter++;
      continue;
    }
    const price = nodeHourlyPrice(
      { ...node, state: 'terminating' },
      prices,
      options,
    );
    if (price) {
      savings.hourly += price.hourly;
      savings.fromPrices++;
    } else savings.unestimated++;
  }
  return savings;
}
