import type { SimEvent } from './types';

/** core/v1 Event → events.k8s.io/v1 Event. */
export function toEventsV1(e: SimEvent) {
  return {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: e.metadata,
    eventTime: e.eventTime ?? null,
    reason: e.reason,
    note: e.message,
    type: e.type,
    regarding: e.involvedObject,
    reportingController: e.reportingComponent || 'karpenter',
    reportingInstance: e.reportingInstance || '',
    action: e.action ?? e.reason,
    series: e.series,
    deprecatedCount: e.count,
    deprecatedFirstTimestamp: e.firstTimestamp,
    deprecatedLastTimestamp: e.lastTimestamp,
    deprecatedSource: e.source,
  };
}
