import { ClusterState, nodesOf } from '../cluster/state';
import { emitEvent } from '../karpenter/events';
import { iso, setCondition } from '../model/conditions';
import {
  addResources,
  misfits,
  podRequests,
  quantities,
  Resources,
} from '../model/resources';
import {
  matchesLabels,
  onePerNodeSelector,
  Taint,
  tolerates,
} from '../model/scheduling';
import type { ObjectStore } from './ObjectStore';
import type { PodCondition, SimNode, SimPod } from './types';

/** A node as scheduling reads it (a Node, or for Karpenter also a NodeClaim still launching). */
export interface SchedulingNode {
  name: string;
  labels: Record<string, string>;
  taints?: Taint[];
  allocatable: Resources;
}

/** The pods bound to (or placed on) a node and what they request. */
export interface NodeLoad {
  pods: SimPod[];
  requests: Resources;
}

/** A pod's key in {@link ClusterState.schedulerHolds}. */
export const podKey = (pod: SimPod) =>
  `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;

/**
 * The reason the simulated kube-scheduler gives on every node that would fit a pod it holds back
 * (`addPods` with `requests: none`): the wording kube-scheduler uses for nodes a plugin rejected
 * (`node(s) didn't satisfy plugin(s) [<plugins>]`, pkg/scheduler/schedule_one.go), with a plugin
 * name that says what it is — a simulator choice standing for a scheduler that disagrees with
 * Karpenter, not upstream behaviour.
 */
export const HELD_REASON =
  "node(s) didn't satisfy plugin(s) [SimulatedDisagreement]";

const schedulingNodes = new WeakMap<SimNode, SchedulingNode>();

/** A Node as scheduling reads it (by object: the store replaces an object on every write). */
export function schedulingNode(node: SimNode): SchedulingNode {
  let out = schedulingNodes.get(node);
  if (!out) {
    out = {
      name: node.metadata.name,
      labels: node.metadata.labels ?? {},
      taints: node.spec?.taints,
      allocatable: quantities(node.status?.allocatable),
    };
    schedulingNodes.set(node, out);
  }
  return out;
}

/** The pods bound to each node and their summed requests, by node name. */
export function loadsByNode(store: ObjectStore): Map<string, NodeLoad> {
  const loads = new Map<string, NodeLoad>();
  for (const p of store.list('pods')) {
    if (!p.spec.nodeName) continue;
    const load = loads.get(p.spec.nodeName);
    if (!load) loads.set(p.spec.nodeName, withPod(undefined, p));
    else {
      load.pods.push(p);
      load.requests = addResources(load.requests, podRequests(p));
    }
  }
  return loads;
}

/** A node's load with one more pod. */
export function withPod(load: NodeLoad | undefined, pod: SimPod): NodeLoad {
  return {
    pods: [...(load?.pods ?? []), pod],
    requests: addResources(load?.requests ?? {}, podRequests(pod)),
  };
}

function addToLoad(loads: Map<string, NodeLoad>, node: string, pod: SimPod) {
  loads.set(node, withPod(loads.get(node), pod));
}

/**
 * Why a node cannot take a pod, in kube-scheduler's words, one Filter plugin after the other as
 * the default profile runs them (TaintToleration, NodeAffinity, NodeResourcesFit, InterPodAffinity)
 * and stopping at the first that fails; empty when it fits. Resources count the requests of the
 * pods bound to the node (`load`). Karpenter's check of an existing or in-flight node
 * (existingnode.go `CanAdd`: taints, resources, requirements, topology) asks the same questions.
 */
export function nodeRejections(
  pod: SimPod,
  node: SchedulingNode,
  load: NodeLoad | undefined,
): string[] {
  const taint = (node.taints ?? []).find(t => !tolerates(pod, t));
  if (taint)
    return [
      `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`,
    ];
  if (!matchesLabels(node.labels, pod.spec?.nodeSelector ?? {}))
    return ["node(s) didn't match Pod's node affinity/selector"];
  const short = misfits(podRequests(pod), node.allocatable, load?.requests);
  if (short.length)
    return short.map(r =>
      r === 'pods' ? 'Too many pods' : `Insufficient ${r}`,
    );
  const selector = onePerNodeSelector(pod);
  if (
    selector &&
    (load?.pods ?? []).some(
      p =>
        podKey(p) !== podKey(pod) && matchesLabels(p.metadata.labels, selector),
    )
  )
    return ["node(s) didn't match pod anti-affinity rules"];
  return [];
}

const shapes = new WeakMap<SimPod, string>();

/**
 * What {@link nodeRejections} reads of a pod (node selector, tolerations, requests, one-per-node
 * selector) and whether the scheduler holds it back: nodes refuse pods of one shape alike, so a
 * pass over many alike pods asks once.
 */
export function shapeOf(state: ClusterState, pod: SimPod): string {
  let shape = shapes.get(pod);
  if (shape === undefined) {
    shape = JSON.stringify([
      pod.spec.nodeSelector,
      pod.spec.tolerations,
      podRequests(pod),
      onePerNodeSelector(pod),
    ]);
    shapes.set(pod, shape);
  }
  return `${state.schedulerHolds.has(podKey(pod))}${shape}`;
}

/** A bound pod's status: Running and `PodScheduled=True` (the binding writes it). */
function bound(status: SimPod['status'], at: number): SimPod['status'] {
  return {
    ...status,
    phase: 'Running',
    conditions: setCondition<PodCondition>(status.conditions, {
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: iso(at),
    }),
  };
}

/** The status of a newly created pod the scheduler bound to a node (or did not try yet). */
export function newPodStatus(nodeName: string | undefined, at: number) {
  return nodeName ? bound({}, at) : { phase: 'Pending' };
}

/**
 * The simulated kube-scheduler: pending pods of a NodePool (and those of a lost node) go to a
 * random node of the NodePool that takes them (taints tolerated, requests within what the bound
 * pods leave, one-per-node pods only where no such pod is); held pods go nowhere. Pods left
 * pending get the scheduler's FailedScheduling and `PodScheduled=False`.
 */
export function reschedulePendingPods(
  state: ClusterState,
  pool: string,
  lostNode?: string,
) {
  const nodes = nodesOf(state, pool)
    .map(n => state.store.get('nodes', n))
    .filter((n): n is SimNode => !!n)
    .map(schedulingNode);
  const loads = loadsByNode(state.store);
  const left: SimPod[] = [];
  // shapes no node took: loads only grow during the pass, so they stay refused
  const refused = new Set<string>();
  for (const pod of state.store.list('pods')) {
    const onLost = lostNode && pod.spec.nodeName === lostNode;
    const pending =
      !pod.spec.nodeName &&
      pod.spec.nodeSelector?.['karpenter.sh/nodepool'] === pool;
    if (!onLost && !pending) continue;
    const shape = shapeOf(state, pod);
    const candidates =
      state.schedulerHolds.has(podKey(pod)) || refused.has(shape)
        ? []
        : nodes.filter(n => !nodeRejections(pod, n, loads.get(n.name)).length);
    if (!candidates.length) refused.add(shape);
    const target = candidates.length
      ? candidates[state.random.int(candidates.length)].name
      : undefined;
    if (!target) {
      left.push(pod);
      continue;
    }
    const updated = state.store.update(
      'pods',
      pod.metadata.name,
      pod.metadata.namespace,
      p => {
        p.spec.nodeName = target;
        p.status = bound(p.status, state.ctx.now());
      },
    );
    addToLoad(loads, target, updated ?? pod);
  }
  reportUnschedulable(state, left);
}

/**
 * The kube-scheduler's verdict on pods no node can take: unbound, phase Pending, the condition
 * `PodScheduled=False` with reason `Unschedulable` and the scheduler's message (its
 * lastTransitionTime kept while the pod stays unschedulable: kubernetes pkg/scheduler/
 * schedule_one.go `handleSchedulingFailure` → `updatePod`, podutil `UpdatePodCondition`), and
 * `FailedScheduling` ("0/N nodes are available: ...") reported by `default-scheduler` through
 * the events.k8s.io API (eventTime, series).
 */
export function reportUnschedulable(state: ClusterState, pods: SimPod[]) {
  if (!pods.length) return;
  const nodes = state.store.list('nodes').map(schedulingNode);
  const loads = loadsByNode(state.store);
  const at = state.ctx.now();
  const messages = new Map<string, string | undefined>();
  for (const pod of pods) {
    const shape = shapeOf(state, pod);
    if (!messages.has(shape))
      messages.set(shape, schedulerMessage(state, pod, nodes, loads));
    const message = messages.get(shape);
    state.store.update('pods', pod.metadata.name, pod.metadata.namespace, p => {
      p.spec.nodeName = undefined;
      p.status = {
        ...p.status,
        phase: 'Pending',
        conditions: message
          ? setCondition<PodCondition>(p.status.conditions, {
              type: 'PodScheduled',
              status: 'False',
              lastProbeTime: null,
              lastTransitionTime: iso(at),
              reason: 'Unschedulable',
              message,
            })
          : p.status.conditions?.filter(c => c.type !== 'PodScheduled'),
      };
    });
    if (!message) continue;
    emitEvent(state.recorder, {
      involvedObject: {
        kind: 'Pod',
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
      },
      reason: 'FailedScheduling',
      message,
      type: 'Warning',
      reporter: 'default-scheduler',
    });
  }
}

/**
 * Why each node rejects the pod, in the scheduler's words (pkg/scheduler/framework `FitError`:
 * "0/N nodes are available: <count reason, sorted>. preemption: ..."); undefined when a node
 * fits. Preemption finds no victims on nodes short of resources (every pod has the same
 * priority) and is not helpful on the others.
 */
function schedulerMessage(
  state: ClusterState,
  pod: SimPod,
  nodes: SchedulingNode[],
  loads: Map<string, NodeLoad>,
): string | undefined {
  if (!nodes.length) return 'no nodes available to schedule pods';
  const held = state.schedulerHolds.has(podKey(pod));
  const counts = new Map<string, number>();
  let short = 0;
  for (const node of nodes) {
    const reasons = nodeRejections(pod, node, loads.get(node.name));
    if (!reasons.length && !held) return undefined;
    if (!reasons.length) reasons.push(HELD_REASON);
    if (
      reasons.some(r => r === 'Too many pods' || r.startsWith('Insufficient '))
    )
      short++;
    for (const why of reasons) counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  const n = nodes.length;
  const histogram = (entries: Array<[string, number]>) =>
    entries
      .filter(([, k]) => k > 0)
      .map(([why, k]) => `${k} ${why}`)
      .sort()
      .join(', ');
  const preemption = histogram([
    ['No preemption victims found for incoming pod', short],
    ['Preemption is not helpful for scheduling', n - short],
  ]);
  return `0/${n} nodes are available: ${histogram([
    ...counts,
  ])}. preemption: 0/${n} nodes are available: ${preemption}.`;
}
