import { karpenterClusterInputSchema } from '@karpenter-backstage/karpenter-template';
import { KarpenterInputError } from './errors';

/**
 * Checks a default module source (from app-config or the CLI's `--module-source`) with the same
 * rule as the `moduleSource` input field.
 */
export function checkDefaultModuleSource(
  value: string,
  origin: string,
): string {
  const result =
    karpenterClusterInputSchema.shape.moduleSource.safeParse(value);
  if (!result.success) {
    throw new KarpenterInputError(
      'Invalid default module source',
      result.error.issues.map(issue => ({
        field: origin,
        message: issue.message,
      })),
    );
  }
  return value;
}
