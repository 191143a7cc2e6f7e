/** A NodePool disruption budget. @public */
export interface BudgetSpec {
  nodes: string;
  reasons?: string[];
  schedule?: string;
  duration?: string;
}

function matchField(field: string, value: number, names?: string[]): boolean {
  return field.split(',').some(part => {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    const toNumber = (x: string) => {
      const i = names ? names.indexOf(x.toLowerCase().slice(0, 3)) : -1;
      return i >= 0 ? i : Number(x);
    };
    let lo: number;
    let hi: number;
    if (range === '*') {
      lo = -Infinity;
      hi = Infinity;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = toNumber(a);
      hi = toNumber(b);
    } else {
      lo = hi = toNumber(range);
    }
    if (value < lo || value > hi) return false;
    return range === '*' ? value % step === 0 : (value - lo) % step === 0;
  });
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = [
  '',
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
];
const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function cronMatches(schedule: string, d: Date): boolean {
  const [min, hour, dom, month, dow] = (MACROS[schedule] ?? schedule)
    .trim()
    .split(/\s+/);
  return (
    matchField(min, d.getUTCMinutes()) &&
    matchField(hour, d.getUTCHours()) &&
    matchField(dom, d.getUTCDate()) &&
    matchField(month, d.getUTCMonth() + 1, MONTHS) &&
    matchField(dow, d.getUTCDay(), DAYS)
  );
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
 * Whether a budget is in effect at `now`: always without a schedule; with a schedule (UTC cron),
 * when a scheduled start lies within `duration` before now.
 *
 * @public
 */
export function budgetActive(budget: BudgetSpec, nowMs: number): boolean {
  if (!budget.schedule) return true;
  const duration = parseDuration(budget.duration);
  if (!(duration > 0)) return false;
  const start = Math.floor(nowMs / 60_000) * 60_000;
  for (let t = start; t > nowMs - duration; t -= 60_000) {
    if (cronMatches(budget.schedule, new Date(t))) return true;
  }
  return false;
}

/** Nodes a budget allows to disrupt: "10%" of the node count (rounded up) or an absolute number. @public */
export function budgetAllows(budget: BudgetSpec, nodeCount: number): number {
  const text = budget.nodes.trim();
  if (text.endsWith('%'))
    return Math.ceil((Number(text.slice(0, -1)) / 100) * nodeCount);
  return Number(text);
}
