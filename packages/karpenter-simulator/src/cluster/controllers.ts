import {
  ConsolidationDecision,
  consolidateOne,
  DISRUPTION_POLL_MS,
  DisruptionHost,
  disruptionPass,
} from '../karpenter/disruption';
import { Target } from '../karpenter/events';
import { InterruptionHost } from '../karpenter/interruption';
import {
  launch,
  LAUNCH_TO_INITIALIZED_MS,
  terminate,
} from '../karpenter/lifecycle';
import { offerings } from '../karpenter/offerings';
import { SeedHost } from '../karpenter/seedHistory';
import { uidOf } from '../k8s/ObjectStore';
import { hashCode } from '../model/random';
import { ClusterState, claimNames } from './state';

/** How often the simulated API server deletes expired Events (simulated time). */
const EXPIRY_SWEEP_MS = 5_000;

/** The API server's event TTL sweep and Karpenter's disruption polling, on simulated time. */
export function startControllers(state: ClusterState) {
  const sweep = () => {
    state.recorder.expire();
    state.ctx.schedule(EXPIRY_SWEEP_MS, sweep);
  };
  state.ctx.schedule(EXPIRY_SWEEP_MS, sweep);
  const poll = () => {
    disruptionPass(disruptionHost(state));
    state.ctx.schedule(DISRUPTION_POLL_MS, poll);
  };
  state.ctx.schedule(DISRUPTION_POLL_MS, poll);
}

/**
 * Consolidation: a NodeClaim of the pool (a Consolidatable one when there is one) is disrupted
 * and removed without replacement (`delete`) or replaced by a cheaper one (`replace`); undefined
 * when the NodePool's budget blocks it or nothing cheaper fits.
 */
export function consolidate(
  state: ClusterState,
  pool: string,
  decision: ConsolidationDecision = 'delete',
): string | undefined {
  return consolidateOne(disruptionHost(state), pool, decision);
}

/** A NodeClaim's price in the simulator's price table (its zone for spot, its region else). */
function priceOf(
  state: ClusterState,
  type: string,
  capacityType: string,
  zone: string,
): number | undefined {
  return capacityType === 'spot'
    ? state.prices?.spot(zone, type)
    : state.prices?.onDemand(state.region, type);
}

/**
 * The replacement consolidation picks for a NodeClaim: of its NodePool's instance types, the
 * dearest one cheaper than its own in its zone and capacity type (the next size down). A
 * simplification of upstream: `consolidation.go` keeps the instance types cheaper than the
 * candidate (`RemoveInstanceTypeOptionsByPriceAndMinValues`) that fit its pods and launches the
 * cheapest available; the simulator does not size pods, so it takes the next size down, and its
 * savings figure is the same difference (the candidate's price minus the replacement's).
 */
function cheaperReplacement(state: ClusterState, claim: string) {
  const f = state.facts.get(claim);
  if (!f) return undefined;
  const ownPrice = priceOf(state, f.type.name, f.capacityType, f.zone);
  if (ownPrice === undefined) return undefined;
  let best: { instanceType: string; price: number } | undefined;
  for (const t of offerings(state, f.nodePool).types) {
    const price = priceOf(state, t.name, f.capacityType, f.zone);
    if (price === undefined || price >= ownPrice) continue;
    if (!best || price > best.price) best = { instanceType: t.name, price };
  }
  return best && { ...best, ownPrice };
}

/** The NodeClaim and, while it exists, its Node, with uids (for Karpenter's events). */
function target(state: ClusterState, claim: string): Target | undefined {
  const f = state.facts.get(claim);
  const nc = state.store.get('nodeclaims', claim);
  if (!f || !nc) return undefined;
  const node = state.store.get('nodes', f.nodeName);
  return {
    nodeClaim: { name: claim, uid: uidOf(nc) },
    node: node && { name: f.nodeName, uid: uidOf(node) },
  };
}

/** The cluster as the interruption controller (`karpenter/interruption.ts`) sees it. */
export function interruptionHost(state: ClusterState): InterruptionHost {
  return {
    region: state.region,
    recorder: state.recorder,
    now: () => state.ctx.now(),
    sendMessage: body => state.queue.send(body),
    target: claim => target(state, claim),
    deleting: claim => !!state.facts.get(claim)?.terminating,
    instanceId: claim => state.facts.get(claim)!.instanceId,
    deleteAndReplace: claim => {
      const f = state.facts.get(claim)!;
      terminate(state, claim);
      state.ctx.schedule(2_000, () =>
        launch(state, f.nodePool, f.capacityType),
      );
    },
  };
}

/** The cluster as the disruption controller (`karpenter/disruption.ts`) sees it. */
export function disruptionHost(state: ClusterState): DisruptionHost {
  const pods = new Map<string, number>();
  for (const p of state.store.list('pods'))
    if (p.spec?.nodeName)
      pods.set(p.spec.nodeName, (pods.get(p.spec.nodeName) ?? 0) + 1);
  return {
    recorder: state.recorder,
    now: () => state.ctx.now(),
    nodePools: () => state.store.list('nodepools'),
    candidates: () =>
      [...state.facts]
        .filter(([, f]) => f.phase === 'initialized')
        .map(([name, f]) => ({
          name,
          nodePool: f.nodePool,
          consolidatable: f.consolidatableAt !== undefined,
          drifted: (
            state.store.get('nodeclaims', name)?.status?.conditions ?? []
          ).some(c => c.type === 'Drifted' && c.status === 'True'),
          deleting: !!f.terminating,
          pods: pods.get(f.nodeName) ?? 0,
        })),
    target: claim => target(state, claim),
    terminate: (claim, reason) => terminate(state, claim, 10_000, reason),
    cheaperReplacement: claim => cheaperReplacement(state, claim),
    launchReplacement: (claim, instanceType, initialized) => {
      const f = state.facts.get(claim);
      if (!f) return undefined;
      const name = launch(state, f.nodePool, f.capacityType, {
        instanceType,
        zone: f.zone,
      });
      const nc = name && state.store.get('nodeclaims', name);
      if (!name || !nc) return undefined;
      // queue.go terminates the candidates once every replacement is initialized
      state.ctx.schedule(LAUNCH_TO_INITIALIZED_MS + 1, () => {
        if (state.facts.get(name)?.phase === 'initialized') initialized();
      });
      return { name, uid: uidOf(nc) };
    },
  };
}

/** The cluster as seeding its event history (`karpenter/seedHistory.ts`) sees it. */
export function seedHost(state: ClusterState): SeedHost {
  return {
    recorder: state.recorder,
    now: state.ctx.now(),
    region: state.region,
    nodePools: state.store.list('nodepools'),
    claims: claimNames(state).map(name => {
      const f = state.facts.get(name)!;
      return {
        name,
        nodePool: f.nodePool,
        capacityType: f.capacityType,
        target: target(state, name)!,
      };
    }),
    seed: hashCode(`seed-events/${state.name}`),
  };
}
