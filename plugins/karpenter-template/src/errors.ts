import { z } from 'zod/v3';

/** One invalid field: its path (e.g. `nodePools[1].limits.cpu`) and what is wrong. @public */
export interface TemplateFieldError {
  field: string;
  message: string;
}

/** Result of validating template input. @public */
export type TemplateValidationResult<T> =
  | { ok: true; value: T }
  | { ok: false; errors: TemplateFieldError[] };

/** `['nodePools', 1, 'labels', 'team.io/x']` → `nodePools[1].labels["team.io/x"]`. */
export function formatFieldPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') {
      out += `[${part}]`;
    } else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) {
      out += out ? `.${part}` : part;
    } else {
      out += `[${JSON.stringify(part)}]`;
    }
  }
  return out || '<input>';
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  integer: 'an integer',
};

function messageOf(issue: z.ZodIssue): string {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return issue.received === 'undefined'
        ? 'is required'
        : `must be ${ARTICLE[issue.expected] ?? issue.expected}`;
    case z.ZodIssueCode.invalid_enum_value:
      return `must be one of: ${issue.options.join(', ')}`;
    case z.ZodIssueCode.invalid_union:
      return 'must be a number or a string';
    case z.ZodIssueCode.too_big:
      return issue.type === 'array'
        ? `must list at most ${issue.maximum} entries`
        : issue.message;
    case z.ZodIssueCode.too_small:
      return issue.type === 'array'
        ? `must list at least ${issue.minimum} entries`
        : issue.message;
    default:
      return issue.message;
  }
}

/** Turns zod issues into field errors, one per unknown key. */
export function toFieldErrors(error: z.ZodError): TemplateFieldError[] {
  const errors: TemplateFieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const key of issue.keys) {
        errors.push({
          field: formatFieldPath([...issue.path, key]),
          message: 'is not a known field',
        });
      }
    } else {
      errors.push({
        field: formatFieldPath(issue.path),
        message: messageOf(issue),
      });
    }
  }
  const seen = new Set<string>();
  return errors.filter(e => {
    const id = `${e.field}\u0000${e.message}`;
    if (seen.has(id)) {
      return false;
    }
    seen.add(id);
    return true;
  });
}

/** `field: message` lines, for errors shown to people. @public */
export function formatFieldErrors(errors: TemplateFieldError[]): string {
  return errors.map(e => `${e.field}: ${e.message}`).join('\n');
}
