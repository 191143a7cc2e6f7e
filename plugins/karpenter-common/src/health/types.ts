import type { KarpenterApiSchemas } from '../schema';

/**
 * The health statuses, from best to worst (`unknown` ranks between healthy and degraded: it hides
 * no problem, but promises nothing).
 *
 * @public
 */
export const HEALTH_STATUSES = [
  'healthy',
  'unknown',
  'degraded',
  'unhealthy',
] as const;

/**
 * Health of a NodePool (or a cluster's Karpenter as a whole).
 *
 * @public
 */
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/**
 * Machine-readable reason codes of the health model.
 *
 * @public
 */
export type HealthReasonCode =
  | 'NODEPOOL_NOT_READY'
  | 'NODEPOOL_VALIDATION_FAILED'
  | 'NODECLASS_NOT_READY'
  | 'NODECLASS_NOT_FOUND'
  | 'NODE_REGISTRATION_UNHEALTHY'
  | 'CPU_LIMIT_NEAR'
  | 'CPU_LIMIT_REACHED'
  | 'MEMORY_LIMIT_NEAR'
  | 'MEMORY_LIMIT_REACHED'
  | 'NODECLAIMS_NOT_LAUNCHED'
  | 'NODECLAIMS_NOT_REGISTERED'
  | 'NODECLAIMS_DRIFTED'
  | 'DISRUPTION_BLOCKED_BY_BUDGET'
  | 'INTERRUPTION_QUEUE_BACKLOG'
  | 'NO_STATUS'
  | 'STALE_DATA'
  | (string & {});

/**
 * One reason behind a status: `severity` is the status this reason alone implies (`healthy` for
 * informational reasons such as drifted NodeClaims being replaced).
 *
 * @public
 */
export type HealthReason = KarpenterApiSchemas['HealthReason'];

/** A status with its reasons. @public */
export type Health = KarpenterApiSchemas['Health'];

/** The worst of some statuses (`healthy` when none). @public */
export function worstStatus(statuses: Iterable<HealthStatus>): HealthStatus {
  let worst: HealthStatus = 'healthy';
  for (const s of statuses)
    if (HEALTH_STATUSES.indexOf(s) > HEALTH_STATUSES.indexOf(worst)) worst = s;
  return worst;
}
