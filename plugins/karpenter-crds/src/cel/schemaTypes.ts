import { Environment } from '@marcbachmann/cel-js';
import { CelCompileError } from './errors';
import { Schema, schemaKind } from './schemaKind';
import { celEquals, isFieldName, objectClass } from './values';

/*
 * The CEL types of a structural schema, as kube-apiserver declares them for `self` and `oldSelf`
 * (k8s.io/apiserver pkg/cel/common/schemas.go `SchemaDeclType`, pkg/cel/types.go `DeclType`): an
 * object schema becomes an object type whose fields are its properties, so the rules are
 * type-checked (`self.nmae` does not compile, `self.replicas` is an int).
 */

class TypeRegistrar {
  private readonly names = new Set<string>();
  private readonly declared = new Map<Schema, string>();

  constructor(private readonly env: Environment) {}

  /** The cel-js type of `schema`'s values, registering its object types; undefined if none. */
  declare(schema: Schema, path: string): string | undefined {
    switch (schemaKind(schema)) {
      case 'intOrString':
        return 'dyn';
      case 'object':
        return this.declareObject(schema, path);
      case 'map':
        return `map<string, ${this.declare(
          schema.additionalProperties,
          `${path}.additionalProperties`,
        )}>`;
      case 'list':
        return `list<${this.declare(schema.items, `${path}.items`)}>`;
      case 'string':
        return 'string';
      case 'timestamp':
        return 'google.protobuf.Timestamp';
      case 'bytes':
        return 'bytes';
      case 'bool':
        return 'bool';
      case 'double':
        return 'double';
      case 'int':
        return 'int';
      case 'duration':
        throw new CelCompileError(
          `format: duration (at ${path}) is not supported`,
        );
      default:
        return undefined;
    }
  }

  private declareObject(schema: Schema, path: string): string {
    const known = this.declared.get(schema);
    if (known) return known;
    const fields: Record<string, string> = {};
    for (const [name, prop] of Object.entries(
      (schema.properties ?? {}) as Record<string, Schema>,
    )) {
      if (!isFieldName(name)) continue;
      const type = this.declare(prop, `${path}.${name}`);
      if (type) fields[name] = type;
    }
    const typeName = this.uniqueName(path.replace(/[^\w.]/g, '_'));
    this.env
      .registerType(typeName, { ctor: objectClass(schema), fields })
      .registerOperator(`${typeName} == ${typeName}`, celEquals);
    this.declared.set(schema, typeName);
    return typeName;
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }
}

/**
 * Registers on `env` the CEL types of `schema` (object types, with `==`) and returns the type of
 * its values, named after `selfType` and the field path (`selfType.amiSelectorTerms.items`).
 * Throws a CelCompileError if the schema has no CEL type.
 *
 * @internal
 */
export function declareSchemaType(env: Environment, schema: Schema): string {
  const type = new TypeRegistrar(env).declare(schema, 'selfType');
  if (!type) {
    throw new CelCompileError(
      `a rule on a schema without a CEL type (type: ${
        schema.type ?? 'unset'
      }) is not supported`,
    );
  }
  return type;
}
