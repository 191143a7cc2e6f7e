import { Cron } from 'croner';

/*
 * Disruption budget schedules as Karpenter reads them.
 *
 * Upstream (kubernetes-sigs/karpenter, pkg/apis/v1/nodepool.go, `Budget.IsActive`): the schedule is
 * parsed with robfig/cron v3's `cron.ParseStandard("TZ=UTC " + schedule)` — five fields (minute,
 * hour, day of month, month, day of week) or one of the descriptors @yearly, @annually, @monthly,
 * @weekly, @daily, @midnight, @hourly — and a budget is active when the first activation after
 * `now - duration` is not after `now`. The CRD (pkg/apis/crds/karpenter.sh_nodepools.yaml) admits
 * a schedule by the pattern below; a schedule the CRD admits but robfig/cron refuses makes
 * Karpenter fail closed (the budget allows 0 disruptions, `GetAllowedDisruptions`).
 *
 * The search for activations is croner's. Its dialect differs from robfig/cron's (croner knows
 * L, W, #, +, 7 for Sunday, refuses steps longer than the field; robfig treats `?` as `*` in any
 * field, reads `N/step` as `N-max/step`, and ORs day of month and day of week only when neither
 * field is a star), so each field is first read the way robfig/cron's `getRange` reads it (the set
 * of values, and whether it is a star) and handed to croner as an explicit list or `*`.
 */

/**
 * The NodePool CRD's pattern for `spec.disruption.budgets[].schedule` (Karpenter v1), verbatim.
 * Note its alternation: it admits anything that starts with a descriptor or has five
 * whitespace-separated parts; robfig/cron decides the rest.
 *
 * @public
 */
export const BUDGET_SCHEDULE_PATTERN =
  '^(@(annually|yearly|monthly|weekly|daily|midnight|hourly))|((.+)\\s(.+)\\s(.+)\\s(.+)\\s(.+))$';

const CRD_PATTERN = new RegExp(BUDGET_SCHEDULE_PATTERN);

/** robfig/cron's descriptors the CRD admits, with the fields they stand for. */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

interface Field {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

// robfig/cron v3 parser.go bounds: minutes 0-59, hours 0-23, dom 1-31, months 1-12, dow 0-6.
const FIELDS: Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: [
      'jan',
      'feb',
      'mar',
      'apr',
      'may',
      'jun',
      'jul',
      'aug',
      'sep',
      'oct',
      'nov',
      'dec',
    ],
  },
  {
    name: 'day of week',
    min: 0,
    max: 6,
    names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  },
];

class FieldError extends Error {}

/** robfig/cron's parseIntOrName (`withNames`) or mustParseInt. */
function number(text: string, field: Field, withNames = true): number {
  const named = withNames ? field.names?.indexOf(text.toLowerCase()) ?? -1 : -1;
  if (named >= 0) return named + field.min;
  // strconv.Atoi: optional sign, decimal digits
  if (!/^[+-]?[0-9]+$/.test(text))
    throw new FieldError(`"${text}" is not a number`);
  return Number(text);
}

/** One comma item, as robfig/cron's getRange reads it: its values, and whether it is a star. */
function readItem(item: string, field: Field, values: Set<number>): boolean {
  const rangeAndStep = item.split('/');
  if (rangeAndStep.length > 2) throw new FieldError('too many slashes');
  const lowAndHigh = rangeAndStep[0].split('-');
  if (lowAndHigh.length > 2) throw new FieldError('too many hyphens');
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = field.min;
    end = field.max;
    star = true;
  } else {
    start = number(lowAndHigh[0], field);
    end = lowAndHigh.length === 2 ? number(lowAndHigh[1], field) : start;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = number(rangeAndStep[1], field, false);
    if (lowAndHigh.length === 1) end = field.max; // "N/step" means "N-max/step"
    if (step > 1) star = false;
  }
  if (start < field.min) throw new FieldError(`${start} is below ${field.min}`);
  if (end > field.max) throw new FieldError(`${end} is above ${field.max}`);
  if (start > end)
    throw new FieldError(`the range ${item} ends before it starts`);
  if (step <= 0) throw new FieldError('a step must be a positive number');
  for (let v = start; v <= end; v += step) values.add(v);
  return star;
}

/** A field for croner: `*` when robfig/cron reads it as a star, else the explicit values. */
function readField(text: string, field: Field): string {
  const values = new Set<number>();
  let star = false;
  for (const item of text.split(',').filter(Boolean)) {
    if (readItem(item, field, values)) star = true;
  }
  if (!values.size) throw new FieldError('it is empty');
  return star ? '*' : [...values].sort((a, b) => a - b).join(',');
}

/**
 * A budget schedule read with Karpenter's semantics: when valid, `nextAfter(t)` is the first
 * activation strictly after `t` (ms, UTC), or `null` when it never fires.
 *
 * @public
 */
export type BudgetSchedule =
  | { valid: true; nextAfter(timeMs: number): number | null }
  | { valid: false; error: string };

const USAGE = `must be a cron schedule "minute hour day-of-month month day-of-week" (UTC, e.g. "0 9 * * mon-fri") or one of ${Object.keys(
  DESCRIPTORS,
).join(', ')}`;

/**
 * Reads a disruption budget `schedule` as Karpenter does: admitted by the CRD's pattern and
 * parsed by robfig/cron's standard parser (five fields or a descriptor, UTC).
 *
 * @public
 */
export function parseBudgetSchedule(schedule: string): BudgetSchedule {
  if (!CRD_PATTERN.test(schedule)) return { valid: false, error: USAGE };
  const spec = schedule.trim();
  let fields: string[];
  if (spec.startsWith('@')) {
    if (!DESCRIPTORS[spec])
      return { valid: false, error: `${USAGE}; "${spec}" is not one of them` };
    fields = DESCRIPTORS[spec].split(' ');
  } else {
    fields = spec.split(/\s+/);
    if (fields.length !== 5)
      return {
        valid: false,
        error: `${USAGE}; it has ${fields.length} fields`,
      };
  }
  const pattern: string[] = [];
  for (let i = 0; i < 5; i++) {
    try {
      pattern.push(readField(fields[i], FIELDS[i]));
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      return {
        valid: false,
        error: `${USAGE}; the ${FIELDS[i].name} field is invalid: ${e.message}`,
      };
    }
  }
  // domAndDow false: OR when neither day field is `*`, as robfig/cron's dayMatches.
  const cron = new Cron(pattern.join(' '), {
    timezone: 'UTC',
    mode: '5-part',
    domAndDow: false,
    paused: true,
  });
  return {
    valid: true,
    nextAfter: timeMs => cron.nextRun(new Date(timeMs))?.getTime() ?? null,
  };
}

/**
 * Whether a schedule with a duration is in effect at `nowMs`, as `Budget.IsActive`: the first
 * activation after `nowMs - durationMs` is not after `nowMs`. One search of the library per call
 * (no walk through the duration). A schedule that never fires (e.g. `0 0 30 2 *`) counts as
 * active, as upstream: robfig/cron's `Next` then answers the zero time, which is not after now.
 *
 * @public
 */
export function scheduleActive(
  schedule: Extract<BudgetSchedule, { valid: true }>,
  durationMs: number,
  nowMs: number,
): boolean {
  const next = schedule.nextAfter(nowMs - durationMs);
  return next === null || next <= nowMs;
}
