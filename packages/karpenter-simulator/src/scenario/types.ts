import type { Fault } from '../k8s/types';

/** A fault of a scenario's cluster (the cluster is the one it is declared on). @public */
export type ScenarioFault = Omit<Fault, 'cluster' | 'id'>;

/** A NodeClass of a scenario. */
export interface ScenarioNodeClass {
  name: string;
  role?: string;
  /** Value of the `karpenter.sh/discovery` tag its selectors use (default: the cluster name). */
  discoveryTag?: string;
  amiAlias?: string;
}

export interface ScenarioBudget {
  nodes: string;
  reasons?: Array<'Underutilized' | 'Empty' | 'Drifted'>;
  schedule?: string;
  duration?: string;
}

/** Nodes a NodePool starts with, of one capacity type, instance type and zone. @public */
export interface ScenarioNodeGroup {
  count: number;
  capacityType?: string;
  instanceType?: string;
  zone?: string;
}

/** A NodePool of a scenario and the nodes it starts with. @public */
export interface ScenarioNodePool {
  name: string;
  nodeClass?: string;
  capacityTypes?: string[];
  architectures?: string[];
  instanceTypes: string[];
  limits?: { cpu?: string; memory?: string };
  /**
   * Nodes at start: a total (spread over capacityTypes), counts by capacity type, or groups with
   * a count per capacity type, instance type and zone (each must be allowed by the NodePool's
   * requirements and the NodeClass's subnets; what a group leaves out is picked at random).
   */
  nodes: number | Record<string, number> | ScenarioNodeGroup[];
  weight?: number;
  taints?: Array<{
    key: string;
    value?: string;
    effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  }>;
  labels?: Record<string, string>;
  expireAfter?: string;
  consolidationPolicy?: 'WhenEmpty' | 'WhenEmptyOrUnderutilized';
  consolidateAfter?: string;
  budgets?: ScenarioBudget[];
  /** false: NodeRegistrationHealthy=False (launched instances fail to join). */
  registrationHealthy?: boolean;
}

/** Pods with labels, so a catalog Component maps onto nodes. */
export interface ScenarioWorkload {
  name: string;
  namespace: string;
  kubernetesId?: string;
  labels?: Record<string, string>;
  nodePool: string;
  replicas: number;
  /** One pod per node (required pod anti-affinity on `kubernetes.io/hostname`). */
  onePerNode?: boolean;
}

/** One cluster of a scenario. @public */
export interface ScenarioCluster {
  name: string;
  title?: string;
  region?: string;
  zones?: string[];
  /** Bearer token the API requires (none: no auth). */
  token?: string;
  /** Resources (plurals) the token may not read (403). */
  forbidden?: string[];
  /**
   * Require EKS tokens (as `aws eks get-token` makes them: a presigned STS GetCallerIdentity URL)
   * and accept each for `lifetimeSeconds` after it was signed (EKS: 900), answering 401 after;
   * replaces `token`. Lets a test run several token expiries in seconds.
   */
  eksTokens?: { lifetimeSeconds: number };
  queueName?: string;
  nodeClasses: ScenarioNodeClass[];
  nodePools: ScenarioNodePool[];
  workloads?: ScenarioWorkload[];
  /**
   * About this many Karpenter Events already present at start: the history of the last
   * `eventTTL` (interruptions, consolidations, rebalance recommendations, Unconsolidatable and
   * DisruptionBlocked repeats) as a real cluster would have it.
   */
  initialEvents?: number;
  /**
   * The API server's `--event-ttl` (default `1h`): an Event is deleted this long after its last
   * write (create or count update); watches see DELETED.
   */
  eventTTL?: string;
  /** With autoAdvance: a spot interruption every N simulated seconds. */
  interruptEverySeconds?: number;
  /**
   * Faults in effect from the start (as `Simulator.injectFault` for this cluster): per-resource
   * status codes, delays, malformed JSON, dropped watches; SQS errors on this cluster's queue;
   * pricing API errors and delays (`pricingError`, `service`: for every client, not only this
   * cluster's — the pricing APIs are per account).
   */
  faults?: ScenarioFault[];
  /** Generated NodePools for large scenarios (added to `nodePools`). */
  generate?: {
    nodePools: number;
    nodesPerPool: number;
    instanceTypes?: string[];
  };
}

export type TimelineAction =
  | 'interrupt'
  | 'rebalance'
  | 'drift'
  | 'loseSubnets'
  | 'restoreSubnets'
  | 'registrationFailure'
  | 'registrationRecovered'
  | 'scaleUp'
  | 'consolidate'
  /** A burst of one-per-node pods drives the NodePool to its `spec.limits.cpu` (count: pods). */
  | 'hitCpuLimit'
  /**
   * Pending pods for a NodePool (count, default 1): the kube-scheduler places them, Karpenter
   * provisions for those it leaves (see `TimelineStep`).
   */
  | 'addPods'
  | 'pauseConsumer'
  | 'resumeConsumer';

/** One timeline action at a time after start. @public */
export interface TimelineStep {
  /** Seconds after start (simulated time). */
  at: number;
  action: TimelineAction;
  cluster: string;
  /** `addPods`: the pods' nodeSelector `karpenter.sh/nodepool` (default: the workload's). */
  nodePool?: string;
  nodeClass?: string;
  count?: number;
  /** `consolidate`: without replacement (`delete`, the default) or by a cheaper node (`replace`). */
  decision?: 'delete' | 'replace';
  /**
   * `addPods`, `hitCpuLimit`: a workload of the cluster's scenario whose labels (`app`,
   * `backstage.io/kubernetes-id`, …) and namespace the pods take. Without it: a workload
   * `<nodePool>-pods` in namespace `default` (`addPods`), `<nodePool>-burst` in `burst`
   * (`hitCpuLimit`).
   */
  workload?: string;
  /** `addPods`: tolerations for the NodePool's taints (default true); false: none. */
  tolerateTaints?: boolean;
  /**
   * `addPods`: the container's requests (a missing one: 500m CPU / 512Mi memory), or `none` for
   * a container without requests — such pods the simulated kube-scheduler never binds (it stands
   * for a scheduler that disagrees with Karpenter; a simulator choice).
   */
  requests?: { cpu?: string; memory?: string } | 'none';
}

/**
 * Prices a scenario sets instead of the defaults (`pricing/priceTable.ts`: us-east-1's Linux list
 * prices × a factor per region; spot a hashed 30–45 % of on-demand per zone and type), USD/hour.
 * @public
 */
export interface ScenarioPricing {
  /** On-demand prices by region, then instance type. */
  onDemand?: Record<string, Record<string, number>>;
  /** Spot prices by availability zone, then instance type (a zone named here is served). */
  spot?: Record<string, Record<string, number>>;
  /** Instance types AWS returns no price for (no product, no spot price, in any region). */
  unpriced?: string[];
}

/** A scenario: clusters, a timeline and the prices of its AWS pricing APIs. @public */
export interface Scenario {
  name: string;
  seed?: number;
  clusters: ScenarioCluster[];
  timeline?: TimelineStep[];
  pricing?: ScenarioPricing;
}
