import { parseQuantity } from '@karpenter-backstage/plugin-karpenter-common';
import { consolidate } from '../cluster/controllers';
import {
  drift,
  interrupt,
  setRegistrationHealthy,
  setSubnetTag,
} from '../cluster/faults';
import { ClusterState, claimNames } from '../cluster/state';
import { reportUnschedulable } from '../k8s/scheduler';
import { launch } from '../karpenter/lifecycle';
import { offerings, usage } from '../karpenter/offerings';
import { reconcileNodePool } from '../karpenter/reconcilers';
import { addWorkload, ensureNamespace } from './build';
import { TimelineStep } from './types';

/** Runs one timeline action on its cluster. */
export function runTimelineStep(c: ClusterState, step: TimelineStep) {
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
      hitCpuLimit(c, step.nodePool!, step.count);
      break;
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
}

/**
 * Timeline `hitCpuLimit`: a burst of one-per-node pods (required anti-affinity on the hostname,
 * namespace `burst`) for the NodePool, more than its `spec.limits.cpu` leaves room for. Karpenter
 * launches NodeClaims until no allowed instance type fits under the limit; the pods left pending
 * get `FailedScheduling` from Karpenter (limits) and from the scheduler. Returns the new pods.
 */
export function hitCpuLimit(
  state: ClusterState,
  poolName: string,
  replicas?: number,
): string[] {
  const pool = state.store.get('nodepools', poolName);
  if (!pool) throw new Error(`no NodePool ${poolName} in ${state.name}`);
  const limit = parseQuantity(pool.spec.limits?.cpu);
  if (Number.isNaN(limit))
    throw new Error(`NodePool ${poolName} has no spec.limits.cpu`);
  const types = offerings(state, poolName).types;
  const smallest = Math.max(1, Math.min(...types.map(t => t.cpu)));
  const headroom = Math.max(0, limit - (usage(state, poolName).cpu ?? 0));
  const count =
    replicas ??
    claimNames(state, poolName).length + Math.floor(headroom / smallest) + 1;
  ensureNamespace(state.store, 'burst');
  const pods = addWorkload(state, {
    name: `${poolName}-burst`,
    namespace: 'burst',
    nodePool: poolName,
    replicas: count,
    onePerNode: true,
  });
  reconcileNodePool(state, poolName);
  reportUnschedulable(
    state,
    pods.filter(
      p =>
        !state.store.get('pods', p.metadata.name, p.metadata.namespace)?.spec
          .nodeName,
    ),
  );
  return pods.map(p => p.metadata.name);
}
