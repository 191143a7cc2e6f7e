import {
  InterruptionRecord,
  isRecordedReason,
  parseDisruptionReason,
} from '@karpenter-backstage/plugin-karpenter-common';
import { InvolvedObjectFacts, KubeEvent } from './types';

const iso = (value: string | Date | undefined) =>
  value === undefined ? undefined : new Date(value).toISOString();

/**
 * The kinds of object whose events are counted. Some provider versions also record
 * `SpotInterrupted` on every Pod of the interrupted Node (aws/karpenter-provider-aws
 * `pkg/controllers/interruption/events/events.go`, `SpotInterrupted(pods, node, nodeClaim)`):
 * those copies would count every Pod as an interruption, so they are not kept.
 */
const SUBJECT_KINDS = new Set(['NodeClaim', 'Node', 'NodePool']);

/**
 * Whether an event is one the recorder keeps: a recorded reason, with a uid, about a NodeClaim,
 * Node or NodePool.
 *
 * @internal
 */
export function isRecordable(event: KubeEvent): boolean {
  return (
    Boolean(event.metadata?.uid) &&
    isRecordedReason(event.reason) &&
    SUBJECT_KINDS.has(event.involvedObject?.kind ?? '')
  );
}

/**
 * The occurrences of an event not stored yet: occurrence numbers `known + 1 .. count`. The first
 * occurrence happened at `firstTimestamp`, the newest at `lastTimestamp`; occurrences a watch
 * missed in between are dated at `lastTimestamp`.
 *
 * @internal
 */
export function toRecords(
  cluster: string,
  event: KubeEvent,
  knownOccurrence: number,
  facts: InvolvedObjectFacts,
): InterruptionRecord[] {
  if (!isRecordable(event)) {
    return [];
  }
  const count = Math.max(1, Number(event.count ?? 1));
  const last =
    iso(event.lastTimestamp) ??
    iso(event.eventTime) ??
    iso(event.firstTimestamp);
  const first = iso(event.firstTimestamp) ?? last;
  if (!last || !first) {
    return [];
  }
  const involved = event.involvedObject ?? {};
  const records: InterruptionRecord[] = [];
  for (
    let occurrence = knownOccurrence + 1;
    occurrence <= count;
    occurrence++
  ) {
    records.push({
      cluster,
      eventUid: event.metadata.uid!,
      occurrence,
      time: occurrence === 1 ? first : last,
      reason: event.reason as InterruptionRecord['reason'],
      type: event.type ?? 'Normal',
      message: event.message ?? '',
      nodeClaim:
        facts.nodeClaim ??
        (involved.kind === 'NodeClaim' ? involved.name : undefined),
      node:
        facts.node ?? (involved.kind === 'Node' ? involved.name : undefined),
      nodePool:
        facts.nodePool ??
        (involved.kind === 'NodePool' ? involved.name : undefined),
      capacityType: facts.capacityType,
      instanceType: facts.instanceType,
      zone: facts.zone,
      disruptionReason:
        event.reason === 'DisruptionTerminating'
          ? parseDisruptionReason(event.message ?? '')
          : undefined,
    });
  }
  return records;
}
