import { ValueCheck } from './names';

const MACROS = [
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
];

const MONTHS = [
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
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const FIELDS: CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 6, names: DAYS },
];

function valueOf(text: string, field: CronField): number | undefined {
  if (/^[0-9]{1,2}$/.test(text)) {
    const n = Number(text);
    return n >= field.min && n <= field.max ? n : undefined;
  }
  const index = field.names?.indexOf(text.toLowerCase()) ?? -1;
  return index >= 0 ? index + field.min : undefined;
}

function checkItem(item: string, field: CronField): boolean {
  const [range, step, ...rest] = item.split('/');
  if (rest.length > 0) {
    return false;
  }
  if (step !== undefined && !/^[1-9][0-9]{0,1}$/.test(step)) {
    return false;
  }
  if (range === '*' || range === '?') {
    return true;
  }
  const [from, to, ...more] = range.split('-');
  if (more.length > 0) {
    return false;
  }
  const start = valueOf(from, field);
  if (start === undefined) {
    return false;
  }
  if (to === undefined) {
    return true;
  }
  const end = valueOf(to, field);
  return end !== undefined && end >= start;
}

/**
 * A disruption budget `schedule`: a 5-field cron expression (minute hour day-of-month month
 * day-of-week; names like `mon-fri` allowed; no time zone) or a macro such as `@daily`.
 */
export const checkCronSchedule: ValueCheck<string> = value => {
  if (MACROS.includes(value)) {
    return undefined;
  }
  const parts = value.split(' ');
  const usage = `must be a cron schedule "minute hour day-of-month month day-of-week" (e.g. "0 9 * * mon-fri") or one of ${MACROS.join(
    ', ',
  )}`;
  if (parts.length !== 5) {
    return usage;
  }
  for (let i = 0; i < 5; i++) {
    if (!parts[i].split(',').every(item => checkItem(item, FIELDS[i]))) {
      return `${usage}; the ${FIELDS[i].name} field is invalid`;
    }
  }
  return undefined;
};
