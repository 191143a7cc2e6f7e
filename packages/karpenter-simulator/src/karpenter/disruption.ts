import { uidOf } from '../k8s/ObjectStore';
import type { StoredNodePool } from '../k8s/types';
import { parseDuration } from '../model/scheduling';
import { EventRecorder } from './eventRecorder';
import {
  consolidationCandidate,
  disruptionLaunching,
  disruptionTerminating,
  nodePoolBlockedForReason,
  Target,
  unconsolidatable,
} from './events';

/** Karpenter's disruption controller polls every 10 s (`pkg/controllers/disruption/controller.go`). */
export const DISRUPTION_POLL_MS = 10_000;

/** A reason a NodePool's disruption budget can be for. */
export type DisruptionReason = NonNullable<
  NonNullable<
    NonNullable<StoredNodePool['spec']['disruption']>['budgets']
  >[number]['reasons']
>[number];

/** One NodeClaim as the disruption controller sees it. */
export interface DisruptionCandidate {
  name: string;
  nodePool: string;
  consolidatable: boolean;
  drifted: boolean;
  deleting: boolean;
  /** Pods on its Node that would have to be rescheduled. */
  pods: number;
}

/** What the simulated disruption controller needs from the cluster. */
export interface DisruptionHost {
  recorder: EventRecorder;
  nodePools(): StoredNodePool[];
  candidates(): DisruptionCandidate[];
  target(claim: string): Target | undefined;
  /** Deletes the NodeClaim for a disruption (DisruptionReason condition, termination). */
  terminate(claim: string, reason: string): void;
  /**
   * A cheaper replacement for the NodeClaim: an instance type of its NodePool in its zone and
   * capacity type, priced below it (USD/h, the simulator's price table); undefined when none.
   */
  cheaperReplacement(
    claim: string,
  ): { instanceType: string; price: number; ownPrice: number } | undefined;
  /**
   * Launches a replacement NodeClaim of the candidate's NodePool, zone and capacity type;
   * `initialized` runs once it is initialized (never, when it does not register).
   */
  launchReplacement(
    claim: string,
    instanceType: string,
    initialized: () => void,
  ): { name: string; uid: string } | undefined;
  now(): number;
}

/** How consolidation removes a node: without replacement, or with a cheaper one. */
export type ConsolidationDecision = 'delete' | 'replace';

/**
 * Nodes a NodePool's budgets allow to be disrupted for a reason (`pkg/apis/v1/nodepool.go`,
 * `GetAllowedDisruptionsByReason`): the minimum over the active budgets that apply to the reason
 * (no `reasons` = all), a percentage rounded up. Budgets with a `schedule` are not evaluated by
 * the simulator (treated as inactive); no applicable budget allows everything.
 */
export function allowedDisruptions(
  pool: StoredNodePool | undefined,
  reason: DisruptionReason,
  numNodes: number,
): number {
  let allowed = Number.MAX_SAFE_INTEGER;
  for (const b of pool?.spec?.disruption?.budgets ?? []) {
    if (b.schedule || b.duration) continue;
    if (b.reasons?.length && !b.reasons.includes(reason)) continue;
    const nodes = String(b.nodes ?? '10%');
    const value = nodes.endsWith('%')
      ? Math.ceil((Number(nodes.slice(0, -1)) / 100) * numNodes)
      : Number(nodes);
    allowed = Math.min(allowed, Number.isFinite(value) ? value : 0);
  }
  return allowed;
}

/** The Unconsolidatable message for a candidate, if consolidation refuses it (`consolidation.go`). */
function unconsolidatableMessage(
  pool: StoredNodePool,
  c: DisruptionCandidate,
): string | undefined {
  const name = pool.metadata.name;
  if (parseDuration(pool.spec?.disruption?.consolidateAfter) === undefined)
    return `NodePool "${name}" has consolidation disabled`;
  if (c.pods === 0) return undefined; // Emptiness handles empty nodes
  if (pool.spec?.disruption?.consolidationPolicy === 'WhenEmpty')
    return `NodePool "${name}" has consolidation policy WhenEmpty, but node is not empty`;
  return undefined;
}

/**
 * One pass of the disruption controller over the cluster, for the events it publishes:
 * - `Unconsolidatable` on Node and NodeClaim for each candidate consolidation refuses
 *   (consolidation disabled; WhenEmpty with pods) — re-published every pass, so Karpenter's 15-min
 *   dedupe lets one through each 15 min and client-go grows the same Event's `count`;
 * - `DisruptionBlocked` on each NodePool with nodes whose budget allows 0 disruptions for a reason
 *   that has candidates in the cluster (`helpers.go`, `BuildDisruptionBudgetMapping`).
 */
export function disruptionPass(host: DisruptionHost) {
  const at = host.now();
  const pools = new Map(host.nodePools().map(p => [p.metadata.name, p]));
  const live = host.candidates().filter(c => !c.deleting);
  const reasons = new Set<DisruptionReason>();
  const nodesPerPool = new Map<string, number>();
  for (const c of live) {
    nodesPerPool.set(c.nodePool, (nodesPerPool.get(c.nodePool) ?? 0) + 1);
    const pool = pools.get(c.nodePool);
    if (!pool) continue;
    if (c.drifted) reasons.add('Drifted');
    if (!c.consolidatable) continue;
    if (c.pods === 0) reasons.add('Empty');
    const message = unconsolidatableMessage(pool, c);
    if (message) {
      const target = host.target(c.name);
      if (target)
        for (const e of unconsolidatable(target, message))
          host.recorder.publish(e, at);
    } else if (c.pods > 0) reasons.add('Underutilized');
  }
  for (const reason of reasons)
    for (const [name, n] of nodesPerPool) {
      const pool = pools.get(name);
      if (pool && allowedDisruptions(pool, reason, n) === 0)
        host.recorder.publish(
          nodePoolBlockedForReason({ name, uid: uidOf(pool) }, reason),
          at,
        );
    }
}

/**
 * Consolidation of one NodeClaim of the pool (a Consolidatable one when there is one). When the
 * NodePool's budget allows no `Underutilized` disruption: `DisruptionBlocked` on the NodePool and
 * nothing happens (undefined). Otherwise (`pkg/controllers/disruption/queue.go`):
 * - `delete`: the NodeClaim is deleted and `DisruptionTerminating` published on Node and
 *   NodeClaim after the delete;
 * - `replace`: `ConsolidationCandidate` on Node and NodeClaim with the estimated savings (its
 *   price minus the cheaper replacement's), `DisruptionLaunching` on the replacement NodeClaim,
 *   and once that is initialized the candidate's deletion and `DisruptionTerminating`; with no
 *   cheaper instance type, `Unconsolidatable` "Can't replace with a cheaper node" and nothing
 *   happens.
 */
export function consolidateOne(
  host: DisruptionHost,
  poolName: string,
  decision: ConsolidationDecision = 'delete',
): string | undefined {
  const all = host.candidates().filter(c => c.nodePool === poolName);
  const live = all.filter(c => !c.deleting);
  const candidate = live.find(c => c.consolidatable) ?? live[0];
  if (!candidate) return undefined;
  const pool = host.nodePools().find(p => p.metadata.name === poolName);
  const reason = 'Underutilized';
  const allowed = allowedDisruptions(pool, reason, all.length);
  if (allowed === 0 && pool) {
    host.recorder.publish(
      nodePoolBlockedForReason({ name: poolName, uid: uidOf(pool) }, reason),
    );
    return undefined;
  }
  if (allowed - (all.length - live.length) <= 0) return undefined;
  if (decision === 'delete') {
    disrupt(host, candidate.name, reason);
    return candidate.name;
  }
  // like Karpenter's single-node consolidation, the first candidate a cheaper node can replace
  const ordered = [candidate, ...live.filter(c => c !== candidate)];
  const chosen = ordered
    .map(c => ({ c, replacement: host.cheaperReplacement(c.name) }))
    .find(x => x.replacement);
  if (!chosen?.replacement) {
    const refused = host.target(candidate.name);
    if (refused)
      for (const e of unconsolidatable(
        refused,
        "Can't replace with a cheaper node",
      ))
        host.recorder.publish(e);
    return undefined;
  }
  return replace(host, chosen.c.name, chosen.replacement, reason);
}

/** The NodeClaim's deletion, then `DisruptionTerminating` on Node and NodeClaim (queue.go). */
function disrupt(host: DisruptionHost, claim: string, reason: string) {
  const target = host.target(claim);
  host.terminate(claim, reason);
  if (target)
    for (const e of disruptionTerminating(target, reason))
      host.recorder.publish(e);
}

/** A replacement: the candidate event, the replacement's launch, the candidate's deletion once it is initialized. */
function replace(
  host: DisruptionHost,
  claim: string,
  replacement: { instanceType: string; price: number; ownPrice: number },
  reason: string,
): string | undefined {
  const target = host.target(claim);
  if (target)
    for (const e of consolidationCandidate(
      target,
      replacement.ownPrice - replacement.price,
    ))
      host.recorder.publish(e);
  const launched = host.launchReplacement(claim, replacement.instanceType, () =>
    disrupt(host, claim, reason),
  );
  if (!launched) return undefined;
  host.recorder.publish(disruptionLaunching(launched, reason));
  return claim;
}
