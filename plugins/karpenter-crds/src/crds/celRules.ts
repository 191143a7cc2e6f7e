import {
  CelActivation,
  CelCompileError,
  CelEvalError,
  CelProgram,
  Schema,
  celActivation,
  compileCel,
  evaluateCel,
} from '../cel';

/** One `x-kubernetes-validations` entry. @internal */
export interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

/**
 * A rule with the schema path it is attached to (`spec.amiSelectorTerms[*].alias`), the schema
 * node it sits on and the rule object itself.
 *
 * @internal
 */
export interface LocatedRule extends ValidationRule {
  path: string;
  schema: Schema;
  spec: ValidationRule;
}

interface Violation {
  field: string;
  message: string;
}

function joinPath(base: string, name: string): string {
  return base ? `${base}.${name}` : name;
}

/** Every `x-kubernetes-validations` rule in a structural schema, with where it sits. @internal */
export function collectRules(schema: Schema, path = ''): LocatedRule[] {
  const out: LocatedRule[] = [];
  for (const rule of (schema['x-kubernetes-validations'] ??
    []) as ValidationRule[]) {
    out.push({ ...rule, path: path || '<root>', schema, spec: rule });
  }
  for (const [name, child] of Object.entries(
    (schema.properties ?? {}) as Record<string, Schema>,
  )) {
    out.push(...collectRules(child, joinPath(path, name)));
  }
  if (schema.items && typeof schema.items === 'object') {
    out.push(...collectRules(schema.items, `${path}[*]`));
  }
  if (
    schema.additionalProperties &&
    typeof schema.additionalProperties === 'object'
  ) {
    out.push(...collectRules(schema.additionalProperties, `${path}[*]`));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf', 'not']) {
    if (
      schema[key] &&
      JSON.stringify(schema[key]).includes('x-kubernetes-validations')
    ) {
      throw new Error(
        `x-kubernetes-validations under ${key} (at ${
          path || '<root>'
        }) are not supported`,
      );
    }
  }
  return out;
}

interface CompiledRule {
  spec: ValidationRule;
  program: CelProgram;
  /** A transition rule: refers to `oldSelf`, evaluated only on updates. */
  transition: boolean;
  /** Absent when the rule has none, or when it does not compile (then `message` is used). */
  messageProgram?: CelProgram;
}

/**
 * Compiles a rule for the schema node it sits on (`self` typed by it; without `schema`, `dyn`);
 * throws for syntax errors, type errors and constructs the CEL layer does not support, so that a
 * CRD with such a rule fails loudly. A `messageExpression` that does not compile is not an error
 * here: the failure message falls back to `message`, as it does when one fails to evaluate
 * (kube-apiserver would refuse such a CRD; the vendored ones have none).
 *
 * @internal
 */
export function compileRule(
  spec: ValidationRule,
  schema?: Schema,
): CompiledRule {
  if (spec.optionalOldSelf) {
    throw new Error(
      `optionalOldSelf (rule ${JSON.stringify(spec.rule)}) is not supported`,
    );
  }
  const program = compileCel(spec.rule, schema);
  let messageProgram: CelProgram | undefined;
  if (spec.messageExpression !== undefined) {
    try {
      messageProgram = compileCel(spec.messageExpression, schema);
    } catch (error) {
      if (!(error instanceof CelCompileError)) throw error;
    }
  }
  return {
    spec,
    program,
    transition: program.variables.has('oldSelf'),
    messageProgram,
  };
}

const compiledRules = new WeakMap<ValidationRule, CompiledRule>();

function compiled(spec: ValidationRule, schema: Schema): CompiledRule {
  let rule = compiledRules.get(spec);
  if (!rule) {
    rule = compileRule(spec, schema);
    compiledRules.set(spec, rule);
  }
  return rule;
}

/**
 * Compiles (and caches for {@link validateCelRules}) every rule of a schema; throws naming the
 * first rule that does not compile.
 *
 * @internal
 */
export function compileSchemaRules(schema: Schema): void {
  for (const rule of collectRules(schema)) {
    try {
      compiled(rule.spec, rule.schema);
    } catch (error) {
      throw new Error(
        `rule at ${rule.path} is not supported: ${(error as Error).message}`,
      );
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values (ratcheting: is a value unchanged from the old object?). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter(k => a[k] !== undefined);
    return (
      keys.length === Object.keys(b).filter(k => b[k] !== undefined).length &&
      keys.every(k => sameJson(a[k], b[k]))
    );
  }
  return false;
}

/** `Invalid value: "abc": msg` for scalars, `Invalid value: msg` for objects and lists (as kube-apiserver). */
function invalid(value: unknown, message: string): string {
  return isObject(value) || Array.isArray(value)
    ? `Invalid value: ${message}`
    : `Invalid value: ${JSON.stringify(value)}: ${message}`;
}

function ruleErrorString(spec: ValidationRule): string {
  return spec.message?.trim() || spec.rule.trim();
}

function failureMessage(
  rule: CompiledRule,
  self: unknown,
  activation: CelActivation,
): string {
  const { spec } = rule;
  let message = spec.message?.trim()
    ? spec.message.trim()
    : `failed rule: ${spec.rule.trim()}`;
  if (rule.messageProgram) {
    try {
      const value = evaluateCel(rule.messageProgram, activation);
      if (typeof value === 'string' && value.trim() && !/[\r\n]/.test(value)) {
        message = value;
      }
    } catch (error) {
      if (!(error instanceof CelEvalError)) throw error;
      // like kube-apiserver: fall back to `message` (or the rule) when messageExpression fails
    }
  }
  switch (spec.reason) {
    case 'FieldValueForbidden':
      return `Forbidden: ${message}`;
    case 'FieldValueRequired':
      return `Required value: ${message}`;
    case 'FieldValueDuplicate':
      return `Duplicate value: ${JSON.stringify(
        isObject(self) || Array.isArray(self) ? message : self,
      )}`;
    default:
      return invalid(self, message);
  }
}

function fieldOf(path: string, spec: ValidationRule): string {
  const base = path || '<root>';
  if (!spec.fieldPath) return base;
  const relative = spec.fieldPath.replace(/\['([^']*)'\]/g, '[$1]');
  if (!path) return relative.replace(/^\./, '');
  return relative.startsWith('.') || relative.startsWith('[')
    ? `${path}${relative}`
    : `${path}.${relative}`;
}

function evaluateRules(
  schema: Schema,
  value: unknown,
  old: unknown,
  path: string,
  out: Violation[],
) {
  const specs = (schema['x-kubernetes-validations'] ?? []) as ValidationRule[];
  if (specs.length === 0) return;
  // CRD validation ratcheting (on by default since Kubernetes 1.30, GA in 1.33): on update,
  // rules are not enforced on a value that is unchanged from the old object
  if (old !== undefined && sameJson(value, old)) return;
  // self and oldSelf as CEL values typed by the schema, shared by the rules of this node
  let activation: CelActivation | undefined;
  for (const spec of specs) {
    const rule = compiled(spec, schema);
    if (rule.transition && old === undefined) continue;
    const field = fieldOf(path, spec);
    try {
      activation ??= celActivation(schema, value, old);
      const result = evaluateCel(rule.program, activation);
      if (result === true) continue;
      if (result !== false) {
        throw new CelEvalError(
          `no such overload: rule result must be a bool, got ${typeof result}`,
        );
      }
      out.push({ field, message: failureMessage(rule, value, activation) });
    } catch (error) {
      if (!(error instanceof CelEvalError)) throw error;
      const message = error.message.startsWith('no such overload')
        ? `'${
            error.message
          }': call arguments did not match a supported operator, function or macro signature for rule: ${ruleErrorString(
            spec,
          )}`
        : `${error.message} evaluating rule: ${ruleErrorString(spec)}`;
      out.push({ field, message: invalid(value, message) });
    }
  }
}

/** The old list item that corresponds to `item` in a `x-kubernetes-list-type: map` list. */
function correlatedItem(
  schema: Schema,
  item: unknown,
  oldList: unknown,
): unknown {
  if (!Array.isArray(oldList) || schema['x-kubernetes-list-type'] !== 'map') {
    return undefined;
  }
  const keys = (schema['x-kubernetes-list-map-keys'] ?? []) as string[];
  if (keys.length === 0 || !isObject(item)) return undefined;
  return oldList.find(
    candidate =>
      isObject(candidate) && keys.every(k => sameJson(candidate[k], item[k])),
  );
}

/**
 * Evaluates the schema's `x-kubernetes-validations` rules at every node where the object has a
 * (non-null) value, like kube-apiserver. With `old` (an update), transition rules (those
 * referring to `oldSelf`) are evaluated where the old object has a correlatable value (object
 * fields, map keys, `x-kubernetes-list-type: map` items), and unchanged values are ratcheted.
 *
 * @internal
 */
export function validateCelRules(
  schema: Schema,
  value: unknown,
  old: unknown,
  path = '',
  out: Violation[] = [],
): Violation[] {
  if (value === undefined || value === null) return out;
  const oldValue = old === null ? undefined : old;
  evaluateRules(schema, value, oldValue, path, out);
  if (isObject(value)) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const additional = schema.additionalProperties;
    for (const [name, child] of Object.entries(value)) {
      const childOld = isObject(oldValue) ? oldValue[name] : undefined;
      if (properties[name]) {
        validateCelRules(
          properties[name],
          child,
          childOld,
          joinPath(path, name),
          out,
        );
      } else if (additional && typeof additional === 'object') {
        validateCelRules(additional, child, childOld, `${path}[${name}]`, out);
      }
    }
  } else if (
    Array.isArray(value) &&
    schema.items &&
    typeof schema.items === 'object'
  ) {
    value.forEach((item, index) =>
      validateCelRules(
        schema.items,
        item,
        correlatedItem(schema, item, oldValue),
        `${path}[${index}]`,
        out,
      ),
    );
  }
  return out;
}
