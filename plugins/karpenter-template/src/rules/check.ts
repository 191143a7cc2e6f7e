/*
 * The two shapes of a template rule. Rules are plain functions of a value, so the schema only wires
 * them to fields (see schema/combinators.ts) and a form can call them directly.
 */

/** A checker of one value: an error message, or `undefined` when the value is fine. */
export type ValueCheck<T> = (value: T) => string | undefined;

/** One problem a rule found: where below the checked value (none: the value itself), and what. */
export interface ValueIssue {
  path?: Array<string | number>;
  message: string;
}

/** A checker that may find several problems in one value (a list, an object), in order. */
export type ValueRule<T> = (value: T) => ValueIssue[];
