import { ClusterState } from '../cluster/state';
import {
  loadsByNode,
  NodeLoad,
  nodeRejections,
  SchedulingNode,
  schedulingNode,
  shapeOf,
  withPod,
} from '../k8s/scheduler';
import type { SimPod } from '../k8s/types';
import { nodeLabels } from '../model/builders';
import { addResources, podRequests } from '../model/resources';
import { onePerNodeSelector } from '../model/scheduling';
import {
  noCompatibleInstanceTypes,
  nominatePodEvent,
  podFailedToScheduleEvent,
  PodRef,
} from './events';
import { launch } from './lifecycle';
import {
  LimitedOfferings,
  limitedOfferings,
  NodeClaimTemplate,
  newNodeClaimFor,
  readyNodePools,
  templatesOf,
  typeAllocatable,
  typeFits,
} from './templates';

const POOL_LABEL = 'karpenter.sh/nodepool';

/** Pods a new NodeClaim is launched for at most, when they are not one-per-node (simulator's). */
const PODS_PER_NODECLAIM = 3;

/**
 * Pods Karpenter provisions for (pkg/utils/pod/scheduling.go `IsProvisionable`): unbound, and the
 * kube-scheduler has marked them `PodScheduled=False` with reason `Unschedulable`.
 */
function provisionable(pod: SimPod): boolean {
  return (
    !pod.spec.nodeName &&
    (pod.status.conditions ?? []).some(
      c => c.type === 'PodScheduled' && c.reason === 'Unschedulable',
    )
  );
}

const podRef = (pod: SimPod): PodRef => ({
  name: pod.metadata.name,
  namespace: pod.metadata.namespace ?? 'default',
  uid: pod.metadata.uid ?? '',
});

/** A node or in-flight NodeClaim a pod may be nominated for, with what is placed on it. */
interface Slot {
  claim: string;
  node?: string;
  target: SchedulingNode;
  load: NodeLoad;
  initialized: boolean;
}

/**
 * The cluster's nodes and launching NodeClaims as Karpenter's scheduler sees them (state nodes,
 * `MarkedForDeletion` ones left out), initialized first, then by name (scheduler.go
 * `sortExistingNodes`; a NodeClaim without a Node is named by the NodeClaim). The requests of the
 * pods bound to a node count against it; a NodeClaim still launching is taken at its instance
 * type's allocatable (upstream reads it from the NodeClaim once launched).
 */
function existingSlots(state: ClusterState): Slot[] {
  const loads = loadsByNode(state.store);
  const slots: Slot[] = [];
  for (const f of state.facts.values()) {
    if (f.terminating) continue;
    const registered = f.phase === 'registered' || f.phase === 'initialized';
    const node = registered ? state.store.get('nodes', f.nodeName) : undefined;
    if (registered && !node) continue;
    slots.push({
      claim: f.claimName,
      node: node?.metadata.name,
      target: node
        ? schedulingNode(node)
        : {
            name: f.claimName,
            labels: nodeLabels(f),
            taints: f.taints,
            allocatable: typeAllocatable(f.type),
          },
      load: (node && loads.get(node.metadata.name)) ?? {
        pods: [],
        requests: {},
      },
      initialized: f.phase === 'initialized',
    });
  }
  return slots.sort(
    (a, b) =>
      Number(b.initialized) - Number(a.initialized) ||
      (a.target.name < b.target.name ? -1 : 1),
  );
}

/**
 * Karpenter's provisioning run (kubernetes-sigs/karpenter v1.14.1 pkg/controllers/provisioning/
 * provisioner.go `Schedule`, scheduling/scheduler.go `Solve`, `Results.Record`), over every
 * provisionable pod of the cluster:
 * - no Ready NodePool (`ErrNodePoolsNotFound`): nothing is published (upstream only logs "no
 *   dynamic nodepools found");
 * - a Ready NodePool whose requirements leave no instance type gets `NoCompatibleInstanceTypes`
 *   and is left out;
 * - a pod an existing node or in-flight NodeClaim can take (taints, node selector, resources,
 *   one-per-node) is `Nominated` for it ("nodeclaim/<x>, node/<y>", or "nodeclaim/<x>");
 * - the others go to the first NodePool, by weight, that can take them: NodeClaims are launched,
 *   one per one-per-node pod and one per up to 3 other pods whose requests fit one instance type
 *   (the simulator's packing), and their pods are `Nominated` ("nodeclaim/<x>");
 * - a pod no NodePool can take, or left over when `spec.limits` stop the launches, gets
 *   `FailedScheduling` with every Ready NodePool's reason joined by "; " (`multierr.Combine`).
 */
export function provision(state: ClusterState) {
  if (state.provisioning) return;
  const pending = state.store.list('pods').filter(provisionable);
  if (!pending.length) return;
  const pools = readyNodePools(state);
  if (!pools) return;
  state.provisioning = true;
  try {
    const { templates, dropped } = templatesOf(pools, state);
    for (const pool of dropped)
      state.recorder.publish(
        noCompatibleInstanceTypes({
          name: pool.metadata.name,
          uid: pool.metadata.uid ?? '',
        }),
      );
    const slots = existingSlots(state);
    // a pod selecting a NodePool can only go to that NodePool's nodes: look there only
    const byPool = new Map<string, Slot[]>();
    for (const s of slots) {
      const pool = s.target.labels[POOL_LABEL];
      byPool.set(pool, [...(byPool.get(pool) ?? []), s]);
    }
    const limited = limitedOfferings(state);
    const waiting = new Map<NodeClaimTemplate, SimPod[]>();
    // pods of one shape get the same answers: no slot (slots only fill up during the run) and
    // the same NodePool verdict (limits only change when the launches below run)
    const refused = new Set<string>();
    const verdicts = new Map<string, ReturnType<typeof newNodeClaimFor>>();
    for (const pod of pending) {
      const pool = pod.spec.nodeSelector?.[POOL_LABEL];
      const shape = shapeOf(state, pod);
      const slot = refused.has(shape)
        ? undefined
        : (pool === undefined ? slots : byPool.get(pool) ?? []).find(
            s => !nodeRejections(pod, s.target, s.load).length,
          );
      if (!slot) refused.add(shape);
      if (slot) {
        slot.load = withPod(slot.load, pod);
        state.recorder.publish(
          nominatePodEvent(podRef(pod), slot.claim, slot.node),
        );
        continue;
      }
      const verdict =
        verdicts.get(shape) ?? newNodeClaimFor(limited, templates, pod);
      verdicts.set(shape, verdict);
      if ('template' in verdict)
        waiting.set(verdict.template, [
          ...(waiting.get(verdict.template) ?? []),
          pod,
        ]);
      else
        state.recorder.publish(
          podFailedToScheduleEvent(podRef(pod), verdict.error),
        );
    }
    for (const template of templates) {
      const pods = waiting.get(template);
      if (pods) launchFor(state, limited, templates, template, pods);
    }
  } finally {
    state.provisioning = false;
  }
}

/** The pods' summed requests. */
const total = (pods: SimPod[]) =>
  pods.reduce((sum, p) => addResources(sum, podRequests(p)), {});

/**
 * The NodeClaims for a NodePool's pods: up to {@link PODS_PER_NODECLAIM} other pods per
 * NodeClaim while their requests fit one instance type within the limits, and the i-th pod of
 * each one-per-node group on the i-th NodeClaim (a new one where it would not fit).
 */
function nodeClaimGroups(
  limited: LimitedOfferings,
  pool: string,
  pods: SimPod[],
): SimPod[][] {
  const types = limited.of(pool).types;
  const fitsOne = (group: SimPod[]) => {
    const requests = total(group);
    return types.some(t => typeFits(t, requests));
  };
  const groups: SimPod[][] = [];
  for (const pod of pods.filter(p => !onePerNodeSelector(p))) {
    const last = groups[groups.length - 1];
    if (last && last.length < PODS_PER_NODECLAIM && fitsOne([...last, pod]))
      last.push(pod);
    else groups.push([pod]);
  }
  const bySelector = new Map<string, SimPod[]>();
  for (const pod of pods) {
    const selector = onePerNodeSelector(pod);
    if (!selector) continue;
    const key = JSON.stringify(selector);
    bySelector.set(key, [...(bySelector.get(key) ?? []), pod]);
  }
  for (const [key, group] of bySelector)
    group.forEach((pod, i) => {
      const target = groups[i];
      const taken = target?.some(
        p => JSON.stringify(onePerNodeSelector(p)) === key,
      );
      if (target && !taken && fitsOne([...target, pod])) target.push(pod);
      else groups.push([pod]);
    });
  return groups;
}

/**
 * Launches the NodeClaims for a NodePool's pods and nominates them; pods whose NodeClaim cannot be
 * launched (the limits were reached meanwhile) get `FailedScheduling` with every NodePool's reason.
 */
function launchFor(
  state: ClusterState,
  limited: LimitedOfferings,
  templates: NodeClaimTemplate[],
  template: NodeClaimTemplate,
  pods: SimPod[],
) {
  for (const group of nodeClaimGroups(limited, template.name, pods)) {
    const requests = total(group);
    const claim = launch(state, template.name, undefined, {
      fits: t => typeFits(t, requests),
    });
    limited.forget(template.name);
    for (const pod of group) {
      if (claim) {
        state.recorder.publish(nominatePodEvent(podRef(pod), claim));
        continue;
      }
      const verdict = newNodeClaimFor(limited, templates, pod);
      if ('error' in verdict)
        state.recorder.publish(
          podFailedToScheduleEvent(podRef(pod), verdict.error),
        );
    }
  }
}
