import {
  parseBudgetSchedule,
  parseGoDuration,
  scheduleActive,
} from '@karpenter-backstage/plugin-karpenter-common';

/** A NodePool disruption budget. */
export interface BudgetSpec {
  nodes: string;
  reasons?: string[];
  schedule?: string;
  duration?: string;
}

/** The forms the health model reads: unsigned `<digits>[.<digits>]` terms in h, m and s. */
const BUDGET_DURATION = /^([0-9]+(\.[0-9]+)?[hms])+$/;

/** "8h30m" → ms (Go's `time.ParseDuration`); NaN when it is not such a duration. */
export function parseDuration(text: string | undefined): number {
  if (!text || !BUDGET_DURATION.test(text)) return NaN;
  const duration = parseGoDuration(text);
  return duration.valid ? duration.milliseconds : NaN;
}

/**
 * Whether a budget is in effect at `now`, as Karpenter's `Budget.IsActive`
 * (kubernetes-sigs/karpenter pkg/apis/v1/nodepool.go): always without a schedule and duration;
 * otherwise when the schedule's first activation (UTC) after `now - duration` is not after now.
 * A schedule Karpenter cannot parse counts as in effect: Karpenter then fails closed and allows
 * 0 disruptions (see {@link budgetScheduleError}).
 */
export function budgetActive(budget: BudgetSpec, nowMs: number): boolean {
  if (budget.schedule === undefined && budget.duration === undefined)
    return true;
  const schedule = parseBudgetSchedule(budget.schedule ?? '');
  if (!schedule.valid) return true;
  const duration =
    budget.duration === undefined ? 0 : parseDuration(budget.duration);
  if (Number.isNaN(duration)) return true;
  return scheduleActive(schedule, duration, nowMs);
}

/**
 * Why Karpenter cannot evaluate a budget's schedule (it then allows 0 disruptions), or
 * `undefined` when it can (or the budget has none).
 */
export function budgetScheduleError(budget: BudgetSpec): string | undefined {
  if (budget.schedule === undefined && budget.duration === undefined)
    return undefined;
  const schedule = parseBudgetSchedule(budget.schedule ?? '');
  if (!schedule.valid) return `schedule ${schedule.error}`;
  if (
    budget.duration !== undefined &&
    Number.isNaN(parseDuration(budget.duration))
  )
    return 'duration is not a duration like 8h or 30m';
  return undefined;
}

/** Nodes a budget allows to disrupt: "10%" of the node count (rounded up) or an absolute number. */
export function budgetAllows(budget: BudgetSpec, nodeCount: number): number {
  const text = budget.nodes.trim();
  if (text.endsWith('%'))
    return Math.ceil((Number(text.slice(0, -1)) / 100) * nodeCount);
  return Number(text);
}
