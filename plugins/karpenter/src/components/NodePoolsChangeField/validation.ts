import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { validateKarpenterNodePoolsInput } from '@karpenter-backstage/karpenter-template';
import {
  entityKey,
  KarpenterNodePoolsChangeUiOptions,
  KarpenterNodePoolsChangeValue,
  stringParameter,
} from './types';

/**
 * Validates the NodePools change with the template model, the same validation the render action
 * runs (pure zod, so it runs in the browser): every error names its field
 * (`nodePools[1].limits.cpu: …`). Also refuses values that were not loaded, or were loaded for
 * another cluster than the picked one.
 */
export const validateNodePoolsChange: CustomFieldValidator<
  KarpenterNodePoolsChangeValue,
  KarpenterNodePoolsChangeUiOptions
> = (value, field, context) => {
  const source = value?.source;
  const clusterName = stringParameter(source?.clusterName);
  if (!source?.entityRef || !clusterName) {
    field.addError(
      "The cluster's NodePools are not loaded: pick a cluster whose repository has a karpenter-values.yaml",
    );
    return;
  }
  const clusterField =
    context.uiSchema?.['ui:options']?.clusterField ?? 'cluster';
  const picked = stringParameter(context.formData?.[clusterField]);
  if (picked && entityKey(picked) !== entityKey(source.entityRef)) {
    field.addError(
      `The NodePools were loaded for ${source.entityRef}, not for the picked cluster ${picked}: wait for them to load`,
    );
    return;
  }
  const result = validateKarpenterNodePoolsInput({
    clusterName,
    nodePools: value?.nodePools ?? [],
  });
  if (!result.ok) {
    for (const error of result.errors) {
      field.addError(`${error.field}: ${error.message}`);
    }
  }
};
