/** Thresholds of the health model (all configurable). */
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

/** The defaults of the thresholds (the `karpenter.health` config keys override them). */
export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  limitDegradedRatio: 0.9,
  limitUnhealthyRatio: 1.0,
  launchTimeoutMs: 5 * 60 * 1000,
  registrationTimeoutMs: 15 * 60 * 1000,
};
