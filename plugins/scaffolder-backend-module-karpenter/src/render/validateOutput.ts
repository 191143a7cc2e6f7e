import { validateKarpenterObject } from '@karpenter-backstage/karpenter-crds';
import { TemplateFieldError } from '@karpenter-backstage/karpenter-template';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { formatAndParseHcl } from './hcl/check';
import { RenderedFile } from './files';
import { KarpenterInputError } from './errors';

/** Throws when a rendered file failed its check (a defect in the input rules: stage `output`). */
export function assertNoOutputErrors(errors: TemplateFieldError[]) {
  if (errors.length > 0) {
    throw new KarpenterInputError(
      'Rendered files failed validation',
      errors,
      'output',
    );
  }
}

/** Formats and parses each HCL file; returns the canonical files. */
export async function checkHclFiles(
  files: RenderedFile[],
): Promise<RenderedFile[]> {
  const errors: TemplateFieldError[] = [];
  const out: RenderedFile[] = [];
  for (const file of files) {
    try {
      const text = await formatAndParseHcl(file.path, file.content);
      out.push({ path: file.path, content: text });
    } catch (error) {
      errors.push({ field: file.path, message: String(error) });
    }
  }
  assertNoOutputErrors(errors);
  return out;
}

/**
 * Checks one YAML manifest: it must parse back to the very object it was made from and, for
 * Karpenter kinds, validate against the real v1 CRD schema.
 */
export function checkManifest(
  file: RenderedFile,
  object: Record<string, unknown>,
): TemplateFieldError[] {
  const errors: TemplateFieldError[] = [];
  // Kubernetes reads YAML with 1.1 rules; the tests also read every manifest as YAML 1.2
  if (!isDeepStrictEqual(parse(file.content, { version: '1.1' }), object)) {
    errors.push({
      field: file.path,
      message: 'does not read back as the rendered object',
    });
  }
  if (String(object.apiVersion).startsWith('karpenter.')) {
    const result = validateKarpenterObject(object);
    for (const violation of result.violations) {
      errors.push({
        field: `${file.path}: ${violation.field}`,
        message: violation.message,
      });
    }
  }
  return errors;
}
