import { KubeConfig } from '@kubernetes/client-node';

/** How the backend authenticates against a cluster's API server. @internal */
export type AuthProvider = 'serviceAccount' | 'aws' | 'kubeconfig' | 'none';

/** One configured cluster (from `karpenter.clusters` or the Kubernetes plugin's config). @internal */
export interface ClusterConfig {
  name: string;
  title?: string;
  /** Owner entity refs (normalised, e.g. `group:default/team-a`) for the permission rules. */
  owners?: string[];
  url: string;
  authProvider: AuthProvider;
  serviceAccountToken?: string;
  caData?: string;
  skipTLSVerify: boolean;
  /** Allow credentials over plain `http://` to a non-loopback host (refused otherwise). */
  allowInsecureHttp?: boolean;
  kubeconfigContext?: string;
  requestTimeoutMs: number;
  interruptionQueue?: string;
  aws: {
    region?: string;
    /** The EKS cluster's name for the token, when it differs from `name`. */
    clusterName?: string;
    roleArn?: string;
    externalId?: string;
    sqsEndpoint?: string;
  };
}

/**
 * Configured clusters and authenticated client configs for them. Cluster URLs and credentials
 * come only from app-config.
 *
 * @internal
 */
export interface ClusterRegistry {
  list(): ClusterConfig[];
  /** The cluster, or a NotFoundError. */
  get(name: string): ClusterConfig;
  /**
   * A KubeConfig for the cluster with current credentials: EKS tokens are cached per cluster and
   * renewed a minute before they expire; `renew` (after a 401) renews them at once.
   */
  kubeConfig(name: string, options?: { renew?: boolean }): Promise<KubeConfig>;
}
