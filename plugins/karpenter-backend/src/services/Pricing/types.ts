import type { EC2Client } from '@aws-sdk/client-ec2';
import type { PricingClient } from '@aws-sdk/client-pricing';
import type { PriceBook } from '@karpenter-backstage/plugin-karpenter-common';

/**
 * Which prices a region needs, and how to reach AWS for them: the instance types its clusters
 * run, and the AWS settings of one of its clusters (prices are the same for every account).
 *
 * @internal
 */
export interface PriceDemand {
  region: string;
  instanceTypes: string[];
  /** The clusters of the region (for logs). */
  clusters: string[];
  roleArn?: string;
  externalId?: string;
  pricingEndpoint?: string;
  ec2Endpoint?: string;
}

/** The AWS clients a region's prices are fetched with. @internal */
export interface PriceClients {
  pricing: PricingClient;
  ec2: EC2Client;
}

/** Makes the clients for a region's prices. @internal */
export type PriceClientFactory = (demand: PriceDemand) => Promise<PriceClients>;

/**
 * Prices per region for the cost model, from the plugin database (refreshed by the scheduled
 * task on one instance; every instance reloads them).
 *
 * @internal
 */
export interface PricingService {
  /** The prices of a region (a book with `unavailable` when there are none). */
  bookFor(region: string): PriceBook;
  /** Changes whenever the loaded prices change (a key for derived caches). */
  readonly version: number;
  /** Reads the stored prices into memory. */
  load(): Promise<void>;
  /** Fetches what is due or missing from AWS, stores it, and reloads. */
  refresh(demands: PriceDemand[], signal?: AbortSignal): Promise<void>;
}
