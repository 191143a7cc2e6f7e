import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Karpenter backend plugin. */
  karpenter?: {
    /**
     * Clusters the plugin reads. Cluster URLs and credentials come only from here (never from
     * catalog entities); entities name clusters with the `karpenter.sh/cluster` annotation.
     */
    clusters?: Array<{
      /**
       * Name referenced by the `karpenter.sh/cluster` annotation. Backend only: the frontend
       * learns cluster names and titles from the (permission-checked) API, never from config.
       * @visibility backend
       */
      name: string;
      /**
       * Display title.
       * @visibility backend
       */
      title?: string;
      /**
       * The cluster's owner(s) for the permission framework: entity refs (`group:default/team-a`;
       * the kind defaults to `group` and the namespace to `default`). A policy can then allow
       * `karpenter.cluster.read` to the owners only (rule `IS_CLUSTER_OWNER`, see
       * docs/permissions.md). Nothing else reads it.
       * @visibility backend
       */
      owner?: string | string[];
      /**
       * Kubernetes API server URL (also with `kubeconfig`: the context gives the credentials, this
       * the server).
       * @visibility backend
       */
      url: string;
      /**
       * `serviceAccount` (bearer token), `aws` (EKS token from the `aws` integration credentials,
       * optionally assuming `aws.roleArn`; renewed before it expires), `kubeconfig` (local
       * development: the user of the local kubeconfig's context, sent to `url`), `none`, or the
       * key of an auth strategy a backend module registered (`karpenterAuthStrategyExtensionPoint`,
       * see docs/extending.md); a key without strategy fails start-up.
       * @visibility backend
       */
      authProvider?: string;
      /**
       * Settings for the cluster's auth strategy (as the Kubernetes plugin's `authMetadata`).
       * @deepVisibility secret
       */
      authMetadata?: { [key: string]: string };
      /**
       * Bearer token for `serviceAccount`.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /**
       * Base64 PEM CA bundle of the API server.
       * @visibility secret
       */
      caData?: string;
      /**
       * Skip TLS verification (development only).
       * @visibility backend
       */
      skipTLSVerify?: boolean;
      /**
       * Allow sending credentials over plain `http://` to a host that is not loopback
       * (refused at start-up otherwise).
       * @visibility backend
       */
      allowInsecureHttp?: boolean;
      /**
       * Context of the local kubeconfig for `kubeconfig`.
       * @visibility backend
       */
      kubeconfigContext?: string;
      /**
       * Per-request timeout of this cluster (default 5 s; a number is milliseconds, a string or
       * object is read by `readDurationFromConfig`); a slow cluster never slows others.
       * @visibility backend
       */
      requestTimeout?: HumanDuration | string | number;
      /**
       * The SQS interruption queue (name or URL), sampled read-only.
       * @visibility backend
       */
      interruptionQueue?: string;
      /** AWS settings of the cluster (EKS token, SQS). */
      aws?: {
        /** @visibility backend */
        region?: string;
        /**
         * The EKS cluster's name, signed into the EKS token (`x-k8s-aws-id`), when it differs
         * from `name`.
         * @visibility backend
         */
        clusterName?: string;
        /**
         * Role to assume for the EKS token and the SQS calls.
         * @visibility backend
         */
        roleArn?: string;
        /** @visibility secret */
        externalId?: string;
        /**
         * SQS endpoint override (VPC endpoints, the local simulator).
         * @visibility backend
         */
        sqsEndpoint?: string;
        /**
         * Price List API endpoint override (a proxy, the local simulator); by default the
         * API's endpoint for the region (us-east-1, eu-central-1 or ap-south-1).
         * @visibility backend
         */
        pricingEndpoint?: string;
        /**
         * EC2 endpoint override for `DescribeSpotPriceHistory` (VPC endpoints, the simulator).
         * @visibility backend
         */
        ec2Endpoint?: string;
      };
      /** What this cluster's nodes cost: overrides `karpenter.cost`. */
      cost?: {
        /**
         * Multiplier on the list prices for this cluster (an enterprise discount: 0.85 =
         * 15 % off).
         * @visibility backend
         */
        discount?: number;
      };
    }>;
    /**
     * Also read the clusters configured for the Backstage Kubernetes plugin
     * (`kubernetes.clusterLocatorMethods` of type `config`).
     * Clusters whose `authProvider` is not built in (`google`, `azure`, `oidc`, ...) need an auth
     * strategy from a backend module, or start-up fails naming them.
     * @visibility backend
     */
    includeKubernetesPluginClusters?: boolean;
    /**
     * How often the clusters of cluster suppliers (backend modules) are reloaded (default
     * 5 minutes); app-config alone is read once at start-up.
     * @visibility backend
     */
    clusterRefreshInterval?: HumanDuration | string;
    /**
     * A cluster whose watched resources have not synced (list, watch event or bookmark) for
     * longer than this is reported stale: its last known state with the last failure, health
     * `unknown` (default 2 minutes; watch bookmarks keep a quiet cluster fresh).
     * @visibility backend
     */
    staleAfter?: HumanDuration | string;
    /** Thresholds of the health model. */
    health?: {
      /** @visibility backend */
      limitDegradedRatio?: number;
      /** @visibility backend */
      limitUnhealthyRatio?: number;
      /** @visibility backend */
      launchTimeout?: HumanDuration | string;
      /** @visibility backend */
      registrationTimeout?: HumanDuration | string;
    };
    /**
     * What the nodes cost (docs/cost.md): on-demand prices from the AWS Price List API, spot
     * prices from EC2 DescribeSpotPriceHistory, fetched by a scheduled task with the clusters'
     * AWS credentials (`pricing:GetProducts`, `ec2:DescribeSpotPriceHistory`) and kept in the
     * plugin database.
     */
    cost?: {
      /**
       * Set to false to turn cost off: no AWS pricing call, no cost in the API (default true).
       * @visibility backend
       */
      enabled?: boolean;
      /**
       * Multiplier on every list price (an enterprise discount: 0.85 = 15 % off; default 1).
       * A cluster's `cost.discount` overrides it.
       * @visibility backend
       */
      discount?: number;
      /**
       * The price of `reserved` capacity (capacity reservations) as a multiple of the on-demand
       * price (default 1: on-demand capacity reservations are billed at the on-demand rate).
       * @visibility backend
       */
      reservedPriceFactor?: number;
      /**
       * How often prices are fetched again (default 12 hours, as Karpenter does). Instance
       * types a cluster starts to run are priced within `checkInterval`.
       * @visibility backend
       */
      refreshInterval?: HumanDuration | string;
      /**
       * How often the task looks for instance types without a price (default 10 minutes).
       * @visibility backend
       */
      checkInterval?: HumanDuration | string;
      /**
       * Prices fetched longer ago than this are marked stale (default 24 hours).
       * @visibility backend
       */
      staleAfter?: HumanDuration | string;
      /**
       * How often each NodePool's cost is sampled for the tab's trend (default 10 minutes;
       * kept as long as `karpenter.interruptions.retention`).
       * @visibility backend
       */
      sampleInterval?: HumanDuration | string;
    };
    /** Interruption history and queue sampling. */
    interruptions?: {
      /**
       * How long records and queue samples are kept (default 14 days).
       * @visibility backend
       */
      retention?: HumanDuration | string;
      /**
       * How often the queue is sampled (default 30 s).
       * @visibility backend
       */
      queueSampleInterval?: HumanDuration | string;
      /**
       * A backlog older than this means interruption handling is falling behind (default 2 min).
       * @visibility backend
       */
      queueBacklogWindow?: HumanDuration | string;
      /**
       * Namespace Karpenter runs in, whose events are recorded besides `default` (default karpenter).
       * @visibility backend
       */
      karpenterNamespace?: string;
    };
  };
}
