import { EventRecorder, KarpenterEvent, RawEvent } from './eventRecorder';

/**
 * The events Karpenter v1.14 publishes, one function per upstream constructor, with its
 * reason, type, message, involved objects and dedupe values:
 * - interruption: `aws/karpenter-provider-aws` `pkg/controllers/interruption/events/events.go`
 *   (the NodeClaim always, the Node only while it exists);
 * - disruption: `kubernetes-sigs/karpenter` `pkg/controllers/disruption/events/events.go`;
 * - provisioning: `kubernetes-sigs/karpenter` `pkg/controllers/provisioning/scheduling/events.go`.
 */
export interface Target {
  nodeClaim: { name: string; uid: string };
  /** Absent once the Node is gone: then only the NodeClaim gets the event. */
  node?: { name: string; uid: string };
}

/** The interruption reasons, their type and message (events.go of the AWS provider). */
export const INTERRUPTION_EVENTS = {
  SpotInterrupted: {
    type: 'Warning',
    message: 'Spot interruption warning was triggered',
  },
  CapacityReservationInstanceInterrupted: {
    type: 'Warning',
    message: 'Capacity Reservation interruption warning was triggered',
  },
  SpotRebalanceRecommendation: {
    type: 'Normal',
    message: 'Spot rebalance recommendation was triggered',
  },
  InstanceStopping: { type: 'Warning', message: 'Instance is stopping' },
  InstanceTerminating: { type: 'Warning', message: 'Instance is terminating' },
  InstanceUnhealthy: {
    type: 'Warning',
    message: 'An unhealthy warning was triggered for the instance',
  },
} as const;

/** */
export type InterruptionReason = keyof typeof INTERRUPTION_EVENTS;

function pair(
  t: Target,
  reason: string,
  type: 'Normal' | 'Warning',
  claimMessage: string,
  nodeMessage: string,
  extra: Partial<KarpenterEvent> & { dedupeExtra?: string[] } = {},
): KarpenterEvent[] {
  const { dedupeExtra = [], ...rest } = extra;
  const out: KarpenterEvent[] = [
    {
      involvedObject: {
        kind: 'NodeClaim',
        name: t.nodeClaim.name,
        uid: t.nodeClaim.uid,
      },
      type,
      reason,
      message: claimMessage,
      dedupeValues: [t.nodeClaim.uid, ...dedupeExtra],
      ...rest,
    },
  ];
  if (t.node)
    out.push({
      involvedObject: { kind: 'Node', name: t.node.name, uid: t.node.uid },
      type,
      reason,
      message: nodeMessage,
      dedupeValues: [t.node.uid, ...dedupeExtra],
      ...rest,
    });
  return out;
}

/** SpotInterrupted, InstanceStopping, … on the NodeClaim and (while it exists) the Node. */
export function interruptionEvents(
  reason: InterruptionReason,
  t: Target,
): KarpenterEvent[] {
  const { type, message } = INTERRUPTION_EVENTS[reason];
  return pair(t, reason, type, message, message);
}

/** `TerminatingOnInterruption`: the controller deleted the NodeClaim because of a message. */
export function terminatingOnInterruption(t: Target): KarpenterEvent[] {
  return pair(
    t,
    'TerminatingOnInterruption',
    'Warning',
    'Interruption triggered termination for the NodeClaim',
    'Interruption triggered termination for the Node',
  );
}

/**
 * A disruption reason as the disruption events print it: `cases.Title(language.Und,
 * cases.NoLower)`, the first letter upper-cased and the rest kept (`Underutilized`).
 */
const titled = (reason: string) =>
  reason.charAt(0).toUpperCase() + reason.slice(1);

/**
 * `DisruptionTerminating` (disruption `Terminating`): "Disrupting Node: <Reason>" on the Node and
 * "Disrupting NodeClaim: <Reason>" on the NodeClaim, the reason title-cased (`Underutilized`,
 * `Empty`, `Drifted`). Since v1.0 there is no "/Delete" or "/Replace" decision in the message.
 */
export function disruptionTerminating(
  t: Target,
  reason: string,
): KarpenterEvent[] {
  const title = titled(reason);
  return pair(
    t,
    'DisruptionTerminating',
    'Normal',
    `Disrupting NodeClaim: ${title}`,
    `Disrupting Node: ${title}`,
    { dedupeExtra: [reason] },
  );
}

/**
 * `ConsolidationCandidate` (1.9+, `ConsolidationCandidate` in events.go, published by
 * `Command.EmitCandidateEvents` in `pkg/controllers/disruption/types.go` when consolidation has
 * computed a replacement; deletions publish none): on the Node and the NodeClaim, "Consolidation
 * candidate: <command> (savings: $%.2f)". The command is `Command.StringForNode` of a
 * single-node command built without a Method (consolidation.go), "replace: [<node>] -> [1
 * replacement]"; `<node>` is the candidate's name (`StateNode.Name`: the Node's, once
 * registered). Savings: the candidate's price minus the replacement's (`EstimatedSavings`).
 */
export function consolidationCandidate(
  t: Target,
  savings: number,
): KarpenterEvent[] {
  const command = `replace: [${
    t.node?.name ?? t.nodeClaim.name
  }] -> [1 replacement]`;
  const message = `Consolidation candidate: ${command} (savings: $${savings.toFixed(
    2,
  )})`;
  return pair(t, 'ConsolidationCandidate', 'Normal', message, message, {
    dedupeExtra: [command],
  });
}

/**
 * `DisruptionLaunching` (disruption `Launching`, published by `queue.go` while the command waits
 * for its replacement): on the replacement NodeClaim, "Launching NodeClaim: <Reason>". Upstream
 * re-publishes it (and `DisruptionWaitingReadiness`) on every wait; its 2-min dedupe lets one
 * through per 2 min. The simulator publishes it once, at the launch: neither is a reason the
 * portal records.
 */
export function disruptionLaunching(
  nodeClaim: { name: string; uid: string },
  reason: string,
): KarpenterEvent {
  return {
    involvedObject: {
      kind: 'NodeClaim',
      name: nodeClaim.name,
      uid: nodeClaim.uid,
    },
    type: 'Normal',
    reason: 'DisruptionLaunching',
    message: `Launching NodeClaim: ${titled(reason)}`,
    dedupeValues: [nodeClaim.uid, reason],
  };
}

/** `Unconsolidatable` on Node and NodeClaim, deduped for 15 min. */
export function unconsolidatable(t: Target, message: string): KarpenterEvent[] {
  return pair(t, 'Unconsolidatable', 'Normal', message, message, {
    dedupeTimeoutMs: 15 * 60_000,
  });
}

/** `DisruptionBlocked` on Node and NodeClaim (pods, PDBs, do-not-disrupt). */
export function disruptionBlocked(
  t: Target,
  message: string,
): KarpenterEvent[] {
  return pair(t, 'DisruptionBlocked', 'Normal', message, message);
}

/**
 * `DisruptionBlocked` on the NodePool (`NodePoolBlockedForDisruptionReason`): a budget allows no
 * disruption for the reason; deduped for 1 min ("a NodePool's disruption budget can change every
 * minute").
 */
export function nodePoolBlockedForReason(
  nodePool: { name: string; uid: string },
  reason: string,
): KarpenterEvent {
  return {
    involvedObject: {
      kind: 'NodePool',
      name: nodePool.name,
      uid: nodePool.uid,
    },
    type: 'Normal',
    reason: 'DisruptionBlocked',
    message: `No allowed disruptions for disruption reason ${reason} due to blocking budget`,
    dedupeValues: [nodePool.uid, reason],
    dedupeTimeoutMs: 60_000,
  };
}

/** A pod as the scheduling events name it. */
export interface PodRef {
  name: string;
  namespace: string;
  uid: string;
}

const podObject = (pod: PodRef) => ({
  kind: 'Pod',
  name: pod.name,
  namespace: pod.namespace,
  uid: pod.uid,
});

/**
 * `Nominated` on a pod (kubernetes-sigs/karpenter v1.14.1 pkg/controllers/provisioning/scheduling/
 * events.go `NominatePodEvent`): "Pod should schedule on: nodeclaim/<x>" for a new or in-flight
 * NodeClaim, "…: nodeclaim/<x>, node/<y>" for one with a Node; deduped by the pod's uid (2 min).
 * Upstream also rate-limits nominations cluster-wide (5/s, burst 10); the simulator does not.
 */
export function nominatePodEvent(
  pod: PodRef,
  nodeClaim: string,
  node?: string,
): KarpenterEvent {
  return {
    involvedObject: podObject(pod),
    type: 'Normal',
    reason: 'Nominated',
    message: `Pod should schedule on: ${[
      `nodeclaim/${nodeClaim}`,
      ...(node ? [`node/${node}`] : []),
    ].join(', ')}`,
    dedupeValues: [pod.uid],
  };
}

/**
 * `FailedScheduling` on a pod (events.go `PodFailedToScheduleEvent`): "Failed to schedule pod,
 * <error>", deduped by the pod's uid for 5 min.
 */
export function podFailedToScheduleEvent(
  pod: PodRef,
  error: string,
): KarpenterEvent {
  return {
    involvedObject: podObject(pod),
    type: 'Warning',
    reason: 'FailedScheduling',
    message: `Failed to schedule pod, ${error}`,
    dedupeValues: [pod.uid],
    dedupeTimeoutMs: 5 * 60_000,
  };
}

/**
 * The message of `NoCompatibleInstanceTypes` (events.go), without a minValues incompatibility.
 */
export const NO_COMPATIBLE_INSTANCE_TYPES =
  'NodePool requirements filtered out all compatible available instance types';

/**
 * `NoCompatibleInstanceTypes` on a NodePool whose requirements leave no instance type (events.go
 * `NoCompatibleInstanceTypes`), deduped by its uid for 1 min.
 */
export function noCompatibleInstanceTypes(nodePool: {
  name: string;
  uid: string;
}): KarpenterEvent {
  return {
    involvedObject: {
      kind: 'NodePool',
      name: nodePool.name,
      uid: nodePool.uid,
    },
    type: 'Warning',
    reason: 'NoCompatibleInstanceTypes',
    message: NO_COMPATIBLE_INSTANCE_TYPES,
    dedupeValues: [nodePool.uid],
    dedupeTimeoutMs: 60_000,
  };
}

/** Messages of events of other reasons, used when a caller gives none. */
export const DEFAULT_MESSAGES: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(INTERRUPTION_EVENTS).map(([r, e]) => [r, e.message]),
  ),
  TerminatingOnInterruption:
    'Interruption triggered termination for the NodeClaim',
  DisruptionTerminating: 'Disrupting NodeClaim: Underutilized',
  DisruptionBlocked:
    'No allowed disruptions for disruption reason Underutilized due to blocking budget',
  Unconsolidatable: "Can't replace with a cheaper node",
};

/**
 * An event written through client-go's recorder (no Karpenter dedupe), e.g. a Pod's, or the
 * scheduler's (`reporter: 'default-scheduler'`). Without a message, the reason's Karpenter
 * message; without a type, Warning for failure-like reasons.
 */
export function emitEvent(recorder: EventRecorder, e: RawEvent) {
  return recorder.record({
    ...e,
    message: e.message ?? DEFAULT_MESSAGES[e.reason] ?? e.reason,
    type:
      e.type ??
      (/(Interrupted|Stopping|Terminating$|Unhealthy|Failed)/.test(e.reason)
        ? 'Warning'
        : 'Normal'),
  });
}
