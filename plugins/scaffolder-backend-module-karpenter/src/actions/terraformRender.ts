import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  karpenterClusterInputSchema,
  validateKarpenterClusterInput,
} from '@karpenter-backstage/karpenter-template';
import {
  moduleSourceOf,
  RenderOptions,
  renderTerraformFiles,
  valueOrThrow,
  writeRenderedFiles,
} from '../render';
import { scaffolderInputSchema } from './inputSchema';
import { clusterOutputShape, outputClusterFiles } from './renderOutput';
import { terraformRenderExamples } from './terraformRender.examples';

/** Id of the action that writes the Terraform module instance. @public */
export const TERRAFORM_RENDER_ACTION_ID = 'karpenter:terraform:render';

/**
 * `karpenter:terraform:render`: validates the cluster settings, renders `terraform/main.tf`,
 * `versions.tf`, `outputs.tf` (and `backend.tf` with an S3 backend) in memory, proves each file
 * parses and is canonically formatted, then writes them into the workspace.
 *
 * @public
 */
export function createTerraformRenderAction(options: RenderOptions = {}) {
  return createTemplateAction({
    id: TERRAFORM_RENDER_ACTION_ID,
    description:
      'Writes a Terraform root (terraform/main.tf, versions.tf, outputs.tf, optional backend.tf) that deploys Karpenter onto an existing EKS cluster with the Karpenter module',
    examples: terraformRenderExamples,
    supportsDryRun: true,
    schema: {
      input: scaffolderInputSchema(karpenterClusterInputSchema),
      output: z =>
        z.object({
          ...clusterOutputShape(z),
          moduleSource: z
            .string()
            .describe('Source of the module block that was written'),
        }),
    },
    async handler(ctx) {
      const settings = valueOrThrow(
        validateKarpenterClusterInput(ctx.input),
        `Invalid input to ${TERRAFORM_RENDER_ACTION_ID}`,
      );
      const files = await renderTerraformFiles(settings, options);
      const written = await writeRenderedFiles(ctx.workspacePath, files);
      ctx.logger.info(
        `Rendered ${written.join(', ')} for cluster ${settings.clusterName}${
          ctx.isDryRun ? ' (dry run)' : ''
        }`,
      );
      outputClusterFiles(ctx, written, settings.clusterName);
      ctx.output('moduleSource', moduleSourceOf(settings, options));
    },
  });
}
