import { PermissionRuleParams } from '@backstage/plugin-permission-common';
import { CreatePermissionRuleOptions } from '@backstage/plugin-permission-node';
import { karpenterClusterPermissionResourceRef } from './resource';

type ParamsSchema<TParams extends PermissionRuleParams> = NonNullable<
  CreatePermissionRuleOptions<
    typeof karpenterClusterPermissionResourceRef,
    TParams
  >['paramsSchema']
>;

/**
 * The parameter schema of a rule taking one list of strings (`{ names: [...] }`): a Standard
 * Schema with its JSON Schema, as the permission framework validates and publishes rule params.
 *
 * @internal
 */
export function stringListParams<TKey extends string>(
  key: TKey,
  description: string,
): ParamsSchema<Record<TKey, string[]>> {
  const jsonSchema = () => ({
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      [key]: { type: 'array', items: { type: 'string' }, description },
    },
    required: [key],
    additionalProperties: false,
  });
  return {
    '~standard': {
      version: 1,
      vendor: 'karpenter',
      validate(value: unknown) {
        const list =
          typeof value === 'object' && value !== null
            ? (value as Record<string, unknown>)[key]
            : undefined;
        if (!Array.isArray(list) || list.some(item => typeof item !== 'string'))
          return {
            issues: [
              { message: `${key}: must be a list of strings`, path: [key] },
            ],
          };
        return { value: { [key]: list } as Record<TKey, string[]> };
      },
      jsonSchema: { input: jsonSchema, output: jsonSchema },
    },
  };
}
