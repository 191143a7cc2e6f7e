import { CelExpr, CelSyntaxError, parseCel } from './parser';

/*
 * Evaluator for the CEL subset of ./parser, with CEL's semantics where the Karpenter rules can
 * observe them: errors are values absorbed by `&&`, `||`, `all` and `exists` when the other side
 * decides; `==` / `<` on operands of different types are "no such overload" errors (what the
 * type checker would reject); missing fields are "no such key" errors unless tested with has().
 * Numbers are JS numbers: integral values are CEL ints (overflow beyond 2^53 is an error), others
 * doubles; uint, bytes, timestamps, durations, optionals and the Kubernetes CEL libraries (quantity,
 * url, ip, ...) are not supported and fail to compile.
 */

/**
 * CEL values as they appear in Kubernetes objects: JSON null, bool, number (int or double), string,
 * list (array) and map (plain object). @internal
 */
export type CelValue =
  | null
  | boolean
  | number
  | string
  | CelValue[]
  | { [key: string]: CelValue };

/**
 * A CEL evaluation error ("no such key: x", "index out of bounds: 1", "no such overload ...").
 * Like CEL's error values these are absorbed by `&&`, `||`, `all` and `exists` when the other
 * operands decide the result. @internal
 */
export class CelEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelEvalError';
  }
}

/** A checked CEL program: its AST and the variables it refers to. @internal */
export interface CelProgram {
  source: string;
  ast: CelExpr;
  /** Free variables the expression reads (e.g. `self`, `oldSelf`). */
  variables: ReadonlySet<string>;
}

type Arity = number | number[];

/** Functions callable as `f(x, ...)`, with their argument counts. */
const GLOBAL_FUNCTIONS: Record<string, Arity> = {
  size: 1,
  int: 1,
  double: 1,
  string: 1,
  matches: 2,
};

/** Functions callable as `x.f(...)`, with their argument counts (receiver not counted). */
const MEMBER_FUNCTIONS: Record<string, Arity> = {
  size: 0,
  startsWith: 1,
  endsWith: 1,
  contains: 1,
  matches: 1,
  find: 1,
  split: [1, 2],
  lowerAscii: 0,
  upperAscii: 0,
  trim: 0,
  join: [0, 1],
};

function checkArity(name: string, arity: Arity | undefined, count: number) {
  if (arity === undefined) {
    throw new CelSyntaxError(`undeclared reference to '${name}'`, 0);
  }
  const allowed = Array.isArray(arity) ? arity : [arity];
  if (!allowed.includes(count)) {
    throw new CelSyntaxError(
      `found no matching overload for '${name}' with ${count} argument(s)`,
      0,
    );
  }
}

/** Resolves names and function signatures; returns the free variables used. */
function check(
  expr: CelExpr,
  declared: ReadonlySet<string>,
  bound: ReadonlySet<string>,
  used: Set<string>,
): void {
  const recurse = (e: CelExpr, b = bound) => check(e, declared, b, used);
  switch (expr.kind) {
    case 'literal':
      return;
    case 'ident':
      if (bound.has(expr.name)) return;
      if (!declared.has(expr.name)) {
        throw new CelSyntaxError(`undeclared reference to '${expr.name}'`, 0);
      }
      used.add(expr.name);
      return;
    case 'list':
      expr.items.forEach(item => recurse(item));
      return;
    case 'select':
    case 'has':
      recurse(expr.operand);
      return;
    case 'index':
      recurse(expr.operand);
      recurse(expr.index);
      return;
    case 'call':
      if (expr.target) {
        checkArity(expr.fn, MEMBER_FUNCTIONS[expr.fn], expr.args.length);
        recurse(expr.target);
      } else {
        checkArity(expr.fn, GLOBAL_FUNCTIONS[expr.fn], expr.args.length);
      }
      expr.args.forEach(arg => recurse(arg));
      return;
    case 'comprehension': {
      recurse(expr.range);
      const inner = new Set(bound).add(expr.variable);
      if (expr.predicate) recurse(expr.predicate, inner);
      if (expr.transform) recurse(expr.transform, inner);
      return;
    }
    case 'unary':
      recurse(expr.operand);
      return;
    case 'binary':
      recurse(expr.left);
      recurse(expr.right);
      return;
    case 'conditional':
      recurse(expr.test);
      recurse(expr.then);
      recurse(expr.otherwise);
      return;
    default:
      throw new CelSyntaxError('unknown expression', 0);
  }
}

const programs = new Map<string, CelProgram>();

/**
 * Parses and checks a CEL expression (cached by source and declared variables). Throws
 * {@link CelSyntaxError} for invalid or unsupported syntax, unknown functions and undeclared
 * variables.
 *
 * @internal
 */
export function compileCel(
  source: string,
  declared: readonly string[] = ['self', 'oldSelf'],
): CelProgram {
  const cacheKey = `${declared.join(',')}\n${source}`;
  let program = programs.get(cacheKey);
  if (!program) {
    const ast = parseCel(source);
    const variables = new Set<string>();
    check(ast, new Set(declared), new Set(), variables);
    program = { source, ast, variables };
    programs.set(cacheKey, program);
  }
  return program;
}

/** The CEL type name of a value. @internal */
export function celTypeOf(value: unknown): string {
  if (value === null) return 'null_type';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'double';
    case 'string':
      return 'string';
    case 'object':
      return 'map';
    default:
      return typeof value;
  }
}

function isMap(value: unknown): value is Record<string, CelValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasKey(map: Record<string, CelValue>, key: string): boolean {
  return (
    Object.prototype.hasOwnProperty.call(map, key) && map[key] !== undefined
  );
}

function noOverload(what: string, ...values: unknown[]): CelEvalError {
  return new CelEvalError(
    `no such overload: ${what}(${values.map(celTypeOf).join(', ')})`,
  );
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

function checkedInt(value: number): number {
  if (!Number.isSafeInteger(value)) {
    // JS numbers are exact only up to 2^53; beyond that, report overflow rather than round
    throw new CelEvalError('integer overflow');
  }
  return value;
}

/** Type-strict CEL equality: operands of different (non-numeric) types are a "no such overload" error. */
function equals(a: CelValue, b: CelValue, strict: boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (a === null || b === null) return a === b;
  const ta = celTypeOf(a);
  const tb = celTypeOf(b);
  if (ta !== tb) {
    if (strict) throw noOverload('_==_', a, b);
    return false;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => equals(x, b[i], false));
  }
  if (isMap(a) && isMap(b)) {
    const keys = Object.keys(a).filter(k => a[k] !== undefined);
    return (
      keys.length === Object.keys(b).filter(k => b[k] !== undefined).length &&
      keys.every(k => hasKey(b, k) && equals(a[k], b[k], false))
    );
  }
  return a === b;
}

function compare(op: string, a: CelValue, b: CelValue): boolean {
  const comparable =
    (typeof a === 'number' && typeof b === 'number') ||
    (typeof a === 'string' && typeof b === 'string') ||
    (typeof a === 'boolean' && typeof b === 'boolean');
  if (!comparable) throw noOverload(`_${op}_`, a, b);
  // strings compare by code point, as in CEL
  const [x, y] =
    typeof a === 'string'
      ? [Array.from(a as string), Array.from(b as string)]
      : [a, b];
  let order: number;
  if (Array.isArray(x) && Array.isArray(y)) {
    order = 0;
    for (let i = 0; order === 0 && i < Math.min(x.length, y.length); i++) {
      order = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    }
    if (order === 0) order = x.length - y.length;
  } else {
    order = Number(x) - Number(y);
  }
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

const regexes = new Map<string, RegExp | string>();

/**
 * Translates an RE2 pattern to a JS RegExp. The two agree on the syntax the CRD rules use; leading
 * RE2 flag groups like `(?i)` become RegExp flags.
 */
function regex(pattern: string): RegExp {
  let compiled = regexes.get(pattern);
  if (compiled === undefined) {
    const flagGroup = /^\(\?([imsU]+)\)/.exec(pattern);
    const flags = flagGroup ? flagGroup[1].replace('U', '') : '';
    const body = flagGroup ? pattern.slice(flagGroup[0].length) : pattern;
    try {
      compiled = new RegExp(body, flags);
    } catch (error) {
      compiled = `invalid regular expression '${pattern}': ${
        (error as Error).message
      }`;
    }
    regexes.set(pattern, compiled);
  }
  if (typeof compiled === 'string') throw new CelEvalError(compiled);
  return compiled;
}

function asString(fn: string, value: CelValue, ...rest: CelValue[]): string {
  if (typeof value !== 'string') throw noOverload(fn, value, ...rest);
  return value;
}

function size(value: CelValue): number {
  if (typeof value === 'string') return Array.from(value).length;
  if (Array.isArray(value)) return value.length;
  if (isMap(value))
    return Object.keys(value).filter(k => value[k] !== undefined).length;
  throw noOverload('size', value);
}

function toInt(value: CelValue): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CelEvalError('integer overflow');
    return checkedInt(Math.trunc(value));
  }
  if (typeof value === 'string') {
    if (!/^[+-]?[0-9]+$/.test(value)) {
      throw new CelEvalError(`type conversion error from 'string' to 'int'`);
    }
    const big = BigInt(value);
    if (big > INT64_MAX || big < INT64_MIN) {
      throw new CelEvalError(`type conversion error from 'string' to 'int'`);
    }
    return checkedInt(Number(big));
  }
  throw noOverload('int', value);
}

function toDouble(value: CelValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const n = Number(value.trim());
    if (value.trim() === '' || Number.isNaN(n)) {
      throw new CelEvalError(`type conversion error from 'string' to 'double'`);
    }
    return n;
  }
  throw noOverload('double', value);
}

function toStringValue(value: CelValue): string {
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return String(value);
  }
  throw noOverload('string', value);
}

function split(value: string, separator: string, limit?: number): string[] {
  if (limit === 0) return [];
  const parts = value.split(separator);
  if (limit === undefined || limit < 0 || parts.length <= limit) return parts;
  return [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(separator)];
}

function callMember(fn: string, target: CelValue, args: CelValue[]): CelValue {
  switch (fn) {
    case 'size':
      return size(target);
    case 'startsWith':
      return asString(fn, target, ...args).startsWith(
        asString(fn, args[0], target),
      );
    case 'endsWith':
      return asString(fn, target, ...args).endsWith(
        asString(fn, args[0], target),
      );
    case 'contains':
      return asString(fn, target, ...args).includes(
        asString(fn, args[0], target),
      );
    case 'matches':
      return regex(asString(fn, args[0], target)).test(
        asString(fn, target, ...args),
      );
    case 'find': {
      const match = regex(asString(fn, args[0], target)).exec(
        asString(fn, target, ...args),
      );
      return match ? match[0] : '';
    }
    case 'split': {
      const text = asString(fn, target, ...args);
      const separator = asString(fn, args[0], target);
      if (
        args.length === 2 &&
        (typeof args[1] !== 'number' || !Number.isInteger(args[1]))
      ) {
        throw noOverload(fn, target, ...args);
      }
      return split(text, separator, args[1] as number | undefined);
    }
    case 'lowerAscii':
      return asString(fn, target).replace(/[A-Z]/g, c => c.toLowerCase());
    case 'upperAscii':
      return asString(fn, target).replace(/[a-z]/g, c => c.toUpperCase());
    case 'trim':
      return asString(fn, target).trim();
    case 'join': {
      const separator = args.length ? asString(fn, args[0], target) : '';
      if (!Array.isArray(target) || target.some(x => typeof x !== 'string')) {
        throw noOverload(fn, target, ...args);
      }
      return target.join(separator);
    }
    default:
      throw new CelEvalError(`no such function: ${fn}`);
  }
}

function callGlobal(fn: string, args: CelValue[]): CelValue {
  switch (fn) {
    case 'size':
      return size(args[0]);
    case 'int':
      return toInt(args[0]);
    case 'double':
      return toDouble(args[0]);
    case 'string':
      return toStringValue(args[0]);
    case 'matches':
      return callMember('matches', args[0], [args[1]]);
    default:
      throw new CelEvalError(`no such function: ${fn}`);
  }
}

function arithmetic(op: string, a: CelValue, b: CelValue): CelValue {
  if (op === '+' && typeof a === 'string' && typeof b === 'string')
    return a + b;
  if (op === '+' && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (typeof a !== 'number' || typeof b !== 'number') {
    throw noOverload(`_${op}_`, a, b);
  }
  const ints = Number.isInteger(a) && Number.isInteger(b);
  switch (op) {
    case '+':
      return ints ? checkedInt(a + b) : a + b;
    case '-':
      return ints ? checkedInt(a - b) : a - b;
    case '*':
      return ints ? checkedInt(a * b) : a * b;
    case '/':
      if (ints) {
        if (b === 0) throw new CelEvalError('division by zero');
        return checkedInt(Math.trunc(a / b));
      }
      return a / b;
    default:
      if (!ints) throw noOverload('_%_', a, b);
      if (b === 0) throw new CelEvalError('modulus by zero');
      return a % b;
  }
}

type Outcome = { value: CelValue } | { error: CelEvalError };

function attempt(fn: () => CelValue): Outcome {
  try {
    return { value: fn() };
  } catch (error) {
    if (error instanceof CelEvalError) return { error };
    throw error;
  }
}

function rangeOf(value: CelValue, macro: string): CelValue[] {
  if (Array.isArray(value)) return value;
  if (isMap(value))
    return Object.keys(value).filter(k => value[k] !== undefined);
  throw noOverload(macro, value);
}

function evaluate(expr: CelExpr, env: ReadonlyMap<string, CelValue>): CelValue {
  const ev = (e: CelExpr) => evaluate(e, env);
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'ident': {
      if (!env.has(expr.name)) {
        throw new CelEvalError(`no such attribute: ${expr.name}`);
      }
      return env.get(expr.name) as CelValue;
    }
    case 'list':
      return expr.items.map(ev);
    case 'select': {
      const operand = ev(expr.operand);
      if (!isMap(operand)) throw noOverload(`.${expr.field}`, operand);
      if (!hasKey(operand, expr.field)) {
        throw new CelEvalError(`no such key: ${expr.field}`);
      }
      return operand[expr.field];
    }
    case 'has': {
      const operand = ev(expr.operand);
      if (!isMap(operand)) throw noOverload(`has(.${expr.field})`, operand);
      return hasKey(operand, expr.field);
    }
    case 'index': {
      const operand = ev(expr.operand);
      const index = ev(expr.index);
      if (Array.isArray(operand)) {
        if (typeof index !== 'number' || !Number.isInteger(index)) {
          throw noOverload('_[_]', operand, index);
        }
        if (index < 0 || index >= operand.length) {
          throw new CelEvalError(`index out of bounds: ${index}`);
        }
        return operand[index];
      }
      if (isMap(operand)) {
        if (typeof index !== 'string') throw noOverload('_[_]', operand, index);
        if (!hasKey(operand, index))
          throw new CelEvalError(`no such key: ${index}`);
        return operand[index];
      }
      throw noOverload('_[_]', operand, index);
    }
    case 'call': {
      if (expr.target) {
        const target = ev(expr.target);
        return callMember(expr.fn, target, expr.args.map(ev));
      }
      return callGlobal(expr.fn, expr.args.map(ev));
    }
    case 'comprehension':
      return comprehension(expr, env);
    case 'unary': {
      const operand = ev(expr.operand);
      if (expr.op === '!') {
        if (typeof operand !== 'boolean') throw noOverload('!_', operand);
        return !operand;
      }
      if (typeof operand !== 'number') throw noOverload('-_', operand);
      return operand === 0 ? 0 : -operand;
    }
    case 'binary':
      return binary(expr.op, expr.left, expr.right, env);
    case 'conditional': {
      const test = ev(expr.test);
      if (typeof test !== 'boolean') throw noOverload('_?_:_', test);
      return test ? ev(expr.then) : ev(expr.otherwise);
    }
    default:
      throw new CelEvalError('unknown expression');
  }
}

/** `&&` / `||` are commutative in CEL: an error on one side is absorbed when the other decides. */
function logical(
  op: '&&' | '||',
  left: CelExpr,
  right: CelExpr,
  env: ReadonlyMap<string, CelValue>,
): boolean {
  const decisive = op === '||';
  const a = attempt(() => evaluate(left, env));
  if ('value' in a && a.value === decisive) return decisive;
  const b = attempt(() => evaluate(right, env));
  if ('value' in b && b.value === decisive) return decisive;
  if ('error' in a) throw a.error;
  if ('error' in b) throw b.error;
  if (typeof a.value !== 'boolean' || typeof b.value !== 'boolean') {
    throw noOverload(`_${op}_`, a.value, b.value);
  }
  return !decisive;
}

function binary(
  op: string,
  left: CelExpr,
  right: CelExpr,
  env: ReadonlyMap<string, CelValue>,
): CelValue {
  if (op === '&&' || op === '||') return logical(op, left, right, env);
  const a = evaluate(left, env);
  const b = evaluate(right, env);
  switch (op) {
    case '==':
      return equals(a, b, true);
    case '!=':
      return !equals(a, b, true);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, a, b);
    case 'in':
      if (Array.isArray(b)) return b.some(item => equals(a, item, false));
      if (isMap(b)) {
        if (typeof a !== 'string') throw noOverload('@in', a, b);
        return hasKey(b, a);
      }
      throw noOverload('@in', a, b);
    default:
      return arithmetic(op, a, b);
  }
}

function comprehension(
  expr: Extract<CelExpr, { kind: 'comprehension' }>,
  env: ReadonlyMap<string, CelValue>,
): CelValue {
  const items = rangeOf(evaluate(expr.range, env), expr.macro);
  const scoped = (item: CelValue) => new Map(env).set(expr.variable, item);
  const predicate = (item: CelValue): boolean => {
    const result = evaluate(expr.predicate!, scoped(item));
    if (typeof result !== 'boolean') throw noOverload(expr.macro, result);
    return result;
  };
  switch (expr.macro) {
    case 'all':
    case 'exists': {
      // like `&&` / `||`: a deciding element wins over errors in other elements
      const decisive = expr.macro === 'exists';
      let firstError: CelEvalError | undefined;
      for (const item of items) {
        const outcome = attempt(() => predicate(item));
        if ('error' in outcome) firstError ??= outcome.error;
        else if (outcome.value === decisive) return decisive;
      }
      if (firstError) throw firstError;
      return !decisive;
    }
    case 'exists_one':
      return items.filter(predicate).length === 1;
    case 'filter':
      return items.filter(predicate);
    default:
      return items
        .filter(item => !expr.predicate || predicate(item))
        .map(item => evaluate(expr.transform!, scoped(item)));
  }
}

/**
 * Evaluates a compiled CEL program. Returns the result value; throws {@link CelEvalError} when
 * evaluation fails (no such key, index out of bounds, type mismatch, ...).
 *
 * @internal
 */
export function evaluateCel(
  program: CelProgram,
  variables: Record<string, CelValue | undefined>,
): CelValue {
  const env = new Map<string, CelValue>();
  for (const [name, value] of Object.entries(variables)) {
    if (value !== undefined) env.set(name, value);
  }
  return evaluate(program.ast, env);
}
