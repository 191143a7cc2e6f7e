import { z } from 'zod/v3';
import { nodePoolList } from '../rules/lists';
import { clusterName, karpenterClusterInputSchema } from './cluster';
import { refined } from './combinators';
import { nodePoolInputSchema } from './nodePool';

/** The NodePools part of the input. @public */
export const karpenterNodePoolsInputSchema = z
  .object({
    clusterName,
    nodePools: refined(z.array(nodePoolInputSchema), nodePoolList).describe(
      'NodePools to render, each with its own EC2NodeClass',
    ),
  })
  .strict();

/** The whole template input: cluster settings and NodePools (what the CLI reads). @public */
export const karpenterTemplateInputSchema = karpenterClusterInputSchema.merge(
  karpenterNodePoolsInputSchema,
);

/** Input of `karpenter:nodepools:render`. @public */
export type KarpenterNodePoolsInput = z.input<
  typeof karpenterNodePoolsInputSchema
>;
/** The whole template input (values file of the CLI). @public */
export type KarpenterTemplateInput = z.input<
  typeof karpenterTemplateInputSchema
>;
/** Parsed (validated) input before presets and defaults are applied. */
export type ParsedNodePoolsInput = z.output<
  typeof karpenterNodePoolsInputSchema
>;
