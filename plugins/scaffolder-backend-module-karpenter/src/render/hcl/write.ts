import { hclString } from './escape';

/**
 * A tiny HCL writer: values are data (strings always go through `hclString`); only
 * `HclExpression`s, built from constants in this package, are written verbatim.
 */
export class HclExpression {
  constructor(readonly text: string) {}
}

/** A trusted expression such as `data.aws_eks_cluster.this.endpoint`. */
export const expr = (text: string) => new HclExpression(text);

/**
 * An object whose keys are written bare (identifiers, or provider references like
 * `aws.virginia`), e.g. a `providers` map or the helm provider's `kubernetes` argument. Plain JS
 * objects are data: their keys are written as quoted strings.
 */
export class HclObject {
  constructor(readonly entries: Array<[string, HclValue]>) {}
}

export const obj = (entries: Record<string, HclValue>) =>
  new HclObject(Object.entries(entries));

export type HclValue =
  | string
  | number
  | boolean
  | HclExpression
  | HclObject
  | HclValue[]
  | { [key: string]: HclValue };

export interface HclAttribute {
  kind: 'attribute';
  name: string;
  value: HclValue;
}

export interface HclBlock {
  kind: 'block';
  type: string;
  labels: string[];
  body: HclBodyItem[];
}

export interface HclComment {
  kind: 'comment';
  text: string;
}

/** An empty line between groups of attributes. */
export interface HclBlank {
  kind: 'blank';
}

export type HclBodyItem = HclAttribute | HclBlock | HclComment | HclBlank;

export const attr = (name: string, value: HclValue): HclAttribute => ({
  kind: 'attribute',
  name,
  value,
});

export const block = (
  type: string,
  labels: string[],
  body: HclBodyItem[],
): HclBlock => ({ kind: 'block', type, labels, body });

export const comment = (text: string): HclComment => ({
  kind: 'comment',
  text,
});

export const blank: HclBlank = { kind: 'blank' };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const REFERENCE = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)?$/;

function identifier(name: string, pattern = IDENTIFIER): string {
  if (!pattern.test(name)) {
    throw new TypeError(`not an HCL identifier: ${JSON.stringify(name)}`);
  }
  return name;
}

function indent(level: number): string {
  return '  '.repeat(level);
}

function writeValue(value: HclValue, level: number): string {
  if (value instanceof HclExpression) {
    return value.text;
  }
  if (typeof value === 'string') {
    return hclString(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError('HCL numbers must be finite');
    }
    return String(value);
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(v => writeValue(v, level)).join(', ')}]`;
  }
  const entries: Array<[string, HclValue]> =
    value instanceof HclObject
      ? value.entries.map(([k, v]) => [identifier(k, REFERENCE), v])
      : Object.entries(value).map(([k, v]) => [hclString(k), v]);
  if (entries.length === 0) {
    return '{}';
  }
  const lines = entries.map(
    ([key, v]) => `${indent(level + 1)}${key} = ${writeValue(v, level + 1)}`,
  );
  return `{\n${lines.join('\n')}\n${indent(level)}}`;
}

function writeBody(items: HclBodyItem[], level: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    switch (item.kind) {
      case 'attribute':
        lines.push(
          `${indent(level)}${identifier(item.name)} = ${writeValue(
            item.value,
            level,
          )}`,
        );
        break;
      case 'comment':
        for (const line of item.text.split('\n')) {
          if (/[\r\u2028\u2029]/.test(line)) {
            throw new TypeError('HCL comments must be plain lines');
          }
          lines.push(`${indent(level)}# ${line}`.trimEnd());
        }
        break;
      case 'blank':
        lines.push('');
        break;
      default:
        lines.push(
          `${indent(level)}${[
            identifier(item.type),
            ...item.labels.map(hclString),
          ].join(' ')} {`,
          ...writeBody(item.body, level + 1),
          `${indent(level)}}`,
        );
    }
  }
  return lines;
}

/** Top-level items separated by blank lines; the caller formats the result canonically. */
export function writeHcl(items: HclBodyItem[]): string {
  const chunks: string[] = [];
  let current: string[] = [];
  for (const item of items) {
    if (item.kind === 'blank') {
      chunks.push(current.join('\n'));
      current = [];
    } else {
      current.push(...writeBody([item], 0));
    }
  }
  chunks.push(current.join('\n'));
  return `${chunks.filter(c => c.length > 0).join('\n\n')}\n`;
}
