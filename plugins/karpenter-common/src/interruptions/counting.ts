import type { KarpenterApiSchemas } from '../schema';
import { RecordedReason } from './reasons';

/*
 * The counting model: what one recorded event means for the NodeClaim it is about. Shared by the
 * backend (its SQL counts with these reason lists) and the frontend (its texts).
 *
 * Upstream sources (Karpenter v1.14):
 * - aws/karpenter-provider-aws `pkg/controllers/interruption/events/events.go`: every notice
 *   reason is recorded once on the NodeClaim and once on its Node; the deletion that follows adds
 *   `TerminatingOnInterruption` on both. One EC2 notice for one instance is therefore four events.
 * - kubernetes-sigs/karpenter `pkg/controllers/disruption/events/events.go`: `DisruptionTerminating`
 *   ("Disrupting Node: <Reason>" / "Disrupting NodeClaim: <Reason>", the reason title-cased),
 *   `DisruptionBlocked` and `Unconsolidatable` (the latter re-recorded while a node stays
 *   unconsolidatable, growing the Event's `count`), `ConsolidationCandidate` (a computed
 *   replacement, with Karpenter's estimated savings; see `parseConsolidationCandidate`).
 */

/**
 * EC2 interruption notices: a NodeClaim with at least one of these in a window is an
 * *interrupted NodeClaim*.
 *
 * @public
 */
export const INTERRUPTION_NOTICE_REASONS = [
  'SpotInterrupted',
  'CapacityReservationInstanceInterrupted',
  'InstanceStopping',
  'InstanceTerminating',
  'InstanceUnhealthy',
] as const satisfies readonly RecordedReason[];

/** A warning that a spot instance may be interrupted soon; counted apart. @public */
export const REBALANCE_REASONS = [
  'SpotRebalanceRecommendation',
] as const satisfies readonly RecordedReason[];

/** The deletion that follows a notice: never an interruption of its own. @public */
export const INTERRUPTION_CONSEQUENCE_REASONS = [
  'TerminatingOnInterruption',
] as const satisfies readonly RecordedReason[];

/** Karpenter terminating a NodeClaim on purpose (consolidation, drift, expiry, repair). @public */
export const DISRUPTED_REASONS = [
  'DisruptionTerminating',
] as const satisfies readonly RecordedReason[];

/**
 * The disruption reasons of consolidation (`DisruptionTerminating` "Disrupting Node:
 * Underutilized/Delete"; kubernetes-sigs/karpenter pkg/apis/v1/nodepool.go DisruptionReason):
 * Karpenter removing or replacing a node because it is empty or underutilized.
 *
 * @public
 */
export const CONSOLIDATION_REASONS = ['Underutilized', 'Empty'] as const;

/**
 * What Karpenter decided but did not (yet) do — why it did not act, or a consolidation it
 * computed: shown, never counted as something that happened to a node.
 *
 * @public
 */
export const DISRUPTION_INFORMATION_REASONS = [
  'DisruptionBlocked',
  'Unconsolidatable',
  'ConsolidationCandidate',
] as const satisfies readonly RecordedReason[];

/**
 * What an event counts as: `interruption` (an EC2 notice), `rebalance` (a warning),
 * `termination` (the consequence of a notice), `disruption` (Karpenter terminated the
 * NodeClaim) or `information` (why Karpenter did not act).
 *
 * @public
 */
export type CountingKind =
  | 'interruption'
  | 'rebalance'
  | 'termination'
  | 'disruption'
  | 'information';

const KIND: Record<RecordedReason, CountingKind> = {
  SpotInterrupted: 'interruption',
  CapacityReservationInstanceInterrupted: 'interruption',
  InstanceStopping: 'interruption',
  InstanceTerminating: 'interruption',
  InstanceUnhealthy: 'interruption',
  SpotRebalanceRecommendation: 'rebalance',
  TerminatingOnInterruption: 'termination',
  DisruptionTerminating: 'disruption',
  DisruptionBlocked: 'information',
  Unconsolidatable: 'information',
  ConsolidationCandidate: 'information',
};

/** The counting kind of a recorded reason. @public */
export function countingKindOf(reason: RecordedReason): CountingKind {
  return KIND[reason];
}

/**
 * Distinct NodeClaims in a window: `interrupted` (at least one EC2 notice),
 * `rebalanceRecommended` (a rebalance recommendation), `disrupted` (terminated by Karpenter).
 *
 * @public
 */
export type NodeClaimCounts = KarpenterApiSchemas['NodeClaimCounts'];

/** The counted kinds, as the keys of {@link NodeClaimCounts}. @public */
export const NODE_CLAIM_COUNT_KINDS: ReadonlyArray<{
  key: keyof NodeClaimCounts;
  reasons: readonly RecordedReason[];
}> = [
  { key: 'interrupted', reasons: INTERRUPTION_NOTICE_REASONS },
  { key: 'rebalanceRecommended', reasons: REBALANCE_REASONS },
  { key: 'disrupted', reasons: DISRUPTED_REASONS },
];

/** Zero counts. @public */
export function emptyNodeClaimCounts(): NodeClaimCounts {
  return { interrupted: 0, rebalanceRecommended: 0, disrupted: 0 };
}

const DISRUPTING = /^Disrupting (?:Node|NodeClaim): ([A-Za-z]+)/;

/**
 * The disruption reason of a `DisruptionTerminating` message ("Disrupting Node: Underutilized",
 * older versions "…: Underutilized/Delete"), or undefined.
 *
 * @public
 */
export function parseDisruptionReason(message: string): string | undefined {
  return DISRUPTING.exec(message)?.[1];
}

/**
 * What an event is about, for counting distinct: its NodeClaim, else its Node, else its NodePool,
 * else the event itself.
 *
 * @public
 */
export function countingSubject(record: {
  eventUid: string;
  nodeClaim?: string;
  node?: string;
  nodePool?: string;
}): string {
  if (record.nodeClaim) return record.nodeClaim;
  if (record.node) return `node/${record.node}`;
  if (record.nodePool) return `nodepool/${record.nodePool}`;
  return `event/${record.eventUid}`;
}

/** The words for a disruption reason ("Underutilized" → "consolidation"). @public */
export function disruptionReasonLabel(reason: string): string {
  switch (reason) {
    case 'Underutilized':
    case 'Empty':
      return 'consolidation';
    case 'Drifted':
      return 'drift';
    case 'Expired':
      return 'expiry';
    case 'Unhealthy':
      return 'repair';
    default:
      return reason === 'unknown' ? 'reason unknown' : reason.toLowerCase();
  }
}

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** "2 nodes interrupted". @public */
export function interruptedText(n: number): string {
  return `${plural(n, 'node', 'nodes')} interrupted`;
}

/** "1 rebalance warning". @public */
export function rebalanceText(n: number): string {
  return plural(n, 'rebalance warning', 'rebalance warnings');
}

/**
 * "1 replaced by Karpenter (consolidation)", "3 replaced by Karpenter (consolidation 2, drift 1)".
 *
 * @public
 */
export function disruptedText(
  n: number,
  byReason: Record<string, number> = {},
): string {
  const labels = new Map<string, number>();
  for (const [reason, count] of Object.entries(byReason)) {
    const label = disruptionReasonLabel(reason);
    labels.set(label, (labels.get(label) ?? 0) + count);
  }
  const parts = [...labels.entries()].sort((a, b) => b[1] - a[1]);
  const detail =
    parts.length === 1
      ? parts[0][0]
      : parts.map(([label, count]) => `${label} ${count}`).join(', ');
  return `${n} replaced by Karpenter${detail ? ` (${detail})` : ''}`;
}
