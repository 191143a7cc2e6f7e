import { CelEvalError } from './errors';
import { Schema, isSchema, schemaKind } from './schemaKind';

/*
 * JSON values as CEL values, typed by the schema they sit on, as kube-apiserver's
 * `UnstructuredToVal` does (k8s.io/apiserver pkg/cel/common/values.go): `integer` is a CEL int
 * (a JavaScript bigint in cel-js), `number` a CEL double (a JavaScript number) even when the JSON
 * number is whole (`1` is `1.0`), a map a `Map`, `date-time` a timestamp (`Date`), an object an
 * instance of the class of its schema node whose fields are converted when read (as
 * kube-apiserver's `unstructuredMap` does), so that a rule on `spec` reading two fields does not
 * convert the whole spec. Lists and maps are always new arrays and Maps of this realm (cel-js
 * recognises a list by its constructor, and `value.map()` of an array from another realm, e.g.
 * structuredClone's in Jest, would keep that realm's).
 */

const RAW = Symbol('raw');
const FIELDS = Symbol('fields');

/** A value of an object type: the JSON object, read through the getters of its class. */
class CelObject {
  readonly [RAW]: Record<string, unknown>;
  [FIELDS]?: Map<string, unknown>;

  constructor(raw: Record<string, unknown>) {
    this[RAW] = raw;
  }
}

/** The class of an object schema node, with the node's declared field names. */
type ObjectClass = (new (raw: Record<string, unknown>) => CelObject) & {
  readonly fields: ReadonlySet<string>;
};

const classes = new WeakMap<Schema, ObjectClass>();

/** Property names that cannot be fields of a class (kept as unknown fields). */
const RESERVED_NAMES = new Set(['constructor', '__proto__']);

/**
 * The class of the values of an object schema node (cel-js tells object types apart by their
 * constructor, so every node has its own), with a getter per property that converts the field.
 *
 * @internal
 */
export function objectClass(schema: Schema): ObjectClass {
  let cls = classes.get(schema);
  if (cls) return cls;
  const properties = Object.entries(
    (schema.properties ?? {}) as Record<string, Schema>,
  ).filter(([name]) => !RESERVED_NAMES.has(name));
  cls = class extends CelObject {
    static readonly fields: ReadonlySet<string> = new Set(
      properties.map(([name]) => name),
    );
  };
  for (const [name, prop] of properties) {
    Object.defineProperty(cls.prototype, name, {
      get(this: CelObject) {
        const raw = this[RAW];
        if (!Object.hasOwn(raw, name) || raw[name] === undefined) {
          return undefined;
        }
        const fields = (this[FIELDS] ??= new Map());
        if (!fields.has(name)) fields.set(name, toCelValue(prop, raw[name]));
        return fields.get(name);
      },
    });
  }
  classes.set(schema, cls);
  return cls;
}

/** Whether a property name can be a field of an object type (see {@link objectClass}). @internal */
export function isFieldName(name: string): boolean {
  return !RESERVED_NAMES.has(name);
}

/**
 * A JSON value read without a schema (as Kubernetes decodes JSON: a whole number that fits int64
 * is an int, any other number a double); for values no schema describes, kept for equality only.
 */
function untyped(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) < 2 ** 63
      ? BigInt(value)
      : value;
  }
  if (Array.isArray(value)) return Array.from(value, untyped);
  if (isSchema(value)) {
    return new Map(Object.entries(value).map(([k, v]) => [k, untyped(v)]));
  }
  return value;
}

function timestamp(text: unknown): unknown {
  const date = new Date(String(text));
  if (Number.isNaN(date.getTime())) {
    throw new CelEvalError(`Invalid date-time formatted string ${text}`);
  }
  return date;
}

/**
 * `value` (JSON) as the CEL value of `schema`'s type; without a schema, as CEL's reading of
 * untyped JSON (whole numbers are ints). Values that do not fit the schema (which the OpenAPI
 * check reports first) are read as untyped.
 *
 * @internal
 */
export function toCelValue(
  schema: Schema | undefined,
  value: unknown,
): unknown {
  if (value === null || value === undefined) return null;
  if (!schema) return untyped(value);
  switch (schemaKind(schema)) {
    case 'object':
      return isSchema(value)
        ? new (objectClass(schema))(value)
        : untyped(value);
    case 'map':
      return isSchema(value)
        ? new Map(
            Object.entries(value).map(([k, v]) => [
              k,
              toCelValue(schema.additionalProperties, v),
            ]),
          )
        : untyped(value);
    case 'list':
      return Array.isArray(value)
        ? Array.from(value, item => toCelValue(schema.items, item))
        : untyped(value);
    case 'double':
      return typeof value === 'number' ? value : untyped(value);
    case 'timestamp':
      return timestamp(value);
    case 'bytes':
      return typeof value === 'string'
        ? new Uint8Array(Buffer.from(value, 'base64'))
        : untyped(value);
    default:
      // int, int-or-string, string, bool, and what CEL cannot see
      return untyped(value);
  }
}

function definedKeys(raw: Record<string, unknown>): string[] {
  return Object.keys(raw).filter(k => raw[k] !== undefined);
}

function objectEquals(a: CelObject, b: CelObject): boolean {
  const cls = a.constructor as ObjectClass;
  if (b.constructor !== cls) return false;
  const keys = definedKeys(a[RAW]);
  if (keys.length !== definedKeys(b[RAW]).length) return false;
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  return keys.every(k => {
    if (!Object.hasOwn(b[RAW], k) || b[RAW][k] === undefined) return false;
    return cls.fields.has(k)
      ? celEquals(left[k], right[k])
      : celEquals(untyped(a[RAW][k]), untyped(b[RAW][k]));
  });
}

/**
 * Equality of two CEL values of the same object type: the same fields with equal values, unknown
 * fields included (kube-apiserver's `unstructuredMap.Equal`). Lists compare in order, also for
 * `x-kubernetes-list-type: set` and `map` lists, which kube-apiserver compares ignoring order
 * (no Karpenter rule compares such a list).
 *
 * @internal
 */
export function celEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (a instanceof CelObject)
    return b instanceof CelObject && objectEquals(a, b);
  if (a instanceof Date)
    return b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => celEquals(x, b[i]))
    );
  }
  if (a instanceof Map) {
    return (
      b instanceof Map &&
      a.size === b.size &&
      [...a].every(([k, v]) => b.has(k) && celEquals(v, b.get(k)))
    );
  }
  if (a instanceof Uint8Array) {
    return (
      b instanceof Uint8Array &&
      a.length === b.length &&
      a.every((x, i) => x === b[i])
    );
  }
  return false;
}
