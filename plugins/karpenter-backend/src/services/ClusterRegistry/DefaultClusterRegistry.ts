import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { NotFoundError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { createEksToken } from './eksToken';
import { ClusterConfig, ClusterRegistry } from './types';

const TOKEN_TTL_MS = 10 * 60_000;

/** {@link ClusterRegistry} over the configured clusters. @internal */
export class DefaultClusterRegistry implements ClusterRegistry {
  private readonly byName: Map<string, ClusterConfig>;
  private readonly tokens = new Map<string, { token: string; at: number }>();

  constructor(
    clusters: ClusterConfig[],
    private readonly awsCredentials?: AwsCredentialsManager,
  ) {
    this.byName = new Map(clusters.map(c => [c.name, c]));
  }

  list(): ClusterConfig[] {
    return [...this.byName.values()];
  }

  get(name: string): ClusterConfig {
    const cluster = this.byName.get(name);
    if (!cluster)
      throw new NotFoundError(`No cluster named '${name}' is configured`);
    return cluster;
  }

  async kubeConfig(name: string): Promise<KubeConfig> {
    const c = this.get(name);
    const kc = new KubeConfig();
    if (c.authProvider === 'kubeconfig') {
      kc.loadFromDefault();
      if (c.kubeconfigContext) kc.setCurrentContext(c.kubeconfigContext);
      return kc;
    }
    let token: string | undefined;
    if (c.authProvider === 'aws') token = await this.eksToken(c);
    else if (c.authProvider === 'serviceAccount') token = c.serviceAccountToken;
    kc.loadFromOptions({
      // client-node refuses plain http unless TLS verification is off; TLS does not apply there anyway
      clusters: [
        {
          name: c.name,
          server: c.url,
          caData: c.caData,
          skipTLSVerify: c.skipTLSVerify || c.url.startsWith('http://'),
        },
      ],
      users: [{ name: 'backstage', token }],
      contexts: [{ name: c.name, cluster: c.name, user: 'backstage' }],
      currentContext: c.name,
    });
    return kc;
  }

  private async eksToken(c: ClusterConfig): Promise<string> {
    const cached = this.tokens.get(c.name);
    if (cached && Date.now() - cached.at < TOKEN_TTL_MS) return cached.token;
    if (!this.awsCredentials)
      throw new Error(`No AWS credentials available for cluster ${c.name}`);
    const region =
      c.aws.region ??
      c.url.match(/\.([a-z0-9-]+)\.eks\.amazonaws\.com/)?.[1] ??
      'us-east-1';
    const { sdkCredentialProvider } =
      await this.awsCredentials.getCredentialProvider(
        c.aws.roleArn ? { arn: c.aws.roleArn } : {},
      );
    const credentials = c.aws.roleArn
      ? fromTemporaryCredentials({
          masterCredentials: sdkCredentialProvider,
          params: {
            RoleArn: c.aws.roleArn,
            ExternalId: c.aws.externalId,
            RoleSessionName: 'backstage-karpenter',
          },
          clientConfig: { region },
        })
      : sdkCredentialProvider;
    const token = await createEksToken({
      clusterName: c.aws.clusterName ?? c.name,
      region,
      credentials,
    });
    this.tokens.set(c.name, { token, at: Date.now() });
    return token;
  }
}
