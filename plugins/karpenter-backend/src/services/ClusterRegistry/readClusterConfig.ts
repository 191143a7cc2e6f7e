import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { readOwners } from './readOwners';
import { AuthProvider, ClusterConfig } from './types';

const PROVIDERS: AuthProvider[] = [
  'serviceAccount',
  'aws',
  'kubeconfig',
  'none',
];
const DEFAULT_TIMEOUT_MS = 5_000;

function timeout(config: Config, key: string): number {
  if (!config.has(key)) return DEFAULT_TIMEOUT_MS;
  const value = config.get(key);
  if (typeof value === 'number') return value;
  return durationToMilliseconds(value as HumanDuration);
}

function fromKarpenter(c: Config, index: number): ClusterConfig {
  const name = c.getString('name');
  const url = c.getString('url');
  if (!/^https?:\/\//.test(url)) {
    throw new InputError(
      `karpenter.clusters[${index}].url must be an http(s) URL, got '${url}'`,
    );
  }
  const authProvider = (c.getOptionalString('authProvider') ??
    'serviceAccount') as AuthProvider;
  if (!PROVIDERS.includes(authProvider)) {
    throw new InputError(
      `karpenter.clusters[${index}].authProvider must be one of ${PROVIDERS.join(
        ', ',
      )}`,
    );
  }
  return {
    name,
    title: c.getOptionalString('title'),
    owners: readOwners(c, index),
    url,
    authProvider,
    serviceAccountToken: c.getOptionalString('serviceAccountToken'),
    caData: c.getOptionalString('caData'),
    skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
    allowInsecureHttp: c.getOptionalBoolean('allowInsecureHttp') ?? false,
    kubeconfigContext: c.getOptionalString('kubeconfigContext'),
    requestTimeoutMs: timeout(c, 'requestTimeout'),
    interruptionQueue: c.getOptionalString('interruptionQueue'),
    aws: {
      region: c.getOptionalString('aws.region'),
      clusterName: c.getOptionalString('aws.clusterName'),
      roleArn: c.getOptionalString('aws.roleArn'),
      externalId: c.getOptionalString('aws.externalId'),
      sqsEndpoint: c.getOptionalString('aws.sqsEndpoint'),
    },
  };
}

/**
 * Auth providers of the Kubernetes plugin this plugin can serve, and what they become here:
 * `serviceAccount` (its token), `aws` (an EKS token), `localKubectlProxy` (no credentials; the
 * proxy adds them). The others (google, azure, oidc, aks, googleServiceAccount, ...) need the
 * signed-in user's token or a cloud SDK this backend does not have.
 */
const KUBERNETES_PLUGIN_PROVIDERS: Record<string, AuthProvider> = {
  serviceAccount: 'serviceAccount',
  aws: 'aws',
  localKubectlProxy: 'none',
};

/** Clusters of the Kubernetes plugin (`kubernetes.clusterLocatorMethods` of type `config`). */
function fromKubernetesPlugin(
  root: Config,
): Array<ClusterConfig & { unsupportedProvider?: string }> {
  const methods =
    root.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods
    .filter(m => m.getString('type') === 'config')
    .flatMap(m => m.getOptionalConfigArray('clusters') ?? [])
    .map(c => {
      const provider = c.getOptionalString('authProvider') ?? 'serviceAccount';
      const authProvider = KUBERNETES_PLUGIN_PROVIDERS[provider];
      // Keys such as `kubernetes.io/aws-assume-role` are not valid config paths (the `/`): read
      // the authMetadata object whole.
      const metadata = (c.getOptional<Record<string, unknown>>(
        'authMetadata',
      ) ?? {}) as Record<string, unknown>;
      const text = (key: string) =>
        typeof metadata[key] === 'string'
          ? (metadata[key] as string)
          : undefined;
      return {
        name: c.getString('name'),
        title: c.getOptionalString('title'),
        url: c.getString('url'),
        authProvider,
        unsupportedProvider: authProvider ? undefined : provider,
        serviceAccountToken: c.getOptionalString('serviceAccountToken'),
        caData: c.getOptionalString('caData'),
        skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
        requestTimeoutMs: DEFAULT_TIMEOUT_MS,
        aws: {
          clusterName: text('kubernetes.io/x-k8s-aws-id'),
          roleArn: text('kubernetes.io/aws-assume-role'),
          externalId: text('kubernetes.io/aws-external-id'),
        },
      };
    });
}

/** Reads and validates the configured clusters; names must be unique. @internal */
export function readClusterConfigs(root: Config): ClusterConfig[] {
  const own = (root.getOptionalConfigArray('karpenter.clusters') ?? []).map(
    fromKarpenter,
  );
  const shared = root.getOptionalBoolean(
    'karpenter.includeKubernetesPluginClusters',
  )
    ? fromKubernetesPlugin(root)
    : [];
  const imported = shared.filter(s => !own.some(o => o.name === s.name));
  for (const c of imported) {
    if (c.unsupportedProvider)
      throw new InputError(
        `Cluster '${
          c.name
        }' of kubernetes.clusterLocatorMethods has authProvider '${
          c.unsupportedProvider
        }', which the Karpenter plugin cannot use (supported: ${Object.keys(
          KUBERNETES_PLUGIN_PROVIDERS,
        ).join(
          ', ',
        )}); configure it in karpenter.clusters with a supported authProvider instead`,
      );
  }
  const clusters: ClusterConfig[] = [
    ...own,
    ...imported.map(({ unsupportedProvider: _, ...c }) => c),
  ];
  const seen = new Set<string>();
  for (const c of clusters) {
    if (seen.has(c.name))
      throw new InputError(
        `karpenter.clusters: duplicate cluster name '${c.name}'`,
      );
    seen.add(c.name);
    refuseInsecureCredentials(c);
  }
  return clusters;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Whether requests to the cluster carry credentials (a bearer token or a kubeconfig user). */
function sendsCredentials(c: ClusterConfig): boolean {
  if (c.authProvider === 'serviceAccount') return !!c.serviceAccountToken;
  return c.authProvider === 'aws' || c.authProvider === 'kubeconfig';
}

/**
 * A token over plain http can be read on the way: refused unless the server is loopback (the
 * local simulator, kubectl proxy) or the cluster sets `allowInsecureHttp: true`.
 */
function refuseInsecureCredentials(c: ClusterConfig) {
  if (!c.url.startsWith('http://') || !sendsCredentials(c)) return;
  let host = '';
  try {
    host = new URL(c.url).hostname;
  } catch {
    // not a URL: refused below like any other non-loopback host
  }
  if (LOOPBACK.test(host) || c.allowInsecureHttp) return;
  throw new InputError(
    `Cluster '${c.name}': url ${c.url} is plain http and authProvider ${c.authProvider} sends credentials; use https, or set allowInsecureHttp: true on the cluster`,
  );
}
