import { KubeConfig } from '@kubernetes/client-node';

/**
 * How the backend authenticates against a cluster's API server: a built-in or the key of an auth
 * strategy a module registered (`karpenterAuthStrategyExtensionPoint`).
 *
 * @internal
 */
export type AuthProvider =
  | 'serviceAccount'
  | 'aws'
  | 'kubeconfig'
  | 'none'
  | (string & {});

/** The built-in auth providers. @internal */
export const BUILTIN_AUTH_PROVIDERS = [
  'serviceAccount',
  'aws',
  'kubeconfig',
  'none',
] as const;

/** One configured cluster (from `karpenter.clusters` or the Kubernetes plugin's config). @internal */
export interface ClusterConfig {
  name: string;
  title?: string;
  /** Owner entity refs (normalised, e.g. `group:default/team-a`) for the permission rules. */
  owners?: string[];
  url: string;
  authProvider: AuthProvider;
  /** Provider-specific settings for the auth strategy. */
  authMetadata?: Record<string, string>;
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
    pricingEndpoint?: string;
    ec2Endpoint?: string;
  };
  /** Overrides of `karpenter.cost` for this cluster. */
  cost?: { discount?: number };
  /** Where the cluster came from, for error messages (`karpenter.clusters`, a supplier). */
  source?: string;
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
