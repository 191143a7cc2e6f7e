import type {
  EC2NodeClass,
  KarpenterObjectMeta,
  NodeClaim,
  NodePool,
} from '@karpenter-backstage/karpenter-crds';
import type {
  CoreV1Event,
  V1Node,
  V1NodeSelector,
  V1NodeSpec,
  V1ObjectMeta,
  V1Pod,
  V1PodSpec,
  V1PodStatus,
  V1Toleration,
} from '@kubernetes/client-node';
import { parseQuantity } from '@karpenter-backstage/plugin-karpenter-common';

/** Resources the cache holds. @internal */
export type CachedResource =
  | 'nodepools'
  | 'nodeclaims'
  | 'ec2nodeclasses'
  | 'nodes'
  | 'pods'
  | 'podevents';

/**
 * Object metadata as the API server serves it to a list or watch: JSON, so timestamps are
 * RFC 3339 strings (not the `Date`s of client-node's deserialized models), and always a name.
 *
 * @internal
 */
export type ServedMeta = KarpenterObjectMeta & { name: string };

/**
 * An object as the API server lists and watches it: `T` with {@link ServedMeta}. (The other
 * fields of client-node's models keep their `Date` types; the cache reads none of them.)
 *
 * @internal
 */
export type Served<
  T extends { metadata?: KarpenterObjectMeta | V1ObjectMeta },
> = Omit<T, 'metadata'> & { metadata: ServedMeta };

/** The objects of each cached resource as the API server serves them. @internal */
export interface ServedObjects {
  nodepools: Served<NodePool>;
  nodeclaims: Served<NodeClaim>;
  ec2nodeclasses: Served<EC2NodeClass>;
  nodes: Served<V1Node>;
  pods: Served<V1Pod>;
  podevents: Served<CoreV1Event>;
}

/** The metadata the cache keeps of every object. @internal */
export type CachedMeta = Pick<
  ServedMeta,
  | 'name'
  | 'namespace'
  | 'uid'
  | 'labels'
  | 'creationTimestamp'
  | 'deletionTimestamp'
  | 'generation'
  | 'resourceVersion'
>;

/** A cached NodePool: its metadata, spec and status. @internal */
export interface CachedNodePool extends Pick<NodePool, 'spec' | 'status'> {
  metadata: CachedMeta;
}

/** A cached EC2NodeClass: its metadata, spec and status. @internal */
export interface CachedEC2NodeClass
  extends Pick<EC2NodeClass, 'spec' | 'status'> {
  metadata: CachedMeta;
}

/** A cached NodeClaim: its NodeClass, its Node and its conditions. @internal */
export interface CachedNodeClaim {
  metadata: CachedMeta;
  spec: Pick<NodeClaim['spec'], 'nodeClassRef'>;
  status: Pick<
    NonNullable<NodeClaim['status']>,
    'nodeName' | 'providerID' | 'conditions' | 'capacity'
  >;
}

/** A cached Node: its metadata and providerID. @internal */
export interface CachedNode {
  metadata: CachedMeta;
  spec: Pick<V1NodeSpec, 'providerID'>;
}

/**
 * What scheduling a pod needs, kept only while the pod is not bound to a node (a pending pod is
 * explained from it; a running pod does not carry it).
 *
 * @internal
 */
export interface CachedPodScheduling {
  nodeSelector?: Record<string, string>;
  tolerations?: V1Toleration[];
  /** `affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`. */
  requiredNodeAffinity?: V1NodeSelector;
  /**
   * The pod's effective requests (kubernetes resource helpers: the larger of the containers' sum
   * and the largest init container, plus the overhead): cores and bytes.
   */
  requests: { cpu: number; memory: number };
  /** The `PodScheduled=False` condition: since when and the scheduler's words. */
  unschedulable?: { since?: string; reason?: string; message?: string };
}

/** A cached Pod: its metadata, its Node and its phase (and, while unbound, its scheduling). @internal */
export interface CachedPod {
  metadata: CachedMeta;
  spec: Pick<V1PodSpec, 'nodeName'>;
  status: Pick<V1PodStatus, 'phase'>;
  scheduling?: CachedPodScheduling;
}

/** A cached core/v1 Event about a Pod (Karpenter's `FailedScheduling` / `Nominated`). @internal */
export interface CachedPodEvent {
  metadata: CachedMeta;
  involvedObject: { namespace?: string; name?: string; uid?: string };
  reason?: string;
  message?: string;
  /** Epoch ms of the event's latest occurrence. */
  at: number;
}

/** The cached objects of each resource. @internal */
export interface CachedObjects {
  nodepools: CachedNodePool;
  nodeclaims: CachedNodeClaim;
  ec2nodeclasses: CachedEC2NodeClass;
  nodes: CachedNode;
  pods: CachedPod;
  podevents: CachedPodEvent;
}

function meta(m: ServedMeta): CachedMeta {
  return {
    name: m.name,
    namespace: m.namespace,
    uid: m.uid,
    labels: m.labels,
    creationTimestamp: m.creationTimestamp,
    deletionTimestamp: m.deletionTimestamp,
    generation: m.generation,
    resourceVersion: m.resourceVersion,
  };
}

/** NodePools and EC2NodeClasses: the metadata, spec and status. */
function whole<T extends { spec?: unknown; status?: unknown }>(
  obj: T & { metadata: ServedMeta },
): { metadata: CachedMeta; spec: T['spec']; status: T['status'] } {
  return {
    metadata: meta(obj.metadata),
    spec: obj.spec,
    status: obj.status,
  };
}

const TRIM: {
  [R in CachedResource]: (obj: ServedObjects[R]) => CachedObjects[R];
} = {
  nodes: obj => ({
    metadata: meta(obj.metadata),
    spec: { providerID: obj.spec?.providerID },
  }),
  pods: obj => ({
    metadata: meta(obj.metadata),
    spec: { nodeName: obj.spec?.nodeName },
    status: { phase: obj.status?.phase },
    ...(obj.spec && !obj.spec.nodeName
      ? { scheduling: podScheduling(obj) }
      : {}),
  }),
  podevents: obj => ({
    metadata: meta(obj.metadata),
    involvedObject: {
      namespace: obj.involvedObject?.namespace,
      name: obj.involvedObject?.name,
      uid: obj.involvedObject?.uid,
    },
    reason: obj.reason,
    message: obj.message,
    at: eventTime(obj),
  }),
  nodeclaims: obj => ({
    metadata: meta(obj.metadata),
    spec: { nodeClassRef: obj.spec?.nodeClassRef },
    status: {
      nodeName: obj.status?.nodeName,
      providerID: obj.status?.providerID,
      conditions: obj.status?.conditions,
      capacity: obj.status?.capacity,
    },
  }),
  nodepools: whole,
  ec2nodeclasses: whole,
};

type Quantities = Record<string, string | number> | undefined;

function requestOf(list: Quantities, resource: 'cpu' | 'memory'): number {
  const value = parseQuantity(list?.[resource] ?? 0);
  return Number.isFinite(value) ? value : 0;
}

/** The effective requests of a pod (k8s.io/component-helpers resource.PodRequests). */
function effectiveRequests(spec: V1PodSpec): CachedPodScheduling['requests'] {
  const total = { cpu: 0, memory: 0 };
  for (const resource of ['cpu', 'memory'] as const) {
    let sum = 0;
    for (const c of spec.containers ?? [])
      sum += requestOf(c.resources?.requests, resource);
    let init = 0;
    for (const c of spec.initContainers ?? [])
      init = Math.max(init, requestOf(c.resources?.requests, resource));
    total[resource] = Math.max(sum, init) + requestOf(spec.overhead, resource);
  }
  return total;
}

function podScheduling(obj: ServedObjects['pods']): CachedPodScheduling {
  const spec = obj.spec!;
  const scheduled = obj.status?.conditions?.find(
    c => c.type === 'PodScheduled',
  );
  const since = scheduled?.lastTransitionTime as unknown;
  return {
    nodeSelector: spec.nodeSelector,
    tolerations: spec.tolerations,
    requiredNodeAffinity:
      spec.affinity?.nodeAffinity
        ?.requiredDuringSchedulingIgnoredDuringExecution,
    requests: effectiveRequests(spec),
    ...(scheduled?.status === 'False'
      ? {
          unschedulable: {
            // served as JSON: an RFC 3339 string
            since: typeof since === 'string' ? since : undefined,
            reason: scheduled.reason,
            message: scheduled.message,
          },
        }
      : {}),
  };
}

/** The latest occurrence of a core/v1 Event (series, lastTimestamp, eventTime, creation). */
function eventTime(obj: ServedObjects['podevents']): number {
  // served as JSON: timestamps are strings
  const candidates = [
    obj.series?.lastObservedTime,
    obj.lastTimestamp,
    obj.eventTime,
    obj.firstTimestamp,
    obj.metadata.creationTimestamp,
  ] as unknown[];
  for (const c of candidates) {
    const ms = typeof c === 'string' ? Date.parse(c) : NaN;
    if (Number.isFinite(ms)) return ms;
  }
  return 0;
}

/** Keeps only the fields the plugin reads (no managedFields, images, annotations...). @internal */
export function trimObject<R extends CachedResource>(
  resource: R,
  obj: ServedObjects[R],
): CachedObjects[R] {
  return TRIM[resource](obj);
}
