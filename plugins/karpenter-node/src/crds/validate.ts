import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
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

let validators: Map<string, ValidateFunction> | undefined;

function getValidators(): Map<string, ValidateFunction> {
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
      loadKarpenterCrds().map(crd => [
        `${crd.group}/${crd.version}/${crd.kind}`,
        ajv.compile(toJsonSchema(crd.schema)),
      ]),
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
 * Validates a NodePool, NodeClaim or EC2NodeClass against the real Karpenter v1 CRD schema
 * (OpenAPI part; CEL `x-kubernetes-validations` rules are not evaluated).
 *
 * @public
 */
export function validateKarpenterObject(object: unknown): CrdValidationResult {
  const obj = object as { apiVersion?: unknown; kind?: unknown } | null;
  if (!obj || typeof obj !== 'object') {
    return {
      valid: false,
      violations: [{ field: '<root>', message: 'must be an object' }],
    };
  }
  const key = `${String(obj.apiVersion)}/${String(obj.kind)}`;
  const validate = getValidators().get(key);
  if (!validate) {
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
  const valid = validate(object) as boolean;
  const seen = new Set<string>();
  const violations: CrdViolation[] = [];
  for (const error of validate.errors ?? []) {
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
  return { valid, kind: String(obj.kind), violations };
}

/** The kinds this validator knows, as `group/version/Kind`. @public */
export function knownKarpenterKinds(): string[] {
  return Array.from(getValidators().keys());
}
