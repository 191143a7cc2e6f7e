import {
  countingSubject,
  InterruptionRecord,
  parseDisruptionReason,
  RecordedReason,
} from '@karpenter-backstage/plugin-karpenter-common';
import { Knex } from 'knex';
import { InterruptionQuery } from './InterruptionStore';

/** The table of event occurrences. @internal */
export const RECORDS = 'karpenter_interruptions';
/** The table of remembered Node → NodeClaim mappings. @internal */
export const NODES = 'karpenter_nodes';

/** A row of {@link RECORDS}. @internal */
export interface RecordRow {
  id: number | string;
  cluster: string;
  event_uid: string;
  occurrence: number;
  occurred_at: number | string;
  reason: string;
  type: string;
  message: string;
  node_claim: string | null;
  node: string | null;
  node_pool: string | null;
  capacity_type: string | null;
  instance_type: string | null;
  zone: string | null;
  subject: string | null;
  disruption_reason: string | null;
}

const opt = (value: string | null) => value ?? undefined;

/** A record as a row: its counting subject and disruption reason derived once, on insert. @internal */
export function toRow(r: InterruptionRecord): Omit<RecordRow, 'id'> {
  return {
    cluster: r.cluster,
    event_uid: r.eventUid,
    occurrence: r.occurrence,
    occurred_at: Date.parse(r.time),
    reason: r.reason,
    type: r.type,
    message: r.message,
    node_claim: r.nodeClaim ?? null,
    node: r.node ?? null,
    node_pool: r.nodePool ?? null,
    capacity_type: r.capacityType ?? null,
    instance_type: r.instanceType ?? null,
    zone: r.zone ?? null,
    subject: countingSubject(r),
    disruption_reason:
      r.disruptionReason ??
      (r.reason === 'DisruptionTerminating'
        ? parseDisruptionReason(r.message) ?? null
        : null),
  };
}

/** The object facts of a row (or of a grouped row that carries the same columns). @internal */
export function factsFromRow(
  row: Pick<
    RecordRow,
    | 'node_claim'
    | 'node'
    | 'node_pool'
    | 'capacity_type'
    | 'instance_type'
    | 'zone'
    | 'disruption_reason'
  >,
) {
  return {
    nodeClaim: opt(row.node_claim),
    node: opt(row.node),
    nodePool: opt(row.node_pool),
    capacityType: opt(row.capacity_type),
    instanceType: opt(row.instance_type),
    zone: opt(row.zone),
    disruptionReason: opt(row.disruption_reason),
  };
}

/** A row as a record. @internal */
export function fromRow(row: RecordRow): InterruptionRecord {
  return {
    cluster: row.cluster,
    eventUid: row.event_uid,
    occurrence: Number(row.occurrence),
    time: new Date(Number(row.occurred_at)).toISOString(),
    reason: row.reason as RecordedReason,
    type: row.type,
    message: row.message,
    ...factsFromRow(row),
  };
}

/** The records of a query's cluster, range and filters. @internal */
export function filtered(db: Knex, query: InterruptionQuery) {
  const q = db<RecordRow>(RECORDS)
    .where('cluster', query.cluster)
    .where('occurred_at', '>=', query.fromMs)
    .where('occurred_at', '<', query.toMs);
  if (query.nodePools) {
    q.whereIn('node_pool', query.nodePools);
  }
  if (query.reason) {
    q.where('reason', query.reason);
  }
  return q;
}
