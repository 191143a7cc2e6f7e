import {
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

/** What the cost of a cluster is computed from. @internal */
export interface ClusterCostSource {
  /** Changes when prices change (part of the key of derived caches). */
  readonly version: number;
  costFunction(
    config: ClusterConfig,
    claims: readonly CachedNodeClaim[],
    nowMs: number,
  ): ClusterCostFunction;
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
  return {
    get version() {
      return pricing.version;
    },
    costFunction(config, claims, nowMs) {
      const region = clusterRegion(config, claims);
      const book = region ? pricing.bookFor(region) : noRegion(config.name);
      const options = {
        discount: config.cost?.discount ?? settings.discount,
        reservedPriceFactor: settings.reservedPriceFactor,
        staleAfterMs: settings.staleAfterMs,
        nowMs,
      };
      return nodes => nodesCost(nodes, book, options);
    },
  };
}
