import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { SQSClient } from '@aws-sdk/client-sqs';
import { Config } from '@backstage/config';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import { karpenterAwsCredentials } from './awsCredentials';

/**
 * Where a cluster's interruption queue is and how to reach it (from the cluster's
 * `interruptionQueue` and `aws` settings).
 *
 * @public
 */
export interface KarpenterQueueTarget {
  cluster: string;
  /** Queue name or URL. */
  queue?: string;
  region?: string;
  /** Role to assume for the SQS calls. */
  roleArn?: string;
  externalId?: string;
  /** Endpoint override (VPC endpoints, a proxy, the simulator). */
  endpoint?: string;
}

/**
 * Makes the SQS client the backend reads a cluster's interruption queue with. The backend only
 * calls `GetQueueUrl` and `GetQueueAttributes` on it: Karpenter consumes the queue, so nothing
 * receives or deletes a message.
 *
 * @public
 */
export interface KarpenterQueueClientFactory {
  clientFor(target: KarpenterQueueTarget): Promise<SQSClient>;
}

/** `https://sqs.eu-west-1.amazonaws.com/123/name` → `eu-west-1`. @public */
export function regionFromQueueUrl(
  queue: string | undefined,
): string | undefined {
  return queue?.match(/^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\//)?.[1];
}

/**
 * The default {@link KarpenterQueueClientFactory}: credentials from
 * `@backstage/integration-aws-node` (the `aws` app-config section), optionally assuming the
 * cluster's role; region and endpoint from the cluster's config; one attempt per call with a
 * 5-second timeout (a sample that fails is retried at the next interval).
 *
 * @public
 */
export class DefaultKarpenterQueueClientFactory
  implements KarpenterQueueClientFactory
{
  static fromConfig(config: Config): DefaultKarpenterQueueClientFactory {
    return new DefaultKarpenterQueueClientFactory(
      DefaultAwsCredentialsManager.fromConfig(config),
    );
  }

  constructor(
    private readonly credentialsManager: AwsCredentialsManager,
    private readonly requestTimeoutMs = 5_000,
  ) {}

  async clientFor(target: KarpenterQueueTarget): Promise<SQSClient> {
    const credentials = await karpenterAwsCredentials(
      this.credentialsManager,
      target,
    );
    return new SQSClient({
      region: target.region ?? regionFromQueueUrl(target.queue) ?? 'us-east-1',
      endpoint: target.endpoint,
      credentials,
      maxAttempts: 1,
      requestHandler: { requestTimeout: this.requestTimeoutMs },
    });
  }
}

/**
 * The SQS client factory of the Karpenter backend's queue monitor. Replace it with a service
 * factory of your own for this ref (`createServiceFactory` with
 * `service: karpenterQueueClientFactoryServiceRef`) to read queues through another credential
 * chain, a proxy or a VPC endpoint.
 *
 * @public
 */
export const karpenterQueueClientFactoryServiceRef =
  createServiceRef<KarpenterQueueClientFactory>({
    id: 'karpenter.queue-client-factory',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { config: coreServices.rootConfig },
        factory: ({ config }) =>
          DefaultKarpenterQueueClientFactory.fromConfig(config),
      }),
  });
