import {
  karpenterTemplateInputSchema,
  TemplateFieldError,
} from '@karpenter-backstage/karpenter-template';
import { KarpenterInputError } from './errors';
import { RenderedFile } from './files';
import { moduleSourceOf, RenderOptions } from './render';
import { toYaml } from './yaml';

/** The values file at the root of a generated repository. */
export const VALUES_FILE = 'karpenter-values.yaml';

const VALUES_HEADER = [
  '# The values this repository was rendered from (Karpenter for Backstage). Change them here and',
  '# re-render: karpenter-render --values karpenter-values.yaml --out .',
  '# (CI checks that re-rendering changes nothing.)',
  '',
].join('\n');

function parsed(raw: unknown) {
  const result = karpenterTemplateInputSchema.safeParse(raw);
  if (!result.success) {
    // callers validate first; this only guards against a caller that did not
    const errors: TemplateFieldError[] = result.error.issues.map(issue => ({
      field: issue.path.join('.') || '<input>',
      message: issue.message,
    }));
    throw new KarpenterInputError('Invalid values', errors);
  }
  return result.data;
}

/**
 * `karpenter-values.yaml`: the whole template input exactly as it was rendered — the model's
 * defaults filled in and the module source that was used written down (so re-rendering needs no
 * portal configuration). The object is parsed twice so its keys are in the model's order whether
 * `moduleSource` came from the input or the default: rendering the file's own values gives the
 * same bytes again.
 */
export function renderValuesFile(
  raw: unknown,
  options: RenderOptions = {},
): RenderedFile {
  const first = parsed(raw);
  const values = parsed({
    ...first,
    moduleSource: moduleSourceOf(first, options),
  });
  return { path: VALUES_FILE, content: toYaml(values, VALUES_HEADER) };
}
