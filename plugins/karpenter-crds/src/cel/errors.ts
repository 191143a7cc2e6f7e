import {
  EvaluationError,
  ParseError,
  TypeError as CelTypeError,
} from '@marcbachmann/cel-js';
import { publicName } from './routedNames';

/**
 * A CEL evaluation error, worded as cel-go words it, because kube-apiserver puts that text in its
 * messages (`no such key: values evaluating rule: ...`): `no such key: x`, `index out of bounds: 1`,
 * `no such overload`, `division by zero`, `type conversion error from 'string' to 'int'`, ...
 * Like CEL's error values these are absorbed by `&&`, `||`, `all` and `exists` when the other
 * operands decide the result.
 *
 * @internal
 */
export class CelEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelEvalError';
  }
}

/**
 * A CEL expression that kube-apiserver would not compile (syntax or type error, an invalid constant
 * regular expression), or a construct this layer does not support.
 *
 * @internal
 */
export class CelCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelCompileError';
  }
}

type CelJsError = EvaluationError | CelTypeError | ParseError;

function isCelJsError(error: unknown): error is CelJsError {
  return (
    error instanceof EvaluationError ||
    error instanceof CelTypeError ||
    error instanceof ParseError
  );
}

/** cel-js error codes that are cel-go's runtime `no such overload` (operands of the wrong type). */
const OVERLOAD_CODES = new Set([
  'no_such_overload',
  'no_matching_overload',
  'invalid_comprehension_range',
  'cannot_index_type',
  'invalid_index_type',
  'invalid_logical_operand',
  'invalid_condition_type',
  'invalid_macro_argument',
]);

/**
 * The cel-go wording of a cel-js runtime error (cel-go: common/types/err.go and the messages of
 * common/types/*.go; cel-js: lib/errors.js codes). Anything that is not a CEL error is returned
 * unchanged, to be rethrown: it is a bug, not a rule failure.
 *
 * @internal
 */
export function toEvalError(error: unknown): unknown {
  if (error instanceof CelEvalError || !isCelJsError(error)) return error;
  const summary = publicName(error.summary);
  if (OVERLOAD_CODES.has(error.code))
    return new CelEvalError('no such overload');
  switch (error.code) {
    case 'no_such_key':
      return new CelEvalError(summary.replace(/^No such key/, 'no such key'));
    case 'index_out_of_bounds':
      return new CelEvalError(
        `index out of bounds: ${/index (-?\d+)/.exec(summary)?.[1] ?? '?'}`,
      );
    case 'modulo_by_zero':
      return new CelEvalError('modulus by zero');
    case 'numeric_overflow':
      return new CelEvalError('integer overflow');
    default:
      return new CelEvalError(summary);
  }
}

/**
 * The compile error for a cel-js parse or type-check error, with cel-go's wording for an unknown
 * identifier (`undeclared reference to 'x'`) and an unknown field (`undefined field 'x'`).
 *
 * @internal
 */
export function toCompileError(error: unknown): unknown {
  if (error instanceof CelCompileError || !isCelJsError(error)) return error;
  const summary = publicName(error.summary);
  const variable = /^Unknown variable: (.*)$/.exec(summary);
  if (variable) {
    return new CelCompileError(`undeclared reference to '${variable[1]}'`);
  }
  const field = /^No such key: (.*)$/.exec(summary);
  if (field) return new CelCompileError(`undefined field '${field[1]}'`);
  return new CelCompileError(summary);
}
