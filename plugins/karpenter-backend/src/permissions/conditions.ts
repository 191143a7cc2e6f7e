import { createConditionExports } from '@backstage/plugin-permission-node';
import { karpenterClusterPermissionResourceRef } from './resource';
import { karpenterClusterRules } from './rules';

const exported = createConditionExports({
  resourceRef: karpenterClusterPermissionResourceRef,
  rules: karpenterClusterRules,
});

/**
 * Conditions for `karpenter.cluster.read` in a permission policy:
 * `karpenterClusterConditions.isClusterOwner({ claims: user.info.ownershipEntityRefs })`.
 *
 * @public
 */
export const karpenterClusterConditions = exported.conditions;

/**
 * A conditional decision for a `karpenter-cluster` permission.
 *
 * @public
 */
export const createKarpenterClusterConditionalDecision =
  exported.createConditionalDecision;
