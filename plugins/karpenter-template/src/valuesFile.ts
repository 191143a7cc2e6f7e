import { parse } from 'yaml';
import { TemplateValidationResult } from './errors';
import { karpenterTemplateInputSchema, KarpenterTemplateInput } from './schema';
import { validateKarpenterTemplateInput } from './validate';

/**
 * The file at the root of a generated repository holding the values it was rendered from.
 *
 * @public
 */
export const KARPENTER_VALUES_FILE = 'karpenter-values.yaml';

/** Larger than any values file of at most 20 NodePools; a guard against reading a huge file. */
const MAX_VALUES_FILE_CHARS = 512 * 1024;

/**
 * Reads the text of a `karpenter-values.yaml`: YAML 1.2 with unique keys, validated by the whole
 * template model (every field error listed). The value is the template input as written, with
 * the model's defaults filled in — what a form edits and the render actions take.
 *
 * @public
 */
export function parseKarpenterValues(
  text: string,
): TemplateValidationResult<KarpenterTemplateInput> {
  if (text.length > MAX_VALUES_FILE_CHARS) {
    return {
      ok: false,
      errors: [
        {
          field: KARPENTER_VALUES_FILE,
          message: `is larger than ${MAX_VALUES_FILE_CHARS} characters`,
        },
      ],
    };
  }
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true });
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          field: KARPENTER_VALUES_FILE,
          message: `is not valid YAML: ${
            String((error as Error).message).split('\n')[0]
          }`,
        },
      ],
    };
  }
  const checked = validateKarpenterTemplateInput(raw);
  if (!checked.ok) {
    return checked;
  }
  return { ok: true, value: karpenterTemplateInputSchema.parse(raw) };
}
