import { parseBudgetSchedule, scheduleActive } from '../schedule';

/** A NodePool disruption budget. @public */
export interface BudgetSpec {
  nodes: string;
  reasons?: string[];
  schedule?: string;
  duration?: string;
}

/** "8h30m" → ms. @public */
export function parseDuration(text: string | undefined): number {
  if (!text) return NaN;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000 };
  let total = 0;
  const re = /(\d+(?:\.\d+)?)([hms])/g;
  let consumed = '';
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]];
    consumed += m[0];
  }
  return consumed === text ? total : NaN;
}

/**
 * Whether a budget is in effect at `now`, as Karpenter's `Budget.IsActive`
 * (kubernetes-sigs/karpenter pkg/apis/v1/nodepool.go): always without a schedule and duration;
 * otherwise when the schedule's first activation (UTC) after `now - duration` is not after now.
 * A schedule Karpenter cannot parse counts as in effect: Karpenter then fails closed and allows
 * 0 disruptions (see {@link budgetScheduleError}).
 *
 * @public
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
 *
 * @public
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

/** Nodes a budget allows to disrupt: "10%" of the node count (rounded up) or an absolute number. @public */
export function budgetAllows(budget: BudgetSpec, nodeCount: number): number {
  const text = budget.nodes.trim();
  if (text.endsWith('%'))
    return Math.ceil((Number(text.slice(0, -1)) / 100) * nodeCount);
  return Number(text);
}
