/**
 * Health of a NodePool (or a cluster's Karpenter as a whole).
 *
 * @public
 */
export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';

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
export interface HealthReason {
  code: HealthReasonCode;
  message: string;
  severity: HealthStatus;
}

/** A status with its reasons. @public */
export interface Health {
  status: HealthStatus;
  reasons: HealthReason[];
}

/** Thresholds of the health model (all configurable). @public */
export interface HealthThresholds {
  /** Usage/limit ratio at or above which a NodePool is degraded (default 0.9). */
  limitDegradedRatio: number;
  /** Usage/limit ratio at or above which a NodePool is unhealthy (default 1.0). */
  limitUnhealthyRatio: number;
  /** A NodeClaim not Launched after this long is stuck (default 5 min). */
  launchTimeoutMs: number;
  /** A NodeClaim not Registered after this long is stuck (default 15 min). */
  registrationTimeoutMs: number;
}

/** @public */
export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  limitDegradedRatio: 0.9,
  limitUnhealthyRatio: 1.0,
  launchTimeoutMs: 5 * 60 * 1000,
  registrationTimeoutMs: 15 * 60 * 1000,
};
