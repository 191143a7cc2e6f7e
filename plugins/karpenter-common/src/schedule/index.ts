export {
  BUDGET_SCHEDULE_PATTERN,
  parseBudgetSchedule,
  scheduleActive,
} from './budgetSchedule';
export type { BudgetSchedule } from './budgetSchedule';
