import { budgetActive, parseDuration } from './budgets';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('budget durations', () => {
  it('reads unsigned h/m/s terms only (the forms of the NodePool CRD pattern)', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    for (const text of ['0', '-1h', '+1h', '.5h', '1.h', '1ms', '1d', '']) {
      expect([text, parseDuration(text)]).toEqual([text, NaN]);
    }
    expect(parseDuration(undefined)).toBeNaN();
  });
});

describe('budgetActive (Budget.IsActive, kubernetes-sigs/karpenter pkg/apis/v1/nodepool.go)', () => {
  it('is active within the window after an activation, and not outside it', () => {
    const budget = { nodes: '0', schedule: '0 9 * * mon-fri', duration: '8h' };
    expect(budgetActive(budget, at('2026-12-01T08:59:59Z'))).toBe(false);
    expect(budgetActive(budget, at('2026-12-01T09:00:00Z'))).toBe(true);
    expect(budgetActive(budget, at('2026-12-01T17:00:00Z'))).toBe(false);
  });

  it('holds a ten-year window across a yearly schedule', () => {
    const budget = { nodes: '0', schedule: '0 9 1 1 *', duration: '87600h' };
    expect(budgetActive(budget, at('2026-12-02T00:00:00Z') + 200 * HOUR)).toBe(
      true,
    );
  });
});
