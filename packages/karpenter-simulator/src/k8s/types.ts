import type {
  EC2NodeClass,
  KarpenterObjectMeta,
  NodeClaim,
  NodePool,
} from '@karpenter-backstage/karpenter-crds';

/** A fault injected into the simulator. @public */
export interface Fault {
  id?: string;
  cluster?: string;
  resource?: string;
  status?: number;
  delayMs?: number;
  malformedJson?: boolean;
  dropWatchAfterMs?: number;
  sqsError?: 'QueueDoesNotExist' | 'AccessDenied' | 'Throttling';
  /**
   * An error of the AWS pricing APIs (`pricing/faults.ts`): the Price List API answers
   * AccessDeniedException / ThrottlingException / ServiceUnavailableException, EC2
   * UnauthorizedOperation / RequestLimitExceeded / Unavailable.
   */
  pricingError?: 'AccessDenied' | 'Throttling' | 'Unavailable';
  /**
   * The pricing API a `pricingError` or `delayMs` is for (none: both). A fault with either
   * field is a pricing fault: it applies to no Kubernetes API server, and `cluster` is ignored.
   */
  service?: 'pricing' | 'ec2';
  once?: boolean;
}

/** One request the simulator received. @public */
export interface RequestLogEntry {
  cluster?: string;
  service: 'k8s' | 'sqs' | 'pricing' | 'ec2';
  method: string;
  path: string;
  query?: string;
  action?: string;
  by?: 'consumer';
  status?: number;
  at: number;
}

// ---------- the objects the simulated API server stores ----------
// Local shapes of the core/v1 objects the simulator writes (only the fields it writes and reads;
// `@kubernetes/client-node` is a dev dependency only), and the Karpenter objects typed by the
// CRDs (`@karpenter-backstage/karpenter-crds`).

/** The metadata of a stored object: always named (the store keys on it). @public */
export interface ObjectMeta extends KarpenterObjectMeta {
  name: string;
  /** Server-side apply's bookkeeping: clients may send it; the simulator keeps none. */
  managedFields?: unknown[];
}

/**
 * Any object the store holds: the fields every kind has; the others, per kind, are `unknown`
 * until narrowed (see {@link StoredKinds}).
 * @public
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** A Karpenter object as stored: its CRD type, named. @public */
export type Stored<T> = Omit<T, 'metadata'> & KubeObject;

/** @public */
export type StoredNodePool = Stored<NodePool>;
/** A NodeClaim as stored: the simulator writes every one with a status. @public */
export type StoredNodeClaim = Stored<NodeClaim> & {
  status: NonNullable<NodeClaim['status']>;
};
/** @public */
export type StoredEC2NodeClass = Stored<EC2NodeClass>;

/** A taint as NodePools, NodeClaims and Nodes carry it. @public */
export type KarpenterTaint = NonNullable<
  NodePool['spec']['template']['spec']['taints']
>[number];

/** A toleration of a Pod. @public */
export interface Toleration {
  key?: string;
  /** `Exists` or `Equal` (the default). */
  operator?: string;
  value?: string;
  effect?: string;
}

/** A term of a Pod's required (anti-)affinity: only `matchLabels` is modelled. @public */
export interface PodAffinityTerm {
  topologyKey: string;
  labelSelector?: { matchLabels?: Record<string, string> };
}

/** The part of a Pod spec the simulator's scheduling reads. @public */
export interface PodSchedulingSpec {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  affinity?: {
    podAntiAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
    };
  };
}

/** A core/v1 Pod condition (the simulator writes `PodScheduled`). @public */
export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime: string;
}

/** A core/v1 Pod. @public */
export interface SimPod extends KubeObject {
  spec: PodSchedulingSpec & {
    containers?: Array<{
      name: string;
      image?: string;
      resources?: { requests?: Record<string, string> };
    }>;
  };
  status: { phase?: string; conditions?: PodCondition[] };
}

/** A core/v1 Node condition. @public */
export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

/** A core/v1 Node. @public */
export interface SimNode extends KubeObject {
  spec: { providerID?: string; taints?: KarpenterTaint[] };
  status?: {
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    conditions?: NodeCondition[];
    nodeInfo?: Record<string, string>;
  };
}

/** A core/v1 Namespace. @public */
export interface SimNamespace extends KubeObject {
  spec?: { finalizers?: string[] };
  status?: { phase?: string };
}

/** The object a core/v1 Event is about. @public */
export interface EventObjectReference {
  kind: string;
  name: string;
  namespace?: string;
  apiVersion?: string;
  uid?: string;
}

/**
 * A core/v1 Event as client-go's recorder writes it (source, count, first/last timestamps) or as
 * the kube-scheduler writes it through events.k8s.io/v1 (eventTime, action, series).
 * @public
 */
export interface SimEvent extends KubeObject {
  involvedObject: EventObjectReference;
  reason?: string;
  message?: string;
  type?: string;
  source?: { component?: string; host?: string };
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  count?: number;
  eventTime?: string | null;
  action?: string;
  series?: { count: number; lastObservedTime: string };
  reportingComponent?: string;
  reportingInstance?: string;
}

/** The objects of each store (plural) the simulator writes and reads. @public */
export interface StoredKinds {
  nodes: SimNode;
  pods: SimPod;
  events: SimEvent;
  namespaces: SimNamespace;
  nodepools: StoredNodePool;
  nodeclaims: StoredNodeClaim;
  ec2nodeclasses: StoredEC2NodeClass;
}

/** The stores the simulator knows the objects of. @public */
export type StoredPlural = keyof StoredKinds;

/** The objects of a store: typed for a known plural, else {@link KubeObject}. @public */
export type ObjectOf<P extends string> = P extends StoredPlural
  ? StoredKinds[P]
  : KubeObject;

/** The objects of each kind the simulator knows. @public */
export interface KindObjects {
  Node: SimNode;
  Pod: SimPod;
  Event: SimEvent;
  Namespace: SimNamespace;
  NodePool: StoredNodePool;
  NodeClaim: StoredNodeClaim;
  EC2NodeClass: StoredEC2NodeClass;
}

/**
 * The objects of a kind, named by kind (`NodePool`) or by plural (`nodepools`): typed for the
 * kinds the simulator knows, else {@link KubeObject}.
 * @public
 */
export type ObjectOfKind<K extends string> = K extends keyof KindObjects
  ? KindObjects[K]
  : ObjectOf<K>;
