import type { KarpenterApiSchemas } from '../schema';

/** What running nodes cost per hour (USD), see the `Cost` schema. @public */
export type Cost = KarpenterApiSchemas['Cost'];

/** The running nodes of one instance type and capacity type, and their price. @public */
export type CostItem = KarpenterApiSchemas['CostItem'];

/** Why no price is known. @public */
export type CostUnavailable = KarpenterApiSchemas['CostUnavailable'];

/**
 * The prices of one region, as fetched from AWS: on-demand per instance type (Price List API),
 * spot per availability zone and instance type (EC2 `DescribeSpotPriceHistory`), USD per hour.
 *
 * @public
 */
export interface PriceBook {
  onDemand(instanceType: string): PricePoint | undefined;
  spot(instanceType: string, zone: string): PricePoint | undefined;
  /**
   * Why a price may be missing: nothing fetched yet, or the last refresh failed (the prices the
   * book has are still good to use).
   */
  unavailable?: CostUnavailable;
}

/** A price and when it was fetched. @public */
export interface PricePoint {
  /** USD per hour. */
  usdPerHour: number;
  /** When it was fetched from AWS (ms since the epoch). */
  fetchedAt: number;
}

/**
 * How list prices become what a cluster pays.
 *
 * @public
 */
export interface CostOptions {
  /**
   * Multiplier on every price (an enterprise discount: 0.85 = 15 % off); default 1.
   */
  discount?: number;
  /**
   * The price of `reserved` capacity (capacity reservations) as a multiple of the on-demand
   * price; default 1 (an on-demand capacity reservation is billed at the on-demand rate).
   */
  reservedPriceFactor?: number;
  /** Prices fetched longer ago than this are marked stale (default 24 h). */
  staleAfterMs?: number;
  /** Now, for the staleness (ms since the epoch). */
  nowMs: number;
}

/** The fields of a NodeClaim the cost model reads (a `NodeClaimInfo` has them). @public */
export interface CostedNode {
  state: KarpenterApiSchemas['NodeClaimState'];
  instanceType?: string;
  capacityType?: string;
  zone?: string;
}

/** What consolidation in a range took off the hourly cost, see the `ConsolidationSavings` schema. @public */
export type ConsolidationSavings = KarpenterApiSchemas['ConsolidationSavings'];

/** A NodeClaim Karpenter consolidated, as the savings estimate reads it. @public */
export interface ConsolidatedNode {
  /** Its instance type (label `node.kubernetes.io/instance-type`), if known. */
  instanceType?: string;
  /** Its capacity type (`spot`, `on-demand`, `reserved`), if known. */
  capacityType?: string;
  /** Its availability zone (what a spot price is per), if known. */
  zone?: string;
  /**
   * Its share of Karpenter's estimate, from the `ConsolidationCandidate` event of the command
   * that removed it (USD per hour at Karpenter's prices); absent when Karpenter recorded none.
   */
  karpenterSavings?: number;
}
