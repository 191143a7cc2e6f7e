import { SQSClient } from '@aws-sdk/client-sqs';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { QueueTarget } from './types';

/**
 * An SQS client for a cluster's queue: credentials from `@backstage/integration-aws-node` (the
 * `aws` app-config section), optionally assuming the cluster's role; region and endpoint from the
 * cluster's config.
 *
 * @internal
 */
export async function createSqsClient(
  target: QueueTarget,
  credentialsManager: AwsCredentialsManager,
  requestTimeoutMs: number,
): Promise<SQSClient> {
  const { sdkCredentialProvider } =
    await credentialsManager.getCredentialProvider(
      target.roleArn ? { arn: target.roleArn } : {},
    );
  const credentials = target.roleArn
    ? fromTemporaryCredentials({
        masterCredentials: sdkCredentialProvider,
        params: {
          RoleArn: target.roleArn,
          ExternalId: target.externalId,
          RoleSessionName: 'backstage-karpenter',
        },
        clientConfig: { region: target.region },
      })
    : sdkCredentialProvider;
  return new SQSClient({
    region: target.region ?? regionFromQueueUrl(target.queue) ?? 'us-east-1',
    endpoint: target.endpoint,
    credentials,
    maxAttempts: 1,
    requestHandler: { requestTimeout: requestTimeoutMs },
  });
}

/** `https://sqs.eu-west-1.amazonaws.com/123/name` → `eu-west-1`. @internal */
export function regionFromQueueUrl(
  queue: string | undefined,
): string | undefined {
  return queue?.match(/^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\//)?.[1];
}
