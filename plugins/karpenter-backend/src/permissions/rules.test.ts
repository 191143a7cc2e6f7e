import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createKarpenterClusterConditionalDecision,
  karpenterClusterConditions,
} from './conditions';
import { karpenterClusterRules } from './rules';
import { karpenterClusterReadPermission } from '@karpenter-backstage/plugin-karpenter-common';

const authorize = createConditionAuthorizer(
  Object.values(karpenterClusterRules),
);
const demo = { name: 'demo', owners: ['group:default/team-a'] };

describe('karpenter-cluster rules', () => {
  it('evaluates conditions against a cluster', () => {
    const decide = (conditions: any) =>
      authorize(
        createKarpenterClusterConditionalDecision(
          karpenterClusterReadPermission,
          conditions,
        ),
        demo,
      );
    const { isCluster, isClusterOwner, isEntityOwner } =
      karpenterClusterConditions;
    expect(decide(isCluster({ names: ['demo'] }))).toBe(true);
    expect(decide(isCluster({ names: ['staging'] }))).toBe(false);
    expect(decide(isClusterOwner({ claims: ['group:default/team-a'] }))).toBe(
      true,
    );
    expect(decide(isClusterOwner({ claims: ['group:default/team-b'] }))).toBe(
      false,
    );
    // not bound to an entity
    expect(decide(isEntityOwner({ claims: ['group:default/team-a'] }))).toBe(
      false,
    );
    expect(
      authorize(
        createKarpenterClusterConditionalDecision(
          karpenterClusterReadPermission,
          isEntityOwner({ claims: ['group:default/team-c'] }),
        ),
        {
          ...demo,
          entity: {
            ref: 'component:default/checkout',
            owners: ['group:default/team-c'],
          },
        },
      ),
    ).toBe(true);
    expect(decide({ not: isCluster({ names: ['demo'] }) })).toBe(false);
    expect(authorize({ result: AuthorizeResult.ALLOW }, demo)).toBe(true);
  });

  it('validates params and publishes them as JSON Schema', () => {
    const schema = karpenterClusterRules.isCluster.paramsSchema as any;
    expect(schema['~standard'].validate({ names: ['a'] })).toEqual({
      value: { names: ['a'] },
    });
    expect(schema['~standard'].validate({ names: 'a' }).issues[0].message).toBe(
      'names: must be a list of strings',
    );
    expect(schema['~standard'].validate(null).issues).toHaveLength(1);
    expect(
      schema['~standard'].jsonSchema.input({ target: 'draft-07' }),
    ).toMatchObject({
      type: 'object',
      required: ['names'],
      properties: { names: { type: 'array', items: { type: 'string' } } },
    });
  });
});
