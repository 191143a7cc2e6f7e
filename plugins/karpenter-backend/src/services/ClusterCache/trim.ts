import type {
  EC2NodeClass,
  KarpenterObjectMeta,
  NodeClaim,
  NodePool,
} from '@karpenter-backstage/karpenter-crds';
import type {
  V1Node,
  V1NodeSpec,
  V1ObjectMeta,
  V1Pod,
  V1PodSpec,
  V1PodStatus,
} from '@kubernetes/client-node';

/** Resources the cache holds. @internal */
export type CachedResource =
  | 'nodepools'
  | 'nodeclaims'
  | 'ec2nodeclasses'
  | 'nodes'
  | 'pods';

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

/** A cached Pod: its metadata, its Node and its phase. @internal */
export interface CachedPod {
  metadata: CachedMeta;
  spec: Pick<V1PodSpec, 'nodeName'>;
  status: Pick<V1PodStatus, 'phase'>;
}

/** The cached objects of each resource. @internal */
export interface CachedObjects {
  nodepools: CachedNodePool;
  nodeclaims: CachedNodeClaim;
  ec2nodeclasses: CachedEC2NodeClass;
  nodes: CachedNode;
  pods: CachedPod;
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

/** Keeps only the fields the plugin reads (no managedFields, images, annotations...). @internal */
export function trimObject<R extends CachedResource>(
  resource: R,
  obj: ServedObjects[R],
): CachedObjects[R] {
  return TRIM[resource](obj);
}
