import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { compileSchemaRules, validateCelRules } from './celRules';
import { loadKarpenterCrds } from './loadCrds';
import { toJsonSchema } from './toJsonSchema';

/** One schema violation, with the field path as the API server names it (`spec.template...`). @public */
export interface CrdViolation {
  field: string;
  message: string;
}

/** The result of validating one object. @public */
export interface CrdValidationResult {
  valid: boolean;
  kind?: string;
  violations: CrdViolation[];
}

interface KindValidator {
  /** Ajv validator of the OpenAPI part of the schema. */
  validate: ValidateFunction;
  /** The CRD version's openAPIV3Schema, for its `x-kubernetes-validations` rules. */
  schema: Record<string, unknown>;
}

let validators: Map<string, KindValidator> | undefined;

function getValidators(): Map<string, KindValidator> {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat('int32', {
      type: 'number',
      validate: n => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
    });
    ajv.addFormat('int64', {
      type: 'number',
      validate: n => Number.isInteger(n),
    });
    validators = new Map(
      loadKarpenterCrds().map(crd => {
        // compile every CEL rule up front: a rule the evaluator cannot handle is an error here,
        // never a rule that silently passes
        try {
          compileSchemaRules(crd.schema);
        } catch (error) {
          throw new Error(`${crd.kind} CRD ${(error as Error).message}`);
        }
        return [
          `${crd.group}/${crd.version}/${crd.kind}`,
          {
            validate: ajv.compile(toJsonSchema(crd.schema)),
            schema: crd.schema,
          },
        ];
      }),
    );
  }
  return validators;
}

function fieldOf(error: ErrorObject): string {
  const base = error.instancePath
    .split('/')
    .slice(1)
    .map(part =>
      /^\d+$/.test(part)
        ? `[${part}]`
        : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`,
    )
    .join('')
    .replace(/^\./, '');
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string })
      .additionalProperty;
    return base ? `${base}.${extra}` : extra;
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string })
      .missingProperty;
    return base ? `${base}.${missing}` : missing;
  }
  return base || '<root>';
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return 'field not declared in schema';
    case 'required':
      return 'Required value';
    case 'enum':
      return `Unsupported value: supported values: ${(
        error.params as { allowedValues: unknown[] }
      ).allowedValues
        .map(v => JSON.stringify(v))
        .join(', ')}`;
    default:
      return error.message ?? error.keyword;
  }
}

/**
 * Ajv keywords whose failures kube-apiserver treats as blocking: when one occurs it does not run
 * the CEL rules (type, required, enum, format, maxLength, maxItems, maxProperties errors).
 */
const BLOCKING_KEYWORDS = new Set([
  'type',
  'required',
  'enum',
  'format',
  'maxLength',
  'maxItems',
  'maxProperties',
]);

/** kube-apiserver's note when schema errors kept it from running the CEL rules. @public */
export const CEL_RULES_NOT_CHECKED: CrdViolation = {
  field: '<nil>',
  message:
    'Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
};

/**
 * Validates a NodePool, NodeClaim or EC2NodeClass against the real Karpenter v1 CRD schema, as
 * kube-apiserver does:
 *
 * - the OpenAPI part (types, required fields, enums, patterns, bounds; unknown fields are errors
 *   as with `kubectl apply --validate=strict`; `metadata` is left to the API server);
 * - the CEL `x-kubernetes-validations` rules, evaluated at every schema node the object has a
 *   value for (rules of absent optional fields are not evaluated). A failing rule yields the
 *   rule's message (`spec: Invalid value: must specify exactly one of ['role', 'instanceProfile']`),
 *   an evaluation error yields `<error> evaluating rule: <message>`. As in kube-apiserver, the
 *   rules are skipped when the OpenAPI check found a blocking error (wrong type, missing required
 *   field, unsupported enum value, too long/many), with a `<nil>` note saying so.
 * - Transition rules (those referring to `oldSelf`, e.g. immutable `nodeClassRef.group`) are
 *   evaluated only when `old`, the object being replaced, is given; then, like kube-apiserver's
 *   validation ratcheting, CEL rules on values unchanged from `old` are not enforced (the OpenAPI
 *   part is not ratcheted).
 *
 * The rules are evaluated by cel-js (`@marcbachmann/cel-js`) with what kube-apiserver adds to CEL,
 * in `../cel`: `self`/`oldSelf` typed by the schema, the Kubernetes regex library, RE2 regular
 * expressions. Every rule is compiled (and type-checked) when the validators are first built, so
 * an unsupported construct throws instead of passing. Not modelled: schema `default`s (the API
 * server applies them before validating, so a defaulted required field left out is reported
 * here) and the CEL cost budget.
 *
 * @param object - the object to validate
 * @param old - on update, the object as it is stored now; omit on create
 * @public
 */
export function validateKarpenterObject(
  object: unknown,
  old?: unknown,
): CrdValidationResult {
  const obj = object as { apiVersion?: unknown; kind?: unknown } | null;
  if (!obj || typeof obj !== 'object') {
    return {
      valid: false,
      violations: [{ field: '<root>', message: 'must be an object' }],
    };
  }
  const key = `${String(obj.apiVersion)}/${String(obj.kind)}`;
  const validator = getValidators().get(key);
  if (!validator) {
    return {
      valid: false,
      violations: [
        {
          field: 'kind',
          message: `${String(obj.apiVersion)} ${String(
            obj.kind,
          )} is not a Karpenter v1 kind (NodePool, NodeClaim, EC2NodeClass)`,
        },
      ],
    };
  }
  const { validate, schema } = validator;
  const schemaValid = validate(object) as boolean;
  const seen = new Set<string>();
  const violations: CrdViolation[] = [];
  let blocked = false;
  for (const error of validate.errors ?? []) {
    blocked ||= BLOCKING_KEYWORDS.has(error.keyword);
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      continue;
    }
    const violation = { field: fieldOf(error), message: messageOf(error) };
    const id = `${violation.field}: ${violation.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      violations.push(violation);
    }
  }
  if (blocked) {
    violations.push(CEL_RULES_NOT_CHECKED);
  } else {
    const previous = old as { apiVersion?: unknown; kind?: unknown } | null;
    const sameKind =
      !!previous &&
      typeof previous === 'object' &&
      `${String(previous.apiVersion)}/${String(previous.kind)}` === key;
    violations.push(
      ...validateCelRules(schema, object, sameKind ? previous : undefined),
    );
  }
  return {
    valid: schemaValid && violations.length === 0,
    kind: String(obj.kind),
    violations,
  };
}

/** The kinds this validator knows, as `group/version/Kind`. @public */
export function knownKarpenterKinds(): string[] {
  return Array.from(getValidators().keys());
}
