import { ClusterState, nodesOf } from '../cluster/state';
import { emitEvent } from '../karpenter/events';
import {
  matchesLabels,
  onePerNodeSelector,
  Taint,
  tolerates,
} from '../model/scheduling';
import type { ObjectStore } from './ObjectStore';
import type { SimNode, SimPod } from './types';

/**
 * The simulated kube-scheduler: pending pods of a NodePool (and those of a lost node) go to a
 * random node of the NodePool — one-per-node pods only to a node without such a pod. Pods left
 * pending get a FailedScheduling event.
 */
export function reschedulePendingPods(
  state: ClusterState,
  pool: string,
  lostNode?: string,
) {
  const nodes = nodesOf(state, pool);
  let byNode: Map<string, SimPod[]> | undefined;
  const left: SimPod[] = [];
  for (const pod of state.store.list('pods')) {
    const onLost = lostNode && pod.spec.nodeName === lostNode;
    const pending =
      !pod.spec.nodeName &&
      pod.spec.nodeSelector?.['karpenter.sh/nodepool'] === pool;
    if (!onLost && !pending) continue;
    const selector = onePerNodeSelector(pod);
    let candidates = nodes;
    if (selector) {
      byNode ??= podsByNode(state.store);
      candidates = freeNodesFor(nodes, byNode, pod, selector);
    }
    const target = candidates.length
      ? candidates[state.random.int(candidates.length)]
      : undefined;
    const updated = state.store.update(
      'pods',
      pod.metadata.name,
      pod.metadata.namespace,
      p => {
        p.spec.nodeName = target;
        p.status.phase = target ? 'Running' : 'Pending';
      },
    );
    if (target && byNode)
      byNode.set(target, [...(byNode.get(target) ?? []), pod]);
    if (!target) left.push(updated!);
  }
  reportUnschedulable(state, left);
}

/** The pods bound to each node, by node name. */
export function podsByNode(store: ObjectStore): Map<string, SimPod[]> {
  const byNode = new Map<string, SimPod[]>();
  for (const p of store.list('pods')) {
    if (!p.spec.nodeName) continue;
    byNode.set(p.spec.nodeName, [...(byNode.get(p.spec.nodeName) ?? []), p]);
  }
  return byNode;
}

/**
 * The nodes where no other pod matches a one-per-node pod's anti-affinity selector (with
 * `pod` undefined: where no pod matches it).
 */
export function freeNodesFor(
  nodes: string[],
  byNode: Map<string, SimPod[]>,
  pod: SimPod | undefined,
  selector: Record<string, string>,
): string[] {
  return nodes.filter(
    n =>
      !(byNode.get(n) ?? []).some(
        p => p !== pod && matchesLabels(p.metadata.labels, selector),
      ),
  );
}

/**
 * The kube-scheduler's `FailedScheduling` for pods no node can take ("0/N nodes are available:
 * ..."), reported by `default-scheduler` through the events.k8s.io API (eventTime, series).
 */
export function reportUnschedulable(state: ClusterState, pods: SimPod[]) {
  if (!pods.length) return;
  const nodes = state.store.list('nodes');
  const byNode = podsByNode(state.store);
  for (const pod of pods) {
    const message = schedulerMessage(pod, nodes, byNode);
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

/** Why each node rejects the pod, in the scheduler's words; undefined when a node fits. */
function schedulerMessage(
  pod: SimPod,
  nodes: SimNode[],
  byNode: Map<string, SimPod[]>,
): string | undefined {
  if (!nodes.length) return 'no nodes available to schedule pods';
  const counts = new Map<string, number>();
  const selector = onePerNodeSelector(pod);
  for (const node of nodes) {
    const taint = (node.spec?.taints ?? []).find(
      (t: Taint) => !tolerates(pod, t),
    );
    let why: string | undefined;
    if (taint)
      why = `node(s) had untolerated taint {${taint.key}: ${
        taint.value ?? ''
      }}`;
    else if (!matchesLabels(node.metadata.labels, pod.spec?.nodeSelector ?? {}))
      why = "node(s) didn't match Pod's node affinity/selector";
    else if (
      selector &&
      (byNode.get(node.metadata.name) ?? []).some(
        p => p !== pod && matchesLabels(p.metadata.labels, selector),
      )
    )
      why = "node(s) didn't match pod anti-affinity rules";
    if (!why) return undefined;
    counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  const n = nodes.length;
  const reasons = [...counts]
    .map(([why, k]) => `${k} ${why}`)
    .sort()
    .join(', ');
  return `0/${n} nodes are available: ${reasons}. preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`;
}
