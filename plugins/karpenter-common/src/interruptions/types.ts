import type { KarpenterApiSchemas } from '../schema';

/*
 * The interruption history and queue types of the HTTP API: aliases of the schemas of its OpenAPI
 * spec (plugins/karpenter-backend/src/schema/schemas/interruptions.yaml), where their fields are
 * described.
 */

/**
 * One occurrence of a recorded Karpenter event. An event whose `count` grows is kept as several
 * occurrences (1, 2, 3, ...) of the same event uid.
 *
 * @public
 */
export type InterruptionRecord = KarpenterApiSchemas['InterruptionRecord'];

/** Counts of one time bucket. @public */
export type InterruptionBucket = KarpenterApiSchemas['InterruptionBucket'];

/** Totals over a time range. @public */
export type InterruptionTotals = KarpenterApiSchemas['InterruptionTotals'];

/**
 * One row of the "Latest" list: one NodeClaim (or Node / NodePool, when no NodeClaim is known)
 * and one reason, with the events folded into it.
 *
 * @public
 */
export type InterruptionNotice = KarpenterApiSchemas['InterruptionNotice'];

/** `GET /v1/clusters/:cluster/interruptions`. @public */
export type InterruptionHistoryResponse =
  KarpenterApiSchemas['InterruptionHistoryResponse'];

/** One sample of the interruption queue's attributes. @public */
export type QueueSample = KarpenterApiSchemas['QueueSample'];

/**
 * `ok`: the queue drains; `falling-behind`: messages waited longer than the window (Karpenter
 * is not keeping up); `error`: the queue could not be read; `not-configured`: no queue set;
 * `unknown`: no sample yet.
 *
 * @public
 */
export type QueueState = KarpenterApiSchemas['QueueState'];

/** `GET /v1/clusters/:cluster/queue` and the queue slot of a summary. @public */
export type QueueStatus = KarpenterApiSchemas['QueueStatus'];

/** The `interruptions` slot of a cluster in an entity summary: the last 24 h. @public */
export type InterruptionActivity = KarpenterApiSchemas['InterruptionActivity'];
