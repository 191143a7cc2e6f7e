/**
 * The input model of the Karpenter Software Template: the zod schemas of the scaffolder actions'
 * input, the NodePool presets, validation with field-named errors, and the resolved model the
 * renderer consumes. Pure TypeScript without I/O, for the scaffolder actions, the karpenter-render
 * CLI and a template form.
 *
 * The schemas use zod's v3 API (`zod/v3` of the zod 4 package), which Backstage's scaffolder
 * converts to the actions' JSON Schema.
 *
 * @packageDocumentation
 */

// Schemas and the input they describe
export {
  disruptionBudgetSchema,
  karpenterClusterInputSchema,
  karpenterNodePoolsInputSchema,
  karpenterTemplateInputSchema,
  nodeClassInputSchema,
  nodePoolInputSchema,
  nodePoolRequirementSchema,
  nodePoolTaintSchema,
  s3BackendInputSchema,
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

// Validation and the resolved model
export {
  validateKarpenterClusterInput,
  validateKarpenterNodePoolsInput,
  validateKarpenterTemplateInput,
} from './validate';
export { formatFieldErrors } from './errors';
export { KARPENTER_VALUES_FILE, parseKarpenterValues } from './valuesFile';
export type { TemplateFieldError, TemplateValidationResult } from './errors';
export type {
  ResolvedClusterSettings,
  ResolvedKarpenterTemplate,
  ResolvedNodeClass,
  ResolvedNodePool,
  ResolvedNodePools,
  ResolvedS3Backend,
} from './resolve';

// Presets
export { NODE_POOL_PRESETS } from './presets';
export type { NodePoolPreset } from './presets';

// Choices, defaults and limits (form fields)
export {
  ARCHITECTURES,
  BUDGET_DISRUPTION_REASONS,
  CAPACITY_TYPES,
  CLUSTER_DEFAULTS,
  CONSOLIDATION_POLICIES,
  DEFAULT_AMI_ALIAS,
  DEFAULT_NODE_POOL_PRESET,
  DISCOVERY_TAG_KEY,
  karpenterNodeRoleName,
  MAX_NODE_POOLS,
  NODE_POOL_PRESET_NAMES,
  REQUIREMENT_OPERATORS,
  TAINT_EFFECTS,
} from './constants';
export type {
  Architecture,
  BudgetDisruptionReason,
  CapacityType,
  ConsolidationPolicy,
  NodePoolPresetName,
  RequirementOperator,
  TaintEffect,
} from './constants';

// Patterns and label lists (form fields; DNS1123_LABEL_PATTERN is karpenter-common's)
export {
  AWS_REGION_PATTERN,
  CLUSTER_NAME_PATTERN,
  HELM_CHART_VERSION_PATTERN,
  MAX_CLUSTER_NAME_LENGTH,
} from './rules/names';
export { AMI_ALIAS_PATTERN, AMI_FAMILIES } from './rules/ec2';
export { AWS_WELL_KNOWN_LABELS, WELL_KNOWN_LABELS } from './rules/labels';
