import type { ParseResult } from '@marcbachmann/cel-js';
import {
  checkConstantPatterns,
  referencedVariables,
  routeBuiltins,
} from './ast';
import { environmentFor } from './environment';
import { toCompileError, toEvalError } from './errors';
import { Schema } from './schemaKind';
import { toCelValue } from './values';

/**
 * A CEL expression parsed and type-checked by cel-js (@marcbachmann/cel-js) in the environment
 * of a rule on `schema`.
 *
 * @internal
 */
export interface CelProgram {
  readonly source: string;
  /** The variables the expression refers to: `self`, `oldSelf` (then it is a transition rule). */
  readonly variables: ReadonlySet<string>;
  /** The schema node `self` and `oldSelf` are typed by; none: they are `dyn`. */
  readonly schema?: Schema;
  readonly run: ParseResult;
}

/**
 * The values of `self` and `oldSelf` for an evaluation, as CEL values (see {@link celActivation}).
 *
 * @internal
 */
export interface CelActivation {
  readonly self: unknown;
  readonly oldSelf?: unknown;
}

const untypedPrograms = new Map<string, CelProgram>();
const typedPrograms = new WeakMap<Schema, Map<string, CelProgram>>();

function programsOf(schema: Schema | undefined): Map<string, CelProgram> {
  if (!schema) return untypedPrograms;
  let programs = typedPrograms.get(schema);
  if (!programs) {
    programs = new Map();
    typedPrograms.set(schema, programs);
  }
  return programs;
}

function compile(source: string, schema: Schema | undefined): CelProgram {
  try {
    const env = environmentFor(schema);
    const parsed = env.parse(source);
    checkConstantPatterns(parsed.ast);
    const routed = routeBuiltins(source, parsed.ast);
    const run = routed === source ? parsed : env.parse(routed);
    const checked = run.check();
    if (!checked.valid) throw checked.error;
    return {
      source,
      schema,
      run,
      variables: referencedVariables(parsed.ast, ['self', 'oldSelf']),
    };
  } catch (error) {
    throw toCompileError(error);
  }
}

/**
 * Compiles a CEL expression for a rule on `schema` (`self`/`oldSelf` typed by it; without one,
 * `dyn`), cached per schema node and source. Throws a CelCompileError for what kube-apiserver
 * would not compile: syntax errors, type errors (an unknown field, `1 == "1"`), an invalid
 * constant regular expression, functions outside the environment (see ./environment.ts).
 *
 * @internal
 */
export function compileCel(source: string, schema?: Schema): CelProgram {
  const cache = programsOf(schema);
  let program = cache.get(source);
  if (!program) {
    program = compile(source, schema);
    cache.set(source, program);
  }
  return program;
}

/**
 * `self` (and `oldSelf`, on an update) as CEL values typed by `schema` (see ./values.ts), to
 * evaluate the programs compiled for that schema node. Throws a CelEvalError for a value
 * kube-apiserver cannot read as its type (an invalid date-time).
 *
 * @internal
 */
export function celActivation(
  schema: Schema | undefined,
  self: unknown,
  oldSelf?: unknown,
): CelActivation {
  return {
    self: toCelValue(schema, self),
    oldSelf: oldSelf === undefined ? undefined : toCelValue(schema, oldSelf),
  };
}

/**
 * Evaluates a compiled expression; the result is a cel-js value (an int is a bigint). Throws a
 * CelEvalError, worded as cel-go's, when the evaluation ends in an error.
 *
 * @internal
 */
export function evaluateCel(
  program: CelProgram,
  activation: CelActivation,
): unknown {
  const context =
    activation.oldSelf === undefined ? { self: activation.self } : activation;
  try {
    return program.run(context);
  } catch (error) {
    throw toEvalError(error);
  }
}
