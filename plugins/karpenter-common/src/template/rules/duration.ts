import { ValueCheck } from './names';

const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };

/** Go's time.Duration overflows past ~2,562,047 hours; stay well below. */
const MAX_SECONDS = 100 * 365 * 24 * 3600;

function totalSeconds(value: string): number {
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/([0-9]+)([hms])/g)) {
    total += Number(amount) * UNIT_SECONDS[unit];
  }
  return total;
}

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
    if (totalSeconds(value) > MAX_SECONDS) {
      return 'must be at most 100 years';
    }
    return undefined;
  };
}

/** `expireAfter` and `consolidateAfter`: Go-style duration in h/m/s, or `Never`. */
export const checkDurationOrNever = durationCheck(
  /^([0-9]{1,9}[hms])+$/,
  true,
  '720h, 30s or 1h30m',
);

/** `terminationGracePeriod`: Go-style duration in h/m/s. */
export const checkDuration = durationCheck(
  /^([0-9]{1,9}[hms])+$/,
  false,
  '48h or 30m',
);

/** A disruption budget's `duration`: hours and/or minutes only (cron has no seconds). */
export const checkBudgetDuration = durationCheck(
  /^([0-9]{1,7}h[0-9]{1,7}m|[0-9]{1,7}h|[0-9]{1,7}m)$/,
  false,
  '8h, 30m or 1h30m (hours and minutes only)',
);
