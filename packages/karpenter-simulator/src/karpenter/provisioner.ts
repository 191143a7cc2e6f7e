import { ClusterState, claimNames, nodesOf } from '../cluster/state';
import { freeNodesFor, podsByNode } from '../k8s/scheduler';
import type { SimPod } from '../k8s/types';
import { onePerNodeSelector } from '../model/scheduling';
import { emitEvent } from './events';
import { launch } from './lifecycle';
import { offerings } from './offerings';

/**
 * Like Karpenter's provisioner, for a Ready NodePool: pending pods whose nodeSelector names it
 * get NodeClaims — one per 3 pods when the NodePool has none yet, and one per one-per-node pod
 * that no node (running or launching) can take. Pods a new NodeClaim is for get `Nominated`;
 * when no instance type fits the requirements or `spec.limits`, the pods left without capacity
 * get Karpenter's `FailedScheduling` ("Failed to schedule pod, all available instance types
 * exceed limits for nodepool: ...").
 */
export function provisionForPending(state: ClusterState, name: string) {
  const pool = state.store.get('nodepools', name);
  const ready =
    pool?.status?.conditions?.find(c => c.type === 'Ready')?.status === 'True';
  if (!ready || state.provisioning.has(name)) return;
  const pending = state.store
    .list('pods')
    .filter(
      p =>
        !p.spec.nodeName &&
        p.spec.nodeSelector?.['karpenter.sh/nodepool'] === name,
    );
  if (!pending.length) return;
  const claims = claimNames(state, name);
  const launching = claims.filter(c => {
    const phase = state.facts.get(c)!.phase;
    return phase === 'pending' || phase === 'launched';
  }).length;
  const nodes = nodesOf(state, name);
  const regular = pending.filter(p => !onePerNodeSelector(p));
  // pods waiting for capacity, in the order new NodeClaims are for them
  const waiting: SimPod[][] = [];
  if (!claims.length)
    for (let i = 0; i < regular.length; i += 3)
      waiting.push(regular.slice(i, i + 3));
  const groups = new Map<string, SimPod[]>();
  for (const p of pending) {
    const selector = onePerNodeSelector(p);
    if (!selector) continue;
    const key = JSON.stringify(selector);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  if (groups.size) {
    const byNode = podsByNode(state.store);
    for (const group of groups.values()) {
      const selector = onePerNodeSelector(group[0])!;
      const freeNodes = freeNodesFor(nodes, byNode, undefined, selector).length;
      group
        .slice(freeNodes + launching)
        .forEach((p, i) => (waiting[i] = [...(waiting[i] ?? []), p]));
    }
  }
  if (!waiting.length) return;
  state.provisioning.add(name);
  try {
    let i = 0;
    for (; i < waiting.length; i++) {
      const claim = launch(state, name);
      if (!claim) break;
      for (const p of waiting[i])
        emitEvent(state.recorder, {
          involvedObject: {
            kind: 'Pod',
            name: p.metadata.name,
            namespace: p.metadata.namespace,
          },
          reason: 'Nominated',
          message: `Pod should schedule on: nodeclaim/${claim}`,
          type: 'Normal',
        });
    }
    if (i < waiting.length) {
      const refusal =
        offerings(state, name, { enforceLimits: true }).refusal ??
        `no capacity for nodepool "${name}"`;
      for (const p of waiting.slice(i).flat())
        emitEvent(state.recorder, {
          involvedObject: {
            kind: 'Pod',
            name: p.metadata.name,
            namespace: p.metadata.namespace,
          },
          reason: 'FailedScheduling',
          message: `Failed to schedule pod, ${refusal}`,
          type: 'Warning',
        });
    }
  } finally {
    state.provisioning.delete(name);
  }
}
