import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';

/**
 * AWS credentials for a cluster's calls (EKS tokens, SQS): from `@backstage/integration-aws-node`
 * (the `aws` app-config section), assuming `roleArn` (with `externalId`) when it is set.
 *
 * @public
 */
export async function karpenterAwsCredentials(
  manager: AwsCredentialsManager,
  options: { roleArn?: string; externalId?: string; region?: string },
): Promise<AwsCredentialIdentityProvider> {
  const { sdkCredentialProvider } = await manager.getCredentialProvider(
    options.roleArn ? { arn: options.roleArn } : {},
  );
  if (!options.roleArn) return sdkCredentialProvider;
  return fromTemporaryCredentials({
    masterCredentials: sdkCredentialProvider,
    params: {
      RoleArn: options.roleArn,
      ExternalId: options.externalId,
      RoleSessionName: 'backstage-karpenter',
    },
    clientConfig: { region: options.region },
  });
}
