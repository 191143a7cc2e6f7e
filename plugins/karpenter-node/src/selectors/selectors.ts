/**
 * Kubernetes label and field selectors (equality- and set-based), as the API server evaluates them.
 *
 * @public
 */
export type Matcher = (obj: unknown) => boolean;

type LabelTerm =
  | { op: '=' | '!='; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | '!exists'; key: string };

type Fields = { [key: string]: unknown };

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Fields)[key]
    : undefined;
}

function labelsOf(obj: unknown): Record<string, string> {
  const labels = field(field(obj, 'metadata'), 'labels');
  return labels !== null && typeof labels === 'object'
    ? (labels as Record<string, string>)
    : {};
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) parts.push(current);
  return parts.map(p => p.trim()).filter(Boolean);
}

/** A selector that does not parse. @public */
export class SelectorError extends Error {}

/** Compiles a label selector (`a=b,c!=d,e in (f,g),h,!i`). @public */
export function parseLabelSelector(text: string | null | undefined): Matcher {
  if (!text) return () => true;
  const terms: LabelTerm[] = splitTopLevel(text).map(part => {
    let m = part.match(/^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/);
    if (m)
      return {
        op: m[2] as 'in' | 'notin',
        key: m[1],
        values: m[3].split(',').map(v => v.trim()),
      };
    m = part.match(/^([^\s!=]+)\s*(==|=|!=)\s*([^\s]*)$/);
    if (m) return { op: m[2] === '!=' ? '!=' : '=', key: m[1], value: m[3] };
    m = part.match(/^!([^\s]+)$/);
    if (m) return { op: '!exists', key: m[1] };
    m = part.match(/^([^\s!=(),]+)$/);
    if (m) return { op: 'exists', key: m[1] };
    throw new SelectorError(`unable to parse requirement: ${part}`);
  });
  return obj => {
    const labels = labelsOf(obj);
    return terms.every(t => {
      const has = Object.prototype.hasOwnProperty.call(labels, t.key);
      switch (t.op) {
        case '=':
          return has && labels[t.key] === t.value;
        case '!=':
          return !has || labels[t.key] !== t.value;
        case 'in':
          return has && t.values.includes(labels[t.key]);
        case 'notin':
          return !has || !t.values.includes(labels[t.key]);
        case 'exists':
          return has;
        default:
          return !has;
      }
    });
  };
}

function pathValue(obj: unknown, path: string): string {
  let value = obj;
  for (const part of path.split('.')) value = field(value, part);
  return value === undefined || value === null ? '' : String(value);
}

/** Compiles a field selector (`spec.nodeName=x,reason!=y`). @public */
export function parseFieldSelector(text: string | null | undefined): Matcher {
  if (!text) return () => true;
  const terms = text.split(',').map(part => {
    const m = part.trim().match(/^([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*)$/);
    if (!m) throw new SelectorError(`invalid field selector: ${part}`);
    return { path: m[1], negate: m[2] === '!=', value: m[3] };
  });
  return obj =>
    terms.every(t => (pathValue(obj, t.path) === t.value) !== t.negate);
}
