import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { NotFoundError } from '@backstage/errors';
import { KubeConfig, User } from '@kubernetes/client-node';
import {
  KarpenterAuthStrategy,
  KarpenterCredential,
} from '@karpenter-backstage/plugin-karpenter-node';
import { toClusterDetails } from './details';
import {
  anonymousStrategy,
  EksTokenStrategy,
  serviceAccountStrategy,
} from './EksTokenStrategy';
import { ClusterConfig, ClusterRegistry } from './types';
import { validateClusters } from './validateClusters';

export {
  EKS_TOKEN_LIFETIME_MS,
  EKS_TOKEN_RENEW_BEFORE_MS,
} from './EksTokenStrategy';

/** @internal */
export interface DefaultClusterRegistryOptions {
  now?: () => number;
  /**
   * Auth strategies by `authProvider`, from modules; `serviceAccount`, `aws` and `none` replace
   * the built-ins (`kubeconfig` is not a strategy: it yields the kubeconfig's user as is).
   */
  strategies?: ReadonlyMap<string, KarpenterAuthStrategy>;
}

/**
 * {@link ClusterRegistry} over the configured and supplied clusters; every cluster's
 * `authProvider` must have a strategy (checked here, at start-up and on each `replaceClusters`).
 *
 * @internal
 */
export class DefaultClusterRegistry implements ClusterRegistry {
  private byName: Map<string, ClusterConfig>;
  private readonly eks: EksTokenStrategy;
  private readonly strategies: ReadonlyMap<string, KarpenterAuthStrategy>;

  constructor(
    clusters: ClusterConfig[],
    awsCredentials?: AwsCredentialsManager,
    options: DefaultClusterRegistryOptions = {},
  ) {
    this.eks = new EksTokenStrategy(awsCredentials, options.now ?? Date.now);
    this.strategies = new Map<string, KarpenterAuthStrategy>([
      ['serviceAccount', serviceAccountStrategy],
      ['aws', this.eks],
      ['none', anonymousStrategy],
      ...(options.strategies ?? new Map()),
    ]);
    validateClusters(clusters, this.strategies);
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

  /**
   * Replaces the clusters (a supplier's refresh): validated like at start-up (throws and keeps
   * the current ones when invalid); the cached tokens of removed or changed clusters are dropped.
   * Returns the names added and removed.
   */
  replaceClusters(clusters: ClusterConfig[]): {
    added: string[];
    removed: string[];
    changed: string[];
  } {
    validateClusters(clusters, this.strategies);
    const next = new Map(clusters.map(c => [c.name, c]));
    const added = clusters
      .filter(c => !this.byName.has(c.name))
      .map(c => c.name);
    const removed = [...this.byName.keys()].filter(n => !next.has(n));
    const changed = clusters
      .filter(c => {
        const before = this.byName.get(c.name);
        return before && JSON.stringify(before) !== JSON.stringify(c);
      })
      .map(c => c.name);
    for (const name of [...removed, ...changed]) this.eks.forget(name);
    this.byName = next;
    return { added, removed, changed };
  }

  async kubeConfig(
    name: string,
    options: { renew?: boolean } = {},
  ): Promise<KubeConfig> {
    const c = this.get(name);
    if (c.authProvider === 'kubeconfig') return kubeconfigFor(c);
    // validated: every other cluster has a strategy
    const strategy = this.strategies.get(c.authProvider)!;
    const credential = await strategy.getCredential(toClusterDetails(c), {
      renew: options.renew ?? false,
    });
    const kc = new KubeConfig();
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
      users: [userOf(credential)],
      contexts: [{ name: c.name, cluster: c.name, user: 'backstage' }],
      currentContext: c.name,
    });
    return kc;
  }
}

/** client-node reads `certData`/`keyData` as base64; strategies may give PEM text or base64. */
const base64 = (pem: string) =>
  pem.trimStart().startsWith('-----BEGIN')
    ? Buffer.from(pem).toString('base64')
    : pem;

function userOf(credential: KarpenterCredential): User {
  switch (credential.type) {
    case 'bearer token':
      return { name: 'backstage', token: credential.token };
    case 'x509 client certificate':
      return {
        name: 'backstage',
        certData: base64(credential.cert),
        keyData: base64(credential.key),
      };
    default:
      return { name: 'backstage' };
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
