import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  karpenterNodePoolsInputSchema,
  validateKarpenterNodePoolsInput,
} from '@karpenter-backstage/karpenter-template';
import {
  renderNodePoolFiles,
  valueOrThrow,
  writeRenderedFiles,
} from '../render';
import { scaffolderInputSchema } from './inputSchema';
import { nodePoolsRenderExamples } from './nodePoolsRender.examples';
import { clusterOutputShape, outputClusterFiles } from './renderOutput';

/** Id of the action that writes the NodePool manifests. @public */
export const NODEPOOLS_RENDER_ACTION_ID = 'karpenter:nodepools:render';

/**
 * `karpenter:nodepools:render`: validates the NodePools, renders an EC2NodeClass and a NodePool per
 * pool plus a kustomization in memory, validates every manifest against the Karpenter v1 CRDs,
 * then writes them under `manifests/`.
 *
 * @public
 */
export function createNodePoolsRenderAction() {
  return createTemplateAction({
    id: NODEPOOLS_RENDER_ACTION_ID,
    description:
      'Writes manifests/ec2nodeclass-<name>.yaml, manifests/nodepool-<name>.yaml for each NodePool and manifests/kustomization.yaml, validated against the Karpenter v1 CRDs',
    examples: nodePoolsRenderExamples,
    supportsDryRun: true,
    schema: {
      input: scaffolderInputSchema(karpenterNodePoolsInputSchema),
      output: z =>
        z.object({
          ...clusterOutputShape(z),
          nodePools: z
            .array(z.string())
            .describe('Names of the NodePools rendered'),
          nodePoolsAnnotation: z
            .string()
            .describe(
              'Comma-separated NodePool names for karpenter.sh/nodepools',
            ),
        }),
    },
    async handler(ctx) {
      const input = valueOrThrow(
        validateKarpenterNodePoolsInput(ctx.input),
        `Invalid input to ${NODEPOOLS_RENDER_ACTION_ID}`,
      );
      const files = renderNodePoolFiles(input);
      const written = await writeRenderedFiles(ctx.workspacePath, files);
      const names = input.nodePools.map(pool => pool.name);
      ctx.logger.info(
        `Rendered NodePools ${names.join(', ')} for cluster ${
          input.clusterName
        }${ctx.isDryRun ? ' (dry run)' : ''}`,
      );
      outputClusterFiles(ctx, written, input.clusterName);
      ctx.output('nodePools', names);
      ctx.output('nodePoolsAnnotation', names.join(','));
    },
  });
}
