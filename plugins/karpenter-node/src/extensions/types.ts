/**
 * One cluster the Karpenter backend reads: where its API server is, how to authenticate against
 * it, and (optionally) its interruption queue.
 *
 * Cluster URLs and credentials come only from app-config or from a supplier the operator
 * installed (see {@link KarpenterClusterSupplier}), never from entity annotations.
 *
 * @public
 */
export interface KarpenterClusterDetails {
  /** Unique name; catalog entities refer to it with the `karpenter.sh/cluster` annotation. */
  name: string;
  /** Human-readable name for the UI. */
  title?: string;
  /** The API server, `https://...` (plain `http://` only to loopback or with `allowInsecureHttp`). */
  url: string;
  /**
   * Key of the {@link KarpenterAuthStrategy} that authenticates requests to this cluster:
   * a built-in (`serviceAccount`, `aws`, `kubeconfig`, `none`) or one a module registered with
   * `karpenterAuthStrategyExtensionPoint`.
   */
  authProvider: string;
  /** Provider-specific settings for the auth strategy (as the Kubernetes plugin's `authMetadata`). */
  authMetadata?: Record<string, string>;
  /** Token of `authProvider: serviceAccount`. */
  serviceAccountToken?: string;
  /** Base64 PEM of the API server's CA. */
  caData?: string;
  skipTLSVerify?: boolean;
  /** Allow credentials over plain `http://` to a non-loopback host (refused otherwise). */
  allowInsecureHttp?: boolean;
  /** Context of the local kubeconfig for `authProvider: kubeconfig`. */
  kubeconfigContext?: string;
  /** Per-request timeout against the API server in milliseconds (default 5000). */
  requestTimeoutMs?: number;
  /** Name or URL of the cluster's Karpenter interruption SQS queue. */
  interruptionQueue?: string;
  aws?: {
    region?: string;
    /** The EKS cluster's name for the token, when it differs from `name`. */
    clusterName?: string;
    roleArn?: string;
    externalId?: string;
    sqsEndpoint?: string;
    /** Price List API endpoint override (the simulator, a proxy). */
    pricingEndpoint?: string;
    /** EC2 endpoint override for DescribeSpotPriceHistory (VPC endpoints, the simulator). */
    ec2Endpoint?: string;
  };
  /** What this cluster's nodes cost (overrides `karpenter.cost`). */
  cost?: {
    /** Multiplier on the list prices (an enterprise discount: 0.85 = 15 % off). */
    discount?: number;
  };
}

/**
 * Where clusters come from. The backend calls `getClusters` at start-up and then on every
 * refresh (`karpenter.clusterRefreshInterval`); a cluster missing from a later answer is removed.
 *
 * @public
 */
export interface KarpenterClusterSupplier {
  /** Shown in start-up errors and logs (e.g. `catalog`); defaults to `supplier <n>`. */
  readonly name?: string;
  getClusters(): Promise<KarpenterClusterDetails[]>;
}

/**
 * Credentials for one request to a cluster's API server (the shape of the Kubernetes plugin's
 * `KubernetesCredential`). `expiresAt` (epoch ms) is informational.
 *
 * @public
 */
export type KarpenterCredential =
  | { type: 'bearer token'; token: string; expiresAt?: number }
  | { type: 'x509 client certificate'; cert: string; key: string }
  | { type: 'anonymous' };

/**
 * Authenticates the backend against clusters of one `authProvider`.
 *
 * @public
 */
export interface KarpenterAuthStrategy {
  /**
   * Credentials for the cluster. Called before every (re)connection, so cache what is expensive
   * to obtain; `renew` is true after the API server answered 401 (drop the cached credential).
   */
  getCredential(
    cluster: KarpenterClusterDetails,
    options: { renew: boolean },
  ): Promise<KarpenterCredential>;
  /** Problems of the cluster's settings for this strategy; checked at start-up and each refresh. */
  validateCluster?(cluster: KarpenterClusterDetails): Error[];
}
