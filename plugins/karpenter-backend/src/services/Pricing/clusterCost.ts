import {
  ConsolidatedNode,
  ConsolidationSavings,
  consolidationSavings,
  Cost,
  CostedNode,
  nodesCost,
  PriceBook,
} from '@karpenter-backstage/plugin-karpenter-common';
import { CostSettings } from '../../config';
import { CachedNodeClaim } from '../ClusterCache';
import { ClusterConfig } from '../ClusterRegistry';
import { clusterRegion } from './demands';
import { PricingService } from './types';

/** Prices a cluster's NodeClaims. @internal */
export type ClusterCostFunction = (nodes: Iterable<CostedNode>) => Cost;

/** Estimates what consolidating NodeClaims of a cluster saved. @internal */
export type ClusterSavingsFunction = (
  nodes: Iterable<ConsolidatedNode>,
) => ConsolidationSavings;

/** What the cost of a cluster is computed from. @internal */
export interface ClusterCostSource {
  /** Changes when prices change (part of the key of derived caches). */
  readonly version: number;
  costFunction(
    config: ClusterConfig,
    claims: readonly CachedNodeClaim[],
    nowMs: number,
  ): ClusterCostFunction;
  /** The same prices and discount, for what consolidation saved. */
  savingsFunction(
    config: ClusterConfig,
    claims: readonly CachedNodeClaim[],
  ): ClusterSavingsFunction;
}

const noRegion = (cluster: string): PriceBook => ({
  onDemand: () => undefined,
  spot: () => undefined,
  unavailable: {
    code: 'PRICES_NOT_LOADED',
    message: `The AWS region of ${cluster} is not known: set karpenter.clusters[].aws.region`,
  },
});

/**
 * The {@link ClusterCostSource} of the backend: the prices of the cluster's region (its
 * `aws.region`, queue URL or NodeClaim zones), its discount (`cost.discount`, else
 * `karpenter.cost.discount`) and the reserved price factor.
 *
 * @internal
 */
export function pricingCostSource(
  pricing: PricingService,
  settings: CostSettings,
): ClusterCostSource {
  const bookOf = (
    config: ClusterConfig,
    claims: readonly CachedNodeClaim[],
  ) => {
    const region = clusterRegion(config, claims);
    return region ? pricing.bookFor(region) : noRegion(config.name);
  };
  const pricesOf = (config: ClusterConfig) => ({
    discount: config.cost?.discount ?? settings.discount,
    reservedPriceFactor: settings.reservedPriceFactor,
  });
  return {
    get version() {
      return pricing.version;
    },
    costFunction(config, claims, nowMs) {
      const book = bookOf(config, claims);
      const options = {
        ...pricesOf(config),
        staleAfterMs: settings.staleAfterMs,
        nowMs,
      };
      return nodes => nodesCost(nodes, book, options);
    },
    savingsFunction(config, claims) {
      const book = bookOf(config, claims);
      const options = pricesOf(config);
      return nodes => consolidationSavings(nodes, book, options);
    },
  };
}
