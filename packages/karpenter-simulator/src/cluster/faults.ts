import {
  INTERRUPTION_KINDS,
  interruptNodeClaim,
  isInterruptionReason,
} from '../karpenter/interruption';
import { setClaimCondition } from '../karpenter/lifecycle';
import {
  reconcileNodeClass,
  reconcileNodePool,
} from '../karpenter/reconcilers';
import { condition } from '../model/conditions';
import { interruptionHost } from './controllers';
import { ClusterState, claimNames } from './state';

/** Which NodeClaims an interruption is for, and the notice. */
export interface InterruptOptions {
  nodeClaim?: string;
  nodePool?: string;
  count?: number;
  reason?: string;
}

/**
 * An EC2 notice (default a spot interruption warning) for some NodeClaims: the queue message,
 * and the interruption controller's handling (`karpenter/interruption.ts`). `reason` is the
 * Event reason of the notice (SpotInterrupted, SpotRebalanceRecommendation,
 * CapacityReservationInstanceInterrupted, InstanceStopping, InstanceTerminating,
 * InstanceUnhealthy); spot notices pick spot NodeClaims only.
 */
export function interrupt(
  state: ClusterState,
  opts: InterruptOptions = {},
): string[] {
  const reason = opts.reason ?? 'SpotInterrupted';
  if (!isInterruptionReason(reason))
    throw new Error(
      `reason: unknown interruption reason '${reason}' (known: ${Object.keys(
        INTERRUPTION_KINDS,
      ).join(', ')})`,
    );
  const spotOnly = INTERRUPTION_KINDS[reason].spotOnly;
  const candidates = opts.nodeClaim
    ? [opts.nodeClaim].filter(n => state.facts.has(n))
    : claimNames(state, opts.nodePool).filter(n => {
        const f = state.facts.get(n)!;
        return (
          f.phase === 'initialized' &&
          !f.terminating &&
          (!spotOnly || f.capacityType === 'spot')
        );
      });
  const picked: string[] = [];
  while (picked.length < (opts.count ?? 1) && candidates.length) {
    picked.push(candidates.splice(state.random.int(candidates.length), 1)[0]);
  }
  const host = interruptionHost(state);
  for (const claim of picked) interruptNodeClaim(host, claim, reason);
  return picked;
}

/** The first `count` NodeClaims of a NodePool get `Drifted=True` (NodePoolDrifted). */
export function drift(state: ClusterState, pool: string, count = 1) {
  for (const claim of claimNames(state, pool).slice(0, count)) {
    setClaimCondition(
      state,
      claim,
      condition(
        'Drifted',
        true,
        state.ctx.now(),
        'NodePoolDrifted',
        'NodePoolDrifted',
      ),
    );
  }
}

/**
 * Points an EC2NodeClass's subnet selector at another discovery tag (one no subnet has: the
 * subnets are lost; the cluster's name: restored) and reconciles it.
 */
export function setSubnetTag(
  state: ClusterState,
  nodeClass: string,
  tag: string,
) {
  state.store.update('ec2nodeclasses', nodeClass, undefined, nc => {
    nc.spec!.subnetSelectorTerms = [
      { tags: { 'karpenter.sh/discovery': tag } },
    ];
  });
  reconcileNodeClass(state, nodeClass);
}

/**
 * Whether a NodePool's launched instances join the cluster (false: they stay launched,
 * `NodeRegistrationHealthy=False`).
 */
export function setRegistrationHealthy(
  state: ClusterState,
  pool: string,
  healthy: boolean,
) {
  state.registrationHealthy.set(pool, healthy);
  reconcileNodePool(state, pool);
}
