import { z } from 'zod/v3';
import { TemplateValidationResult, toFieldErrors } from './errors';
import {
  checkResolvedNodePool,
  ResolvedClusterSettings,
  ResolvedKarpenterTemplate,
  ResolvedNodePools,
  resolveClusterSettings,
  resolveNodePool,
} from './resolve';
import { duplicateNodePoolNames } from './rules/lists';
import {
  karpenterClusterInputSchema,
  karpenterNodePoolsInputSchema,
  karpenterTemplateInputSchema,
  ParsedNodePoolsInput,
} from './schema';

function parse<S extends z.ZodTypeAny>(
  schema: S,
  raw: unknown,
): TemplateValidationResult<z.output<S>> {
  const result = schema.safeParse(raw);
  if (result.success) {
    return { ok: true, value: result.data };
  }
  // zod skips list-level checks when an item is invalid: add them so every error is listed
  const duplicates = duplicateNodePoolNames(
    raw && typeof raw === 'object'
      ? (raw as { nodePools?: unknown }).nodePools
      : undefined,
  ).map(issue => ({ ...issue, path: ['nodePools', ...issue.path] }));
  const errors = toFieldErrors(result.error);
  for (const error of toFieldErrors(
    new z.ZodError(duplicates.map(d => ({ code: 'custom' as const, ...d }))),
  )) {
    if (
      !errors.some(e => e.field === error.field && e.message === error.message)
    ) {
      errors.push(error);
    }
  }
  return { ok: false, errors };
}

function resolveNodePools(
  input: ParsedNodePoolsInput,
): TemplateValidationResult<ResolvedNodePools> {
  const nodePools = input.nodePools.map(pool =>
    resolveNodePool(input.clusterName, pool),
  );
  const errors = nodePools.flatMap(checkResolvedNodePool);
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, value: { clusterName: input.clusterName, nodePools } };
}

/**
 * Validates the input of `karpenter:terraform:render` and applies its defaults.
 *
 * @public
 */
export function validateKarpenterClusterInput(
  raw: unknown,
): TemplateValidationResult<ResolvedClusterSettings> {
  const parsed = parse(karpenterClusterInputSchema, raw);
  return parsed.ok
    ? { ok: true, value: resolveClusterSettings(parsed.value) }
    : parsed;
}

/**
 * Validates the input of `karpenter:nodepools:render` and applies presets and defaults.
 *
 * @public
 */
export function validateKarpenterNodePoolsInput(
  raw: unknown,
): TemplateValidationResult<ResolvedNodePools> {
  const parsed = parse(karpenterNodePoolsInputSchema, raw);
  return parsed.ok ? resolveNodePools(parsed.value) : parsed;
}

/**
 * Validates the whole template input (the CLI's values file): every field error is listed.
 *
 * @public
 */
export function validateKarpenterTemplateInput(
  raw: unknown,
): TemplateValidationResult<ResolvedKarpenterTemplate> {
  const parsed = parse(karpenterTemplateInputSchema, raw);
  if (!parsed.ok) {
    return parsed;
  }
  const pools = resolveNodePools(parsed.value);
  if (!pools.ok) {
    return pools;
  }
  return {
    ok: true,
    value: { ...resolveClusterSettings(parsed.value), ...pools.value },
  };
}
