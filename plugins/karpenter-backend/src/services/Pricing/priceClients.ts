import { EC2Client } from '@aws-sdk/client-ec2';
import { PricingClient } from '@aws-sdk/client-pricing';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { karpenterAwsCredentials } from '@karpenter-backstage/plugin-karpenter-node';
import { pricingApiRegion } from './regions';
import { PriceClientFactory } from './types';

/**
 * The default {@link PriceClientFactory}: credentials from `@backstage/integration-aws-node`
 * (the `aws` app-config section), assuming the cluster's `aws.roleArn` when set; the Price List
 * API in the endpoint region for the cluster's region, EC2 in the cluster's region; endpoints
 * overridden by `aws.pricingEndpoint` / `aws.ec2Endpoint`. Three attempts per call (the SDK's
 * standard retries, with backoff on throttling): the refresh runs in the background.
 *
 * @internal
 */
export function defaultPriceClients(
  credentialsManager: AwsCredentialsManager,
  requestTimeoutMs = 10_000,
): PriceClientFactory {
  return async demand => {
    const credentials = await karpenterAwsCredentials(credentialsManager, {
      roleArn: demand.roleArn,
      externalId: demand.externalId,
      region: demand.region,
    });
    const common = {
      credentials,
      maxAttempts: 3,
      requestHandler: { requestTimeout: requestTimeoutMs },
    };
    return {
      pricing: new PricingClient({
        ...common,
        region: pricingApiRegion(demand.region),
        endpoint: demand.pricingEndpoint,
      }),
      ec2: new EC2Client({
        ...common,
        region: demand.region,
        endpoint: demand.ec2Endpoint,
      }),
    };
  };
}
