import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { NotFoundError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { createEksToken } from './eksToken';
import { ClusterConfig, ClusterRegistry } from './types';

/**
 * An EKS token is a presigned STS GetCallerIdentity URL that the cluster accepts for 15 minutes
 * after signing; `aws eks get-token` and aws-iam-authenticator report its expirationTimestamp as
 * 14 minutes after issue (kubernetes-sigs/aws-iam-authenticator pkg/token/token.go:
 * `presignedURLExpiration = 15 * time.Minute`, `expirationTimestamp = now + 14 minutes`).
 */
export const EKS_TOKEN_LIFETIME_MS = 14 * 60_000;
/** A token is renewed this long before its expiry, so no request goes out with one about to lapse. */
export const EKS_TOKEN_RENEW_BEFORE_MS = 60_000;
const RENEWAL_SHARED_MS = 1_000;

/** {@link ClusterRegistry} over the configured clusters. @internal */
export class DefaultClusterRegistry implements ClusterRegistry {
  private readonly byName: Map<string, ClusterConfig>;
  private readonly tokens = new Map<
    string,
    { issuedAt: number; minted: Promise<{ token: string; expiresAt: number }> }
  >();
  private readonly now: () => number;

  constructor(
    clusters: ClusterConfig[],
    private readonly awsCredentials?: AwsCredentialsManager,
    options: { now?: () => number } = {},
  ) {
    this.byName = new Map(clusters.map(c => [c.name, c]));
    this.now = options.now ?? Date.now;
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

  async kubeConfig(
    name: string,
    options: { renew?: boolean } = {},
  ): Promise<KubeConfig> {
    const c = this.get(name);
    if (c.authProvider === 'kubeconfig') return kubeconfigFor(c);
    const kc = new KubeConfig();
    let token: string | undefined;
    if (c.authProvider === 'aws') token = await this.eksToken(c, options.renew);
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

  /**
   * The cluster's EKS token, cached per cluster and renewed ahead of its expiry (or at once with
   * `renew`, after the API server answered 401). Concurrent callers share one signing.
   */
  private async eksToken(c: ClusterConfig, renew = false): Promise<string> {
    const cached = this.tokens.get(c.name);
    // the watches of one cluster that got a 401 together share the token renewed for the first
    const shared = cached && this.now() - cached.issuedAt < RENEWAL_SHARED_MS;
    if (cached && (!renew || shared)) {
      const held = await cached.minted.catch(() => undefined);
      if (
        held &&
        (shared || this.now() < held.expiresAt - EKS_TOKEN_RENEW_BEFORE_MS)
      )
        return held.token;
    }
    const entry = { issuedAt: this.now(), minted: this.mintEksToken(c) };
    this.tokens.set(c.name, entry);
    entry.minted.catch(() => {
      if (this.tokens.get(c.name) === entry) this.tokens.delete(c.name);
    });
    return (await entry.minted).token;
  }

  private async mintEksToken(
    c: ClusterConfig,
  ): Promise<{ token: string; expiresAt: number }> {
    const issuedAt = this.now();
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
    return { token, expiresAt: issuedAt + EKS_TOKEN_LIFETIME_MS };
  }
}

/**
 * `kubeconfig` (local development): the user, CA and TLS settings of the local kubeconfig's
 * context, but always the configured `url` as the server (the one URL the config shows).
 */
function kubeconfigFor(c: ClusterConfig): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromDefault();
  if (c.kubeconfigContext) kc.setCurrentContext(c.kubeconfigContext);
  const context = kc.getContextObject(kc.getCurrentContext());
  const current = kc.getCurrentCluster();
  const user = kc.getCurrentUser();
  const out = new KubeConfig();
  out.loadFromOptions({
    clusters: [
      {
        name: c.name,
        server: c.url,
        caData: c.caData ?? current?.caData,
        caFile: c.caData ? undefined : current?.caFile,
        skipTLSVerify:
          c.skipTLSVerify ||
          (current?.skipTLSVerify ?? false) ||
          c.url.startsWith('http://'),
      },
    ],
    users: user ? [user] : [{ name: 'backstage' }],
    contexts: [
      {
        name: c.name,
        cluster: c.name,
        user: user?.name ?? 'backstage',
        namespace: context?.namespace,
      },
    ],
    currentContext: c.name,
  });
  return out;
}
