/** A Kubernetes structural schema node (`openAPIV3Schema` or a part of it). @internal */
export type Schema = Record<string, any>;

/**
 * What a schema node is to CEL, following `SchemaDeclType` of k8s.io/apiserver
 * pkg/cel/common/schemas.go: an int-or-string is `dyn`; an object with an `additionalProperties`
 * schema is a map, otherwise an object type with the declared properties as fields; strings with
 * `format: date`/`date-time` are timestamps, `byte` bytes, `duration` durations; `number` is double,
 * `integer` int. `undefined` for a node CEL cannot see (no type, e.g. only
 * `x-kubernetes-preserve-unknown-fields`, or a list or map of such nodes), which kube-apiserver
 * leaves out of the enclosing object type.
 *
 * @internal
 */
export type SchemaKind =
  | 'intOrString'
  | 'object'
  | 'map'
  | 'list'
  | 'string'
  | 'timestamp'
  | 'bytes'
  | 'duration'
  | 'bool'
  | 'double'
  | 'int'
  | undefined;

/** Whether `value` is a (sub)schema, not `true`/`false` or absent. @internal */
export function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The CEL kind of `schema` (see {@link SchemaKind}). @internal */
export function schemaKind(schema: Schema): SchemaKind {
  if (schema['x-kubernetes-int-or-string']) return 'intOrString';
  switch (schema.type) {
    case 'object':
      if (isSchema(schema.additionalProperties)) {
        return schemaKind(schema.additionalProperties) ? 'map' : undefined;
      }
      return 'object';
    case 'array':
      return isSchema(schema.items) && schemaKind(schema.items)
        ? 'list'
        : undefined;
    case 'string':
      switch (schema.format) {
        case 'date':
        case 'date-time':
          return 'timestamp';
        case 'byte':
          return 'bytes';
        case 'duration':
          return 'duration';
        default:
          return 'string';
      }
    case 'boolean':
      return 'bool';
    case 'number':
      return 'double';
    case 'integer':
      return 'int';
    default:
      return undefined;
  }
}
