import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  karpenterTemplateInputSchema,
  validateKarpenterTemplateInput,
} from '@karpenter-backstage/karpenter-template';
import {
  RenderOptions,
  renderValuesFile,
  valueOrThrow,
  VALUES_FILE,
  writeRenderedFiles,
} from '../render';
import { scaffolderInputSchema } from './inputSchema';
import { filesOutputShape } from './renderOutput';
import { valuesRenderExamples } from './valuesRender.examples';

/** Id of the action that writes `karpenter-values.yaml`. @public */
export const VALUES_RENDER_ACTION_ID = 'karpenter:values:render';

/**
 * `karpenter:values:render`: validates the whole template input (cluster settings and NodePools)
 * and writes `karpenter-values.yaml`, the values the repository is rendered from, with the module
 * source that was used. `karpenter-render --values karpenter-values.yaml --out .` reproduces the
 * files of both render actions (and this one) byte for byte.
 *
 * @public
 */
export function createValuesRenderAction(options: RenderOptions = {}) {
  return createTemplateAction({
    id: VALUES_RENDER_ACTION_ID,
    description: `Writes ${VALUES_FILE}: the values the repository is rendered from (re-render with karpenter-render --values ${VALUES_FILE} --out .)`,
    examples: valuesRenderExamples,
    supportsDryRun: true,
    schema: {
      input: scaffolderInputSchema(karpenterTemplateInputSchema),
      output: z => z.object(filesOutputShape(z)),
    },
    async handler(ctx) {
      valueOrThrow(
        validateKarpenterTemplateInput(ctx.input),
        `Invalid input to ${VALUES_RENDER_ACTION_ID}`,
      );
      const written = await writeRenderedFiles(ctx.workspacePath, [
        renderValuesFile(ctx.input, options),
      ]);
      ctx.logger.info(
        `Rendered ${written.join(', ')}${ctx.isDryRun ? ' (dry run)' : ''}`,
      );
      ctx.output('files', written);
    },
  });
}
