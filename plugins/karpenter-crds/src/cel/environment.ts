import { Environment } from '@marcbachmann/cel-js';
import {
  intOfDouble,
  intOfString,
  intOfTimestamp,
  intOfUint,
} from './intConversion';
import { re2Find, re2Matches } from './re2';
import { ROUTED_BUILTINS } from './routedNames';
import { Schema } from './schemaKind';
import { declareSchemaType } from './schemaTypes';

let base: Environment | undefined;

/**
 * The CEL environment of CRD validation rules, as far as the Karpenter rules use it: cel-js's
 * standard library, which includes the cel-go strings extension functions the rules call
 * (`split`; github.com/google/cel-go ext/strings.go), and what kube-apiserver adds
 * (k8s.io/apiserver pkg/cel/environment/base.go):
 *
 * - `<string>.find(<string>) -> <string>` of the Kubernetes regex library
 *   (pkg/cel/library/regex.go), with RE2;
 * - `matches` with RE2 and cel-go's `int()`, under internal names (see ./routedNames.ts);
 * - list and map literals of mixed element types (cel-go's default; cel-js's option).
 *
 * Not provided (a rule using them does not compile): `findAll`, the other Kubernetes libraries
 * (lists, quantity, url, ip, cidr, format, semver, authz), optional types (`?.`), two-variable
 * comprehensions; the CEL cost budget is not enforced.
 *
 * @internal
 */
export function baseEnvironment(): Environment {
  if (!base) {
    const matches = ROUTED_BUILTINS.matches;
    const int = ROUTED_BUILTINS.int;
    base = new Environment({ homogeneousAggregateLiterals: false })
      .registerFunction('string.find(string): string', re2Find)
      .registerFunction(`string.${matches}(string): bool`, re2Matches)
      .registerFunction(`${matches}(string, string): bool`, re2Matches)
      .registerFunction(`${int}(int): int`, (v: bigint) => v)
      .registerFunction(`${int}(string): int`, intOfString)
      .registerFunction(`${int}(double): int`, intOfDouble)
      .registerFunction(`${int}(uint): int`, intOfUint)
      .registerFunction(
        `${int}(google.protobuf.Timestamp): int`,
        intOfTimestamp,
      );
  }
  return base;
}

const bySchema = new WeakMap<Schema, Environment>();
let untyped: Environment | undefined;

/**
 * The environment of a rule on `schema`: `self` and `oldSelf` declared with the schema's CEL type
 * (see ./schemaTypes.ts); without a schema, both are `dyn`. Cached per schema node.
 *
 * @internal
 */
export function environmentFor(schema?: Schema): Environment {
  if (!schema) {
    untyped ??= baseEnvironment()
      .clone()
      .registerVariable('self', 'dyn')
      .registerVariable('oldSelf', 'dyn');
    return untyped;
  }
  let env = bySchema.get(schema);
  if (!env) {
    env = baseEnvironment().clone();
    const type = declareSchemaType(env, schema);
    env.registerVariable('self', type).registerVariable('oldSelf', type);
    bySchema.set(schema, env);
  }
  return env;
}
