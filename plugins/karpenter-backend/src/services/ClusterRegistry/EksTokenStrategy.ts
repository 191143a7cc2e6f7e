import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  KarpenterAuthStrategy,
  KarpenterClusterDetails,
  karpenterAwsCredentials,
  KarpenterCredential,
} from '@karpenter-backstage/plugin-karpenter-node';
import { createEksToken } from './eksToken';

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

/**
 * The built-in `aws` strategy: an EKS token signed with the `aws` integration's credentials
 * (optionally assuming `aws.roleArn`), cached per cluster and renewed ahead of its expiry (or at
 * once with `renew`, after the API server answered 401). Concurrent callers share one signing.
 *
 * @internal
 */
export class EksTokenStrategy implements KarpenterAuthStrategy {
  private readonly tokens = new Map<
    string,
    { issuedAt: number; minted: Promise<{ token: string; expiresAt: number }> }
  >();

  constructor(
    private readonly awsCredentials: AwsCredentialsManager | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async getCredential(
    c: KarpenterClusterDetails,
    options: { renew: boolean },
  ): Promise<KarpenterCredential> {
    const { token, expiresAt } = await this.eksToken(c, options.renew);
    return { type: 'bearer token', token, expiresAt };
  }

  /** Drops the cached token of a cluster that was removed or changed. */
  forget(cluster: string) {
    this.tokens.delete(cluster);
  }

  private async eksToken(c: KarpenterClusterDetails, renew: boolean) {
    const cached = this.tokens.get(c.name);
    // the watches of one cluster that got a 401 together share the token renewed for the first
    const shared = cached && this.now() - cached.issuedAt < RENEWAL_SHARED_MS;
    if (cached && (!renew || shared)) {
      const held = await cached.minted.catch(() => undefined);
      if (
        held &&
        (shared || this.now() < held.expiresAt - EKS_TOKEN_RENEW_BEFORE_MS)
      )
        return held;
    }
    const entry = { issuedAt: this.now(), minted: this.mint(c) };
    this.tokens.set(c.name, entry);
    entry.minted.catch(() => {
      if (this.tokens.get(c.name) === entry) this.tokens.delete(c.name);
    });
    return entry.minted;
  }

  private async mint(
    c: KarpenterClusterDetails,
  ): Promise<{ token: string; expiresAt: number }> {
    const issuedAt = this.now();
    if (!this.awsCredentials)
      throw new Error(`No AWS credentials available for cluster ${c.name}`);
    const aws = c.aws ?? {};
    const region =
      aws.region ??
      c.url.match(/\.([a-z0-9-]+)\.eks\.amazonaws\.com/)?.[1] ??
      'us-east-1';
    const credentials = await karpenterAwsCredentials(this.awsCredentials, {
      roleArn: aws.roleArn,
      externalId: aws.externalId,
      region,
    });
    const token = await createEksToken({
      clusterName: aws.clusterName ?? c.name,
      region,
      credentials,
    });
    return { token, expiresAt: issuedAt + EKS_TOKEN_LIFETIME_MS };
  }
}

/** The built-in `serviceAccount` strategy: the configured token (none configured: anonymous). @internal */
export const serviceAccountStrategy: KarpenterAuthStrategy = {
  async getCredential(c) {
    return c.serviceAccountToken
      ? { type: 'bearer token', token: c.serviceAccountToken }
      : { type: 'anonymous' };
  },
};

/** The built-in `none` strategy (the simulator, kubectl proxy). @internal */
export const anonymousStrategy: KarpenterAuthStrategy = {
  async getCredential() {
    return { type: 'anonymous' };
  },
};
