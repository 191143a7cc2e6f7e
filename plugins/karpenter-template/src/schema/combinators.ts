import { z } from 'zod/v3';
import { ValueCheck, ValueRule } from '../rules/check';
import { maxEntries, uniqueValues } from '../rules/lists';

/*
 * How rules are attached to the schema. Structure (types, enums, descriptions, defaults) is plain
 * zod, so the scaffolder's JSON Schema of an action describes it; every value rule is a
 * `superRefine` with a message written for people. JSON Schema conversion drops those, so the
 * scaffolder passes values through and the one validation (`validate.ts`) reports every field
 * error with a clear message.
 *
 * The model is written against `zod/v3` (the zod 3 API of the zod 4 package): Backstage's
 * scaffolder converts action input schemas with zod-to-json-schema, which reads zod 3 schemas,
 * and hands `zod/v3` to `schema.input` callbacks.
 */

/** The schema with a rule that may report several issues, each below the value's path. */
export function refined<T extends z.ZodTypeAny>(
  schema: T,
  rule: ValueRule<z.output<T>>,
): z.ZodEffects<T, z.output<T>, z.input<T>> {
  return schema.superRefine((value, ctx) => {
    for (const issue of rule(value)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue });
    }
  });
}

/** The schema with a check of the whole value (one message at most). */
export function checked<T extends z.ZodTypeAny>(
  schema: T,
  check: ValueCheck<z.output<T>>,
): z.ZodEffects<T, z.output<T>, z.input<T>> {
  return refined(schema, value => {
    const message = check(value);
    return message ? [{ message }] : [];
  });
}

export const checkedString = (check: ValueCheck<string>) =>
  checked(z.string(), check);

const keyCheck =
  (check: ValueCheck<string>): ValueCheck<string> =>
  key => {
    // JSON allows it, but JavaScript objects would silently drop it
    const message = key === '__proto__' ? 'is a reserved name' : check(key);
    return message ? `invalid key: ${message}` : undefined;
  };

/** A string-to-string map with checked keys and values and at most `entries` entries. */
export function stringMap(
  keyRule: ValueCheck<string>,
  valueRule: ValueCheck<string>,
  entries: number,
) {
  return checked(
    z.record(checkedString(keyCheck(keyRule)), checkedString(valueRule)),
    maxEntries(entries),
  );
}

/** A list of at most `max` items, none repeated. */
export function uniqueList<T extends z.ZodTypeAny>(
  item: T,
  options: { max: number },
) {
  return refined(z.array(item), uniqueValues(options.max));
}
