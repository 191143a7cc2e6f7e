import { parseGoDuration } from '@karpenter-backstage/plugin-karpenter-common';
import { ValueCheck } from './check';

/** Go's time.Duration overflows past ~2,562,047 hours; stay well below. */
const MAX_MILLISECONDS = 100 * 365 * 24 * 3600 * 1000;

/** The CRD's h/m/s terms, at most 9 digits each. */
const HMS_TERMS = /^([0-9]{1,9}[hms])+$/;

/**
 * A duration check: the field's own pattern (the CRD's forms, digit counts bounded), then its
 * length as Karpenter reads it (Go's `time.ParseDuration`, which refuses what would overflow).
 */
function durationCheck(
  pattern: RegExp,
  allowNever: boolean,
  example: string,
): ValueCheck<string> {
  return value => {
    if (allowNever && value === 'Never') {
      return undefined;
    }
    if (!pattern.test(value)) {
      return `must be a duration such as ${example}${
        allowNever ? ' or "Never"' : ''
      }`;
    }
    const duration = parseGoDuration(value);
    if (!duration.valid || duration.milliseconds > MAX_MILLISECONDS) {
      return 'must be at most 100 years';
    }
    return undefined;
  };
}

/** `expireAfter` and `consolidateAfter`: Go-style duration in h/m/s, or `Never`. */
export const checkDurationOrNever = durationCheck(
  HMS_TERMS,
  true,
  '720h, 30s or 1h30m',
);

/** `terminationGracePeriod`: Go-style duration in h/m/s. */
export const checkDuration = durationCheck(HMS_TERMS, false, '48h or 30m');

/** A disruption budget's `duration`: hours and/or minutes only (cron has no seconds). */
export const checkBudgetDuration = durationCheck(
  /^([0-9]{1,7}h[0-9]{1,7}m|[0-9]{1,7}h|[0-9]{1,7}m)$/,
  false,
  '8h, 30m or 1h30m (hours and minutes only)',
);
