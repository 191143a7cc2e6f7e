import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { karpenterAuthProviderOf } from '@karpenter-backstage/plugin-karpenter-node';
import { readDiscount, readDurationMs } from '../../config';
import { readOwners } from './readOwners';
import { ClusterConfig } from './types';
import {
  refuseDuplicateNames,
  refuseInsecureCredentials,
} from './validateClusters';

const DEFAULT_TIMEOUT_MS = 5_000;

function timeout(config: Config, key: string): number {
  if (!config.has(key)) return DEFAULT_TIMEOUT_MS;
  const value = config.get(key);
  if (typeof value === 'number') return value;
  return readDurationMs(config, key, { milliseconds: DEFAULT_TIMEOUT_MS });
}

function fromKarpenter(c: Config, index: number): ClusterConfig {
  const name = c.getString('name');
  const url = c.getString('url');
  if (!/^https?:\/\//.test(url)) {
    throw new InputError(
      `karpenter.clusters[${index}].url must be an http(s) URL, got '${url}'`,
    );
  }
  // any key: a module may register its strategy (checked against the strategies at start-up)
  const authProvider = c.getOptionalString('authProvider') ?? 'serviceAccount';
  return {
    name,
    title: c.getOptionalString('title'),
    owners: readOwners(c, index),
    url,
    authProvider,
    authMetadata: stringsOf(c, 'authMetadata'),
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
      pricingEndpoint: c.getOptionalString('aws.pricingEndpoint'),
      ec2Endpoint: c.getOptionalString('aws.ec2Endpoint'),
    },
    cost: c.has('cost.discount')
      ? {
          discount: readDiscount(
            c,
            `karpenter.clusters[${index}].cost.discount`,
            'cost.discount',
          ),
        }
      : undefined,
    source: 'karpenter.clusters',
  };
}

/**
 * An object of strings read whole: keys such as `kubernetes.io/aws-assume-role` are not valid
 * config paths (the `/`).
 */
function stringsOf(c: Config, key: string): Record<string, string> | undefined {
  const value = c.getOptional<Record<string, unknown>>(key);
  if (!value) return undefined;
  return Object.fromEntries(
    Object.entries(value).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
}

/** Clusters of the Kubernetes plugin (`kubernetes.clusterLocatorMethods` of type `config`). */
function fromKubernetesPlugin(root: Config): ClusterConfig[] {
  const methods =
    root.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods
    .filter(m => m.getString('type') === 'config')
    .flatMap(m => m.getOptionalConfigArray('clusters') ?? [])
    .map(c => {
      const provider = c.getOptionalString('authProvider') ?? 'serviceAccount';
      const metadata = stringsOf(c, 'authMetadata') ?? {};
      const text = (key: string) => metadata[key];
      return {
        name: c.getString('name'),
        title: c.getOptionalString('title'),
        url: c.getString('url'),
        // `localKubectlProxy` is `none` here; other providers need a registered strategy (the
        // Kubernetes plugin's own strategies adapt with fromKubernetesAuthStrategy)
        authProvider: karpenterAuthProviderOf(provider),
        authMetadata: { ...metadata, 'kubernetes.io/auth-provider': provider },
        serviceAccountToken: c.getOptionalString('serviceAccountToken'),
        caData: c.getOptionalString('caData'),
        skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
        requestTimeoutMs: DEFAULT_TIMEOUT_MS,
        aws: {
          clusterName: text('kubernetes.io/x-k8s-aws-id'),
          roleArn: text('kubernetes.io/aws-assume-role'),
          externalId: text('kubernetes.io/aws-external-id'),
        },
        source: 'kubernetes.clusterLocatorMethods',
      };
    });
}

/**
 * Reads the configured clusters: names must be unique and credentials never go over plain http.
 * Whether a strategy serves each `authProvider` is checked by the registry (modules may add them).
 *
 * @internal
 */
export function readClusterConfigs(root: Config): ClusterConfig[] {
  const own = (root.getOptionalConfigArray('karpenter.clusters') ?? []).map(
    fromKarpenter,
  );
  const shared = root.getOptionalBoolean(
    'karpenter.includeKubernetesPluginClusters',
  )
    ? fromKubernetesPlugin(root)
    : [];
  // configured in karpenter.clusters as well: that one is used, the import is not
  const imported = shared.filter(s => !own.some(o => o.name === s.name));
  const clusters = [...own, ...imported];
  refuseDuplicateNames(clusters);
  clusters.forEach(refuseInsecureCredentials);
  return clusters;
}
