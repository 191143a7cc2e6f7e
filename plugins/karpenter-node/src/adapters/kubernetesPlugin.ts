import { AuthService } from '@backstage/backend-plugin-api';
import type {
  AuthenticationStrategy,
  ClusterDetails,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';
import {
  KarpenterAuthStrategy,
  KarpenterClusterDetails,
  KarpenterClusterSupplier,
} from '../extensions/types';

/** authMetadata keys of the Kubernetes plugin (`@backstage/plugin-kubernetes-common`). */
const AUTH_PROVIDER = 'kubernetes.io/auth-provider';
const AWS_ID = 'kubernetes.io/x-k8s-aws-id';
const AWS_ROLE = 'kubernetes.io/aws-assume-role';
const AWS_EXTERNAL_ID = 'kubernetes.io/aws-external-id';

/**
 * The Karpenter `authProvider` of a Kubernetes-plugin auth provider: the same key, except
 * `localKubectlProxy` (no credentials: the proxy adds them) which is `none` here.
 *
 * @public
 */
export function karpenterAuthProviderOf(
  kubernetesAuthProvider: string,
): string {
  return kubernetesAuthProvider === 'localKubectlProxy'
    ? 'none'
    : kubernetesAuthProvider;
}

/**
 * A Kubernetes-plugin cluster as a Karpenter cluster: `authMetadata` is kept (the adapted auth
 * strategies read it); the service account token and AWS settings are taken from it.
 *
 * @public
 */
export function fromKubernetesClusterDetails(
  details: ClusterDetails,
): KarpenterClusterDetails {
  const metadata = details.authMetadata ?? {};
  return {
    name: details.name,
    title: details.title,
    url: details.url,
    authProvider: karpenterAuthProviderOf(
      metadata[AUTH_PROVIDER] ?? 'serviceAccount',
    ),
    authMetadata: metadata,
    serviceAccountToken: metadata.serviceAccountToken,
    caData: details.caData,
    skipTLSVerify: details.skipTLSVerify ?? false,
    aws: {
      clusterName: metadata[AWS_ID],
      roleArn: metadata[AWS_ROLE],
      externalId: metadata[AWS_EXTERNAL_ID],
    },
  };
}

/**
 * A Karpenter cluster as the Kubernetes plugin's `ClusterDetails` (for its auth strategies).
 *
 * @public
 */
export function toKubernetesClusterDetails(
  cluster: KarpenterClusterDetails,
): ClusterDetails {
  const authMetadata: Record<string, string> = {
    ...cluster.authMetadata,
    [AUTH_PROVIDER]:
      cluster.authMetadata?.[AUTH_PROVIDER] ?? cluster.authProvider,
  };
  if (cluster.serviceAccountToken)
    authMetadata.serviceAccountToken = cluster.serviceAccountToken;
  return {
    name: cluster.name,
    title: cluster.title,
    url: cluster.url,
    authMetadata,
    skipTLSVerify: cluster.skipTLSVerify,
    caData: cluster.caData,
  };
}

/**
 * A Kubernetes-plugin `AuthenticationStrategy` (Google, Azure, OIDC, Pinniped, your own) as a
 * Karpenter auth strategy. The backend has no signed-in user, so strategies that need the user's
 * token from the browser (`oidc`, `google` with user tokens) get an empty `auth` and fail; server-side
 * ones (`googleServiceAccount`, `azure` with a managed identity, `aws`) work.
 *
 * @public
 */
export function fromKubernetesAuthStrategy(
  strategy: AuthenticationStrategy,
): KarpenterAuthStrategy {
  return {
    async getCredential(cluster) {
      return strategy.getCredential(toKubernetesClusterDetails(cluster), {});
    },
    validateCluster(cluster) {
      return strategy.validateCluster(
        toKubernetesClusterDetails(cluster).authMetadata,
      );
    },
  };
}

/**
 * A Kubernetes-plugin `KubernetesClustersSupplier` (catalog, GKE, your own) as a Karpenter
 * cluster supplier; it is called with the backend's own service credentials.
 *
 * @public
 */
export function fromKubernetesClustersSupplier(
  supplier: KubernetesClustersSupplier,
  options: { auth: AuthService },
): KarpenterClusterSupplier {
  return {
    async getClusters() {
      const credentials = await options.auth.getOwnServiceCredentials();
      const clusters = await supplier.getClusters({ credentials });
      return clusters.map(fromKubernetesClusterDetails);
    },
  };
}
