/*
 * The input model of the Karpenter template (form, scaffolder actions and CLI): one zod schema,
 * presets, validation with field-named errors, and the resolved model the renderer consumes.
 */
export * from './constants';
export {
  karpenterClusterInputSchema,
  karpenterNodePoolsInputSchema,
  karpenterTemplateInputSchema,
  nodePoolInputSchema,
  s3BackendSchema,
} from './schema';
export type {
  DisruptionBudget,
  KarpenterClusterInput,
  KarpenterNodePoolsInput,
  KarpenterTemplateInput,
  NodeClassInput,
  NodePoolInput,
  NodePoolRequirement,
  NodePoolTaint,
  S3BackendInput,
} from './schema';
export { NODE_POOL_PRESETS } from './presets';
export type { NodePoolPreset } from './presets';
export type {
  ResolvedClusterSettings,
  ResolvedKarpenterTemplate,
  ResolvedNodeClass,
  ResolvedNodePool,
  ResolvedNodePools,
  ResolvedS3Backend,
} from './resolve';
export {
  validateKarpenterClusterInput,
  validateKarpenterNodePoolsInput,
  validateKarpenterTemplateInput,
} from './validate';
export { formatFieldErrors, formatFieldPath, toFieldErrors } from './errors';
export type { TemplateFieldError, TemplateValidationResult } from './errors';
export {
  AWS_REGION_PATTERN,
  CLUSTER_NAME_PATTERN,
  DNS1123_LABEL_PATTERN,
  HELM_CHART_VERSION_PATTERN,
  MAX_CLUSTER_NAME_LENGTH,
} from './rules/names';
export type { ValueCheck } from './rules/names';
export {
  AWS_WELL_KNOWN_LABELS,
  LABEL_DOMAIN_EXCEPTIONS,
  RESTRICTED_LABEL_DOMAINS,
  RESTRICTED_LABELS,
  WELL_KNOWN_LABELS,
} from './rules/labels';
export { AMI_ALIAS_PATTERN, AMI_FAMILIES } from './rules/ec2';
export { instanceArchitecture } from './rules/architecture';
