/**
 * Event reasons Karpenter emits when an instance is being interrupted by EC2 (delivered to
 * Karpenter through the SQS interruption queue).
 *
 * @public
 */
export const INTERRUPTION_REASONS = [
  'SpotInterrupted',
  'SpotRebalanceRecommendation',
  'CapacityReservationInstanceInterrupted',
  'InstanceStopping',
  'InstanceTerminating',
  'InstanceUnhealthy',
  'TerminatingOnInterruption',
] as const;

/**
 * Event reasons Karpenter emits while disrupting nodes (consolidation, drift, expiry), when it
 * cannot, and (1.9+) when it has computed a consolidation with its estimated savings
 * (`ConsolidationCandidate`; kubernetes-sigs/karpenter `pkg/controllers/disruption/events/events.go`).
 *
 * @public
 */
export const DISRUPTION_REASONS = [
  'DisruptionTerminating',
  'DisruptionBlocked',
  'Unconsolidatable',
  'ConsolidationCandidate',
] as const;

/** @public */
export type InterruptionReason = (typeof INTERRUPTION_REASONS)[number];
/** @public */
export type DisruptionReason = (typeof DISRUPTION_REASONS)[number];
/** Any event reason the interruption recorder keeps. @public */
export type RecordedReason = InterruptionReason | DisruptionReason;

/** Every recorded reason. @public */
export const RECORDED_REASONS: readonly RecordedReason[] = [
  ...INTERRUPTION_REASONS,
  ...DISRUPTION_REASONS,
];

const recorded = new Set<string>(RECORDED_REASONS);
const interruption = new Set<string>(INTERRUPTION_REASONS);

/** Whether the recorder keeps events with this reason. @public */
export function isRecordedReason(
  reason: string | undefined,
): reason is RecordedReason {
  return reason !== undefined && recorded.has(reason);
}

/** Whether the reason is an EC2 interruption (as opposed to a Karpenter disruption). @public */
export function isInterruptionReason(
  reason: string | undefined,
): reason is InterruptionReason {
  return reason !== undefined && interruption.has(reason);
}
