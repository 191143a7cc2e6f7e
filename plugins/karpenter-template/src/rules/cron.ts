import { parseBudgetSchedule } from '@karpenter-backstage/plugin-karpenter-common';
import { ValueCheck } from './check';

/**
 * A disruption budget `schedule`, checked exactly as Karpenter reads it: the NodePool CRD's
 * pattern, then robfig/cron's standard parser (5 fields, names like `mon-fri`, `?` as `*`, UTC,
 * or a descriptor such as `@daily`) — see `parseBudgetSchedule`, which the health model also
 * evaluates budgets with.
 */
export const checkCronSchedule: ValueCheck<string> = value => {
  const schedule = parseBudgetSchedule(value);
  return schedule.valid ? undefined : schedule.error;
};
