/*
 * The ONE input model of the Karpenter template, its actions and the CLI, one schema a file:
 * the cluster settings (cluster.ts), a NodePool (nodePool.ts) and its EC2NodeClass options
 * (nodeClass.ts), and the NodePools part and the whole input (template.ts). The value rules are
 * in ../rules, attached by the combinators (combinators.ts).
 */
export { karpenterClusterInputSchema, s3BackendInputSchema } from './cluster';
export type {
  KarpenterClusterInput,
  ParsedClusterInput,
  S3BackendInput,
} from './cluster';
export { nodeClassInputSchema } from './nodeClass';
export type { NodeClassInput } from './nodeClass';
export {
  disruptionBudgetSchema,
  nodePoolInputSchema,
  nodePoolRequirementSchema,
  nodePoolTaintSchema,
} from './nodePool';
export type {
  DisruptionBudget,
  NodePoolInput,
  NodePoolRequirement,
  NodePoolTaint,
  ParsedNodePool,
} from './nodePool';
export {
  karpenterNodePoolsInputSchema,
  karpenterTemplateInputSchema,
} from './template';
export type {
  KarpenterNodePoolsInput,
  KarpenterTemplateInput,
  ParsedNodePoolsInput,
} from './template';
