/** Capacity types a NodePool can launch (`karpenter.sh/capacity-type`). @public */
export const CAPACITY_TYPES = ['spot', 'on-demand', 'reserved'] as const;
/** @public */
export type CapacityType = (typeof CAPACITY_TYPES)[number];

/** CPU architectures (`kubernetes.io/arch`). @public */
export const ARCHITECTURES = ['amd64', 'arm64'] as const;
/** @public */
export type Architecture = (typeof ARCHITECTURES)[number];

/** Consolidation policies the template offers. @public */
export const CONSOLIDATION_POLICIES = [
  'WhenEmpty',
  'WhenEmptyOrUnderutilized',
] as const;
/** @public */
export type ConsolidationPolicy = (typeof CONSOLIDATION_POLICIES)[number];

/** Taint effects. @public */
export const TAINT_EFFECTS = [
  'NoSchedule',
  'PreferNoSchedule',
  'NoExecute',
] as const;
/** @public */
export type TaintEffect = (typeof TAINT_EFFECTS)[number];

/** Disruption reasons a NodePool disruption budget can be limited to. @public */
export const BUDGET_DISRUPTION_REASONS = [
  'Underutilized',
  'Empty',
  'Drifted',
] as const;
/** @public */
export type BudgetDisruptionReason = (typeof BUDGET_DISRUPTION_REASONS)[number];

/** Requirement operators of Karpenter v1 NodePools. @public */
export const REQUIREMENT_OPERATORS = [
  'In',
  'NotIn',
  'Exists',
  'DoesNotExist',
  'Gt',
  'Lt',
  'Gte',
  'Lte',
] as const;
/** @public */
export type RequirementOperator = (typeof REQUIREMENT_OPERATORS)[number];

/** Names of the NodePool presets. @public */
export const NODE_POOL_PRESET_NAMES = [
  'general',
  'batch',
  'critical',
  'custom',
] as const;
/** @public */
export type NodePoolPresetName = (typeof NODE_POOL_PRESET_NAMES)[number];

/** Defaults of the cluster settings (they match the Terraform module's variable defaults). @public */
export const CLUSTER_DEFAULTS = {
  environment: 'dev',
  namespace: 'karpenter',
  serviceAccountName: 'karpenter',
  helmChartVersion: '1.14.1',
} as const;

/** The preset a NodePool uses when it names none. @public */
export const DEFAULT_NODE_POOL_PRESET: NodePoolPresetName = 'general';

/** Default AMI alias of the EC2NodeClasses. @public */
export const DEFAULT_AMI_ALIAS = 'al2023@latest';

/** The tag Karpenter discovers subnets and security groups by (value: the cluster name). @public */
export const DISCOVERY_TAG_KEY = 'karpenter.sh/discovery';

/** The node IAM role the module creates for a cluster. @public */
export function karpenterNodeRoleName(clusterName: string): string {
  return `KarpenterNodeRole-${clusterName}`;
}

/** Most NodePools one template run may render. @public */
export const MAX_NODE_POOLS = 20;
