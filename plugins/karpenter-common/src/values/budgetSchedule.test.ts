import {
  BUDGET_SCHEDULE_PATTERN,
  parseBudgetSchedule,
  scheduleActive,
} from './budgetSchedule';

const HOUR = 3_600_000;
const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

function valid(schedule: string) {
  const parsed = parseBudgetSchedule(schedule);
  if (!parsed.valid) throw new Error(parsed.error);
  return parsed;
}

function activations(schedule: string, fromIso: string, count: number) {
  const parsed = valid(schedule);
  const out: string[] = [];
  let t = at(fromIso);
  for (let i = 0; i < count; i++) {
    const next = parsed.nextAfter(t);
    if (next === null) break;
    out.push(new Date(next).toISOString());
    t = next;
  }
  return out;
}

// Semantics: kubernetes-sigs/karpenter pkg/apis/v1/nodepool.go (Budget.IsActive, robfig/cron v3
// ParseStandard with "TZ=UTC"), pattern from pkg/apis/crds/karpenter.sh_nodepools.yaml.
describe('budget schedules (Karpenter / robfig/cron semantics)', () => {
  it('uses the CRD pattern verbatim', () => {
    expect(BUDGET_SCHEDULE_PATTERN).toBe(
      '^(@(annually|yearly|monthly|weekly|daily|midnight|hourly))|((.+)\\s(.+)\\s(.+)\\s(.+)\\s(.+))$',
    );
  });

  it('steps */2 in day of month from the 1st (1, 3, 5, …, 31, then the 1st again)', () => {
    expect(activations('0 0 */2 * *', '2026-01-26T12:00:00Z', 5)).toEqual([
      '2026-01-27T00:00:00.000Z',
      '2026-01-29T00:00:00.000Z',
      '2026-01-31T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      '2026-02-03T00:00:00.000Z',
    ]);
  });

  it('steps */2 in month from January, and N/step means N-max/step', () => {
    expect(activations('0 0 1 */2 *', '2026-01-15T00:00:00Z', 3)).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-05-01T00:00:00.000Z',
      '2026-07-01T00:00:00.000Z',
    ]);
    expect(activations('0 0 1 10/2 *', '2026-01-15T00:00:00Z', 3)).toEqual([
      '2026-10-01T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      '2027-10-01T00:00:00.000Z',
    ]);
  });

  it('ORs day of month and day of week when both are restricted, ANDs when one is a star', () => {
    // 2026-12-01 is a Tuesday; Mondays are 7, 14, …
    expect(activations('0 9 13 * mon', '2026-12-01T00:00:00Z', 3)).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-13T09:00:00.000Z',
      '2026-12-14T09:00:00.000Z',
    ]);
    // */2 is not a star for robfig/cron (a step > 1 clears the star bit): still OR
    expect(activations('0 9 */2 * mon', '2026-12-01T10:00:00Z', 3)).toEqual([
      '2026-12-03T09:00:00.000Z',
      '2026-12-05T09:00:00.000Z',
      '2026-12-07T09:00:00.000Z',
    ]);
    // a star (also `?` and `*/1`) in day of month: only the weekdays
    for (const dom of ['*', '?', '*/1'])
      expect(
        activations(`0 9 ${dom} * mon`, '2026-12-01T00:00:00Z', 2),
      ).toEqual(['2026-12-07T09:00:00.000Z', '2026-12-14T09:00:00.000Z']);
  });

  it('accepts ? as * in any field, as robfig/cron, and it matches', () => {
    expect(activations('0 9 ? * ?', '2026-12-01T10:00:00Z', 1)).toEqual([
      '2026-12-02T09:00:00.000Z',
    ]);
    expect(activations('? 9 1 1 *', '2026-12-01T10:00:00Z', 2)).toEqual([
      '2027-01-01T09:00:00.000Z',
      '2027-01-01T09:01:00.000Z',
    ]);
  });

  it.each([
    ['@yearly', '2027-01-01T00:00:00.000Z'],
    ['@annually', '2027-01-01T00:00:00.000Z'],
    ['@monthly', '2027-01-01T00:00:00.000Z'],
    ['@weekly', '2026-12-06T00:00:00.000Z'],
    ['@daily', '2026-12-03T00:00:00.000Z'],
    ['@midnight', '2026-12-03T00:00:00.000Z'],
    ['@hourly', '2026-12-02T15:00:00.000Z'],
  ])('reads the descriptor %s', (macro, next) => {
    expect(activations(macro, '2026-12-02T14:20:00Z', 1)).toEqual([next]);
  });

  it('reads names case-insensitively in ranges and lists', () => {
    expect(
      activations('0 9 * JAN,jul MON-fri', '2026-12-02T00:00:00Z', 1),
    ).toEqual(['2027-01-01T09:00:00.000Z']);
  });

  it.each([
    ['', 'cron schedule'],
    ['0 9 * *', 'cron schedule'],
    ['0 9 * * * *', '6 fields'],
    ['TZ=UTC 0 9 * * *', '6 fields'],
    ['@reboot', 'cron schedule'],
    ['@daily2', 'not one of them'],
    ['60 * * * *', 'minute field is invalid: 60 is above 59'],
    ['* * 0 * *', 'day of month field is invalid: 0 is below 1'],
    ['* * * * 7', 'day of week field is invalid: 7 is above 6'],
    ['5-1 * * * *', 'ends before it starts'],
    ['*/0 * * * *', 'positive'],
    ['0 9 L * *', 'day of month field is invalid'],
    ['0 9 * * mon#2', 'day of week field is invalid'],
    ['0 9 * * */mon', 'day of week field is invalid'],
  ])('refuses %j (%s)', (schedule, words) => {
    expect(parseBudgetSchedule(schedule)).toEqual({
      valid: false,
      error: expect.stringContaining(words),
    });
  });

  it('is active when the last activation lies within the duration (start included, end excluded)', () => {
    const s = valid('0 9 * * mon-fri');
    const tue = '2026-12-01';
    expect(scheduleActive(s, 8 * HOUR, at(`${tue}T08:59:59Z`))).toBe(false);
    expect(scheduleActive(s, 8 * HOUR, at(`${tue}T09:00:00Z`))).toBe(true);
    expect(scheduleActive(s, 8 * HOUR, at(`${tue}T16:59:59Z`))).toBe(true);
    expect(scheduleActive(s, 8 * HOUR, at(`${tue}T17:00:00Z`))).toBe(false);
    // Saturday: Friday's window ended
    expect(scheduleActive(s, 8 * HOUR, at('2026-12-05T10:00:00Z'))).toBe(false);
    // a duration longer than the gap keeps it active across activations
    expect(scheduleActive(s, 72 * HOUR, at('2026-12-07T08:00:00Z'))).toBe(true);
  });

  it('treats a schedule that never fires as active, as upstream (robfig Next answers the zero time)', () => {
    const s = valid('0 0 30 2 *');
    expect(s.nextAfter(at('2026-12-02T00:00:00Z'))).toBeNull();
    expect(scheduleActive(s, 10 * MIN, at('2026-12-02T00:00:00Z'))).toBe(true);
  });

  it('costs one library search per evaluation, whatever the duration', () => {
    const s = valid('0 9 1 1 *');
    const calls: number[] = [];
    const counted = {
      ...s,
      nextAfter: (t: number) => {
        calls.push(t);
        return s.nextAfter(t);
      },
    };
    const year = 365 * 24 * HOUR;
    expect(scheduleActive(counted, 10 * year, at('2026-12-02T00:00:00Z'))).toBe(
      true,
    );
    expect(calls).toHaveLength(1);
  });
});
