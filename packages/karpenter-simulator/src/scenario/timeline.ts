import { parseQuantity } from '@karpenter-backstage/plugin-karpenter-common';
import { consolidate } from '../cluster/controllers';
import {
  drift,
  interrupt,
  setRegistrationHealthy,
  setSubnetTag,
} from '../cluster/faults';
import { ClusterState, claimNames } from '../cluster/state';
import {
  podKey,
  reportUnschedulable,
  reschedulePendingPods,
} from '../k8s/scheduler';
import { launch } from '../karpenter/lifecycle';
import { offerings, usage } from '../karpenter/offerings';
import { provision } from '../karpenter/provisioner';
import { reconcileNodePool } from '../karpenter/reconcilers';
import { addWorkload, ensureNamespace } from './build';
import { ScenarioWorkload, TimelineStep } from './types';

/** Runs one timeline action on its cluster; `hitCpuLimit` and `addPods` answer the new pods. */
export function runTimelineStep(
  c: ClusterState,
  step: TimelineStep,
): string[] | undefined {
  switch (step.action) {
    case 'interrupt':
      interrupt(c, { nodePool: step.nodePool, count: step.count });
      break;
    case 'rebalance':
      interrupt(c, {
        nodePool: step.nodePool,
        count: step.count,
        reason: 'SpotRebalanceRecommendation',
      });
      break;
    case 'drift':
      drift(c, step.nodePool!, step.count);
      break;
    case 'loseSubnets':
      setSubnetTag(c, step.nodeClass!, `${c.name}-missing`);
      break;
    case 'restoreSubnets':
      setSubnetTag(c, step.nodeClass!, c.name);
      break;
    case 'registrationFailure':
      setRegistrationHealthy(c, step.nodePool!, false);
      break;
    case 'registrationRecovered':
      setRegistrationHealthy(c, step.nodePool!, true);
      break;
    case 'scaleUp':
      for (let i = 0; i < (step.count ?? 1); i++) launch(c, step.nodePool!);
      break;
    case 'consolidate':
      consolidate(c, step.nodePool!, step.decision);
      break;
    case 'hitCpuLimit':
      return hitCpuLimit(c, step.nodePool!, step.count, step.workload);
    case 'addPods':
      return addPods(c, step);
    case 'pauseConsumer':
      c.consumerPaused = true;
      break;
    case 'resumeConsumer':
      c.consumerPaused = false;
      break;
    default:
      throw new Error(
        `unknown timeline action ${(step as TimelineStep).action}`,
      );
  }
  return undefined;
}

/** A workload of the cluster's scenario, by name. */
function workloadOf(state: ClusterState, name: string): ScenarioWorkload {
  const w = state.config.workloads?.find(x => x.name === name);
  if (!w) throw new Error(`workload: no workload ${name} in ${state.name}`);
  return w;
}

/**
 * Timeline `hitCpuLimit`: a burst of one-per-node pods (required anti-affinity on the hostname;
 * the workload's labels and namespace, or `<pool>-burst` in namespace `burst`) for the NodePool,
 * more than its `spec.limits.cpu` leaves room for. Karpenter launches NodeClaims until no allowed
 * instance type fits under the limit; the pods left pending get `FailedScheduling` from the
 * scheduler and from Karpenter (limits). Returns the new pods.
 */
export function hitCpuLimit(
  state: ClusterState,
  poolName: string,
  replicas?: number,
  workload?: string,
): string[] {
  const pool = state.store.get('nodepools', poolName);
  if (!pool) throw new Error(`no NodePool ${poolName} in ${state.name}`);
  const limit = parseQuantity(pool.spec.limits?.cpu);
  if (Number.isNaN(limit))
    throw new Error(`NodePool ${poolName} has no spec.limits.cpu`);
  const base: Omit<ScenarioWorkload, 'nodePool' | 'replicas'> = workload
    ? workloadOf(state, workload)
    : { name: `${poolName}-burst`, namespace: 'burst' };
  const types = offerings(state, poolName).types;
  const smallest = Math.max(1, Math.min(...types.map(t => t.cpu)));
  const headroom = Math.max(0, limit - (usage(state, poolName).cpu ?? 0));
  const count =
    replicas ??
    claimNames(state, poolName).length + Math.floor(headroom / smallest) + 1;
  ensureNamespace(state.store, base.namespace);
  const pods = addWorkload(state, {
    ...base,
    nodePool: poolName,
    replicas: count,
    onePerNode: true,
  });
  reportUnschedulable(
    state,
    pods.filter(p => !p.spec.nodeName),
  );
  reconcileNodePool(state, poolName);
  return pods.map(p => p.metadata.name);
}

/**
 * Timeline `addPods`: `count` (default 1) pods selecting the NodePool (`karpenter.sh/nodepool`),
 * with the workload's labels and namespace (or `<nodePool>-pods` in `default`), tolerating the
 * NodePool's taints unless `tolerateTaints: false`, with the given `requests` (`none`: no
 * requests, and the kube-scheduler holds them back). The kube-scheduler places them, then
 * Karpenter provisions for what it leaves. Returns the new pods.
 */
export function addPods(state: ClusterState, step: TimelineStep): string[] {
  const w = step.workload ? workloadOf(state, step.workload) : undefined;
  const pool = step.nodePool ?? w?.nodePool;
  if (!pool) throw new Error('addPods: nodePool (or workload) is required');
  const count = step.count ?? 1;
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`count: a positive integer, not ${JSON.stringify(count)}`);
  const base = w ?? { name: `${pool}-pods`, namespace: 'default' };
  ensureNamespace(state.store, base.namespace);
  const pods = addWorkload(
    state,
    { ...base, nodePool: pool, replicas: count, onePerNode: false },
    {
      requests: step.requests,
      tolerateTaints: step.tolerateTaints,
      unbound: true,
    },
  );
  if (step.requests === 'none')
    for (const p of pods) state.schedulerHolds.add(podKey(p));
  reschedulePendingPods(state, pool);
  provision(state);
  return pods.map(p => p.metadata.name);
}
