type Schema = Record<string, any>;

/**
 * Turns a Kubernetes structural schema (openAPIV3Schema) into a JSON Schema that Ajv validates
 * strictly: unknown fields are errors (as with `kubectl apply --validate=strict`) except where the
 * schema preserves unknown fields, `x-kubernetes-int-or-string` becomes integer-or-string, and
 * `metadata` is left to the API server (it only checks it is an object).
 *
 * @internal
 */
export function toJsonSchema(node: Schema, isRoot = true): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'description') {
      continue;
    }
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Schema).map(([name, child]) => [
          name,
          isRoot && name === 'metadata'
            ? { type: 'object' }
            : toJsonSchema(child as Schema, false),
        ]),
      );
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] =
        typeof value === 'object'
          ? toJsonSchema(value as Schema, false)
          : value;
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = (value as Schema[]).map(child => toJsonSchema(child, false));
    } else if (key === 'not') {
      out[key] = toJsonSchema(value as Schema, false);
    } else {
      out[key] = value;
    }
  }
  if (node['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (node.nullable) {
    delete out.nullable;
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
    }
  }
  if (
    out.type === 'object' &&
    out.properties &&
    out.additionalProperties === undefined &&
    !node['x-kubernetes-preserve-unknown-fields']
  ) {
    out.additionalProperties = false;
  }
  return out;
}
