import { Health, HealthStatus } from '../health/types';
import { ClusterError } from '../types';
import { InterruptionActivity, QueueStatus } from '../interruptions/types';

/** `GET /v1/clusters` item (no secrets). @public */
export interface ClusterInfo {
  name: string;
  title?: string;
  authProvider: string;
  /** Whether an interruption queue is configured. */
  hasInterruptionQueue: boolean;
}

/** A Kubernetes-style condition. @public */
export interface ConditionInfo {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** A NodeSelectorRequirement of a NodePool template. @public */
export interface RequirementInfo {
  key: string;
  operator: string;
  values?: string[];
  minValues?: number;
}

/** A disruption budget and whether it currently allows disruptions. @public */
export interface BudgetInfo {
  nodes: string;
  reasons?: string[];
  schedule?: string;
  duration?: string;
  /** Whether the budget is in effect now (no schedule = always). */
  active: boolean;
  /** Nodes this budget allows to disrupt now, given the NodePool's node count. */
  allowedDisruptions: number;
}

/** Resource usage against a limit; quantities as Kubernetes strings and as numbers. @public */
export interface ResourceUsage {
  /** Cores for cpu, bytes for memory. */
  used: number;
  limit?: number;
  /** used / limit, when a limit is set. */
  ratio?: number;
}

/** NodeClaim lifecycle state derived from its conditions. @public */
export type NodeClaimState =
  | 'pending'
  | 'launched'
  | 'registered'
  | 'initialized'
  | 'drifted'
  | 'disrupting'
  | 'terminating'
  | 'failed';

/** `GET /v1/clusters/:cluster/nodepools` item. @public */
export interface NodePoolInfo {
  cluster: string;
  name: string;
  nodeClass?: { group: string; kind: string; name: string };
  health: Health;
  weight?: number;
  requirements: RequirementInfo[];
  taints: Array<{ key: string; value?: string; effect: string }>;
  labels: Record<string, string>;
  expireAfter?: string;
  usage: { cpu: ResourceUsage; memory: ResourceUsage; pods?: ResourceUsage };
  /** From `status.resources.nodes`. */
  nodeCount: number;
  nodesByCapacityType: Record<string, number>;
  nodeClaimsByState: Partial<Record<NodeClaimState, number>>;
  disruption: {
    consolidationPolicy?: string;
    consolidateAfter?: string;
    budgets: BudgetInfo[];
  };
  conditions: ConditionInfo[];
  /**
   * The last known state of a cluster whose data is stale: `health` is then `unknown` with a
   * `STALE_DATA` reason first, followed by the reasons of the last known state.
   */
  stale?: boolean;
}

/** `GET /v1/clusters/:cluster/nodeclaims` item. @public */
export interface NodeClaimInfo {
  name: string;
  nodePool?: string;
  state: NodeClaimState;
  instanceType?: string;
  capacityType?: string;
  zone?: string;
  nodeName?: string;
  createdAt?: string;
  drifted: boolean;
  disruptionReason?: string;
  conditions: ConditionInfo[];
}

/** `GET /v1/clusters/:cluster/nodeclaims` answer. @public */
export interface NodeClaimPage {
  cluster: string;
  items: NodeClaimInfo[];
  total: number;
  nextCursor?: string;
}

/** `GET /v1/clusters/:cluster/nodeclasses` item. @public */
export interface NodeClassInfo {
  name: string;
  ready: boolean;
  health: Health;
  role?: string;
  instanceProfile?: string;
  amiSelectorTerms: Array<Record<string, unknown>>;
  subnets: Array<{ id: string; zone?: string; zoneId?: string }>;
  securityGroups: Array<{ id: string; name?: string }>;
  amis: Array<{ id: string; name?: string; requirements?: RequirementInfo[] }>;
  conditions: ConditionInfo[];
}

/** One cluster's part of an entity summary. @public */
export interface ClusterSummary {
  cluster: string;
  title?: string;
  /** Set when the cluster could not be read; the other clusters are unaffected. */
  error?: ClusterError;
  health: HealthStatus;
  nodePools: NodePoolInfo[];
  /** NodePools named by `karpenter.sh/nodepools` that do not exist in the cluster. */
  missingNodePools?: string[];
  /** Interruptions of the last 24 h for the summary's NodePools (interruption issue). */
  interruptions?: InterruptionActivity;
  /** The cluster's interruption queue (interruption issue). */
  queue?: QueueStatus;
  /**
   * The age of the data: the oldest last successful sync (list, watch event or bookmark) of the
   * cluster's watched resources, not the time of the request.
   */
  updatedAt?: string;
  /**
   * Set when a watched resource has not synced for longer than `karpenter.staleAfter`: the
   * NodePools are the last known state (each marked `stale`), `health` is `unknown` and `error`
   * carries the last failure.
   */
  stale?: boolean;
}

/** `GET /v1/entities/:namespace/:kind/:name/summary`. @public */
export interface EntitySummary {
  entityRef: string;
  /**
   * `configured`: clusters resolved; `not-configured`: the entity has no usable annotation
   * (see `message` for the annotation to add).
   */
  status: 'configured' | 'not-configured';
  message?: string;
  /** How NodePools were chosen: annotations, or pods of the entity's workloads. */
  mapping?: 'annotations' | 'workloads';
  health: HealthStatus;
  clusters: ClusterSummary[];
  generatedAt: string;
}
