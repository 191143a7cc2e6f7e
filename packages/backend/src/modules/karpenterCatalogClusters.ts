import {
  AuthService,
  coreServices,
  createBackendModule,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  KarpenterClusterDetails,
  KarpenterClusterSupplier,
  karpenterClusterSupplierExtensionPoint,
} from '@karpenter-backstage/plugin-karpenter-node';

/** Annotations of the Kubernetes plugin's catalog cluster locator. */
const API_SERVER = 'kubernetes.io/api-server';
const API_SERVER_CA = 'kubernetes.io/api-server-certificate-authority';
const AWS_ID = 'kubernetes.io/x-k8s-aws-id';

/**
 * A URL pattern of `karpenter.catalogClusters.allowedUrls`: `*` stands for any characters but
 * `/`, matched against the whole (parsed, normalised) URL, case-insensitively.
 */
export function urlPattern(pattern: string): RegExp {
  const escaped = pattern
    .replace(/\/+$/, '')
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${escaped}$`, 'i');
}

/**
 * The URL as compared with the allow-list, or undefined when it is not a plain http(s) URL
 * (user info, query or fragment could make a pattern match a different host).
 */
function normalise(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol)) return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Settings of `karpenter.catalogClusters`. */
export interface CatalogClustersSettings {
  allowedUrls: RegExp[];
  authProvider: string;
  roleArn?: string;
}

/** `karpenter.catalogClusters`, or undefined when not enabled. */
export function readCatalogClustersSettings(
  config: Config,
): CatalogClustersSettings | undefined {
  const c = config.getOptionalConfig('karpenter.catalogClusters');
  if (!c?.getOptionalBoolean('enabled')) return undefined;
  const allowedUrls = c.getStringArray('allowedUrls');
  if (!allowedUrls.length)
    throw new Error(
      'karpenter.catalogClusters.allowedUrls must list the API server URLs catalog clusters may use',
    );
  return {
    allowedUrls: allowedUrls.map(urlPattern),
    authProvider: c.getOptionalString('authProvider') ?? 'aws',
    roleArn: c.getOptionalString('aws.roleArn'),
  };
}

/**
 * Example supplier: clusters from catalog Resources of `spec.type: kubernetes-cluster`, named by
 * the entity, with the API server URL in the `kubernetes.io/api-server` annotation (as the
 * Kubernetes plugin's catalog locator reads them).
 *
 * The catalog becomes trusted input for where the backend sends credentials, so: only URLs
 * matching `allowedUrls` are used (others are logged and skipped), and the auth provider, role
 * and interruption queue come from app-config, never from the entity. Only the CA bundle and the
 * EKS cluster name are read from annotations.
 */
export class CatalogClusterSupplier implements KarpenterClusterSupplier {
  readonly name = 'catalog';

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      settings: CatalogClustersSettings;
    },
  ) {}

  async getClusters(): Promise<KarpenterClusterDetails[]> {
    const { catalog, auth, logger, settings } = this.options;
    const { items } = await catalog.getEntities(
      { filter: { kind: 'Resource', 'spec.type': 'kubernetes-cluster' } },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const clusters = new Map<string, KarpenterClusterDetails>();
    for (const entity of items) {
      const annotations = entity.metadata.annotations ?? {};
      const name = entity.metadata.name;
      const url = normalise(annotations[API_SERVER] ?? '');
      if (!url || !settings.allowedUrls.some(p => p.test(url))) {
        logger.warn(
          'Skipping catalog cluster: its API server URL is missing or not in karpenter.catalogClusters.allowedUrls',
          { entity: name },
        );
        continue;
      }
      if (clusters.has(name)) {
        logger.warn('Skipping catalog cluster with a duplicate name', {
          entity: name,
        });
        continue;
      }
      clusters.set(name, {
        name,
        title: entity.metadata.title,
        url,
        authProvider: settings.authProvider,
        caData: annotations[API_SERVER_CA],
        aws: { clusterName: annotations[AWS_ID], roleArn: settings.roleArn },
      });
    }
    return [...clusters.values()];
  }
}

/**
 * Example module: adds the catalog's `kubernetes-cluster` Resources as Karpenter clusters when
 * `karpenter.catalogClusters.enabled` is true (off by default).
 */
export const karpenterCatalogClustersModule = createBackendModule({
  pluginId: 'karpenter',
  moduleId: 'catalog-clusters',
  register(env) {
    env.registerInit({
      deps: {
        clusters: karpenterClusterSupplierExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
      },
      async init({ clusters, catalog, auth, logger, config }) {
        const settings = readCatalogClustersSettings(config);
        if (!settings) return;
        clusters.addClusterSupplier(
          new CatalogClusterSupplier({ catalog, auth, logger, settings }),
        );
      },
    });
  },
});
