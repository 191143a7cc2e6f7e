import { ValueCheck, ValueRule } from './check';

/** A disruption budget's `nodes`: a count of at most 6 digits, or a percentage up to 100%. */
export const checkBudgetNodes: ValueCheck<string> = value =>
  /^((100|[0-9]{1,2})%|[0-9]{1,6})$/.test(value)
    ? undefined
    : 'must be a node count such as "5" or a percentage such as "10%"';

/** A budget's `schedule` and `duration` come together or not at all. */
export const budgetWindow: ValueRule<{
  schedule?: string;
  duration?: string;
}> = budget =>
  (budget.schedule === undefined) !== (budget.duration === undefined)
    ? [
        {
          path: [budget.schedule === undefined ? 'schedule' : 'duration'],
          message: 'schedule and duration must be set together',
        },
      ]
    : [];
