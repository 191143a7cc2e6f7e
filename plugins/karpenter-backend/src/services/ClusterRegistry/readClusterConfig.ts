import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
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
    url,
    authProvider,
    serviceAccountToken: c.getOptionalString('serviceAccountToken'),
    caData: c.getOptionalString('caData'),
    skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
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

/** Clusters of the Kubernetes plugin (`kubernetes.clusterLocatorMethods` of type `config`). */
function fromKubernetesPlugin(root: Config): ClusterConfig[] {
  const methods =
    root.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods
    .filter(m => m.getString('type') === 'config')
    .flatMap(m => m.getOptionalConfigArray('clusters') ?? [])
    .map(c => {
      const provider = c.getOptionalString('authProvider');
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
        authProvider: (provider === 'aws'
          ? 'aws'
          : 'serviceAccount') as AuthProvider,
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
  const clusters = [
    ...own,
    ...shared.filter(s => !own.some(o => o.name === s.name)),
  ];
  const seen = new Set<string>();
  for (const c of clusters) {
    if (seen.has(c.name))
      throw new InputError(
        `karpenter.clusters: duplicate cluster name '${c.name}'`,
      );
    seen.add(c.name);
  }
  return clusters;
}
