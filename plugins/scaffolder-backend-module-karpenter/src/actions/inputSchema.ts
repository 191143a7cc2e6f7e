import { z } from 'zod';

/**
 * Hands one of karpenter-common's zod schemas to `createTemplateAction` as its whole input schema.
 *
 * The scaffolder (scaffolder-node 1.x) converts it to JSON Schema with zod-to-json-schema, which
 * reads zod 3 schemas structurally; its TypeScript types come from a different zod copy, hence
 * the cast. The JSON Schema carries types, enums, defaults and descriptions but none of the value
 * rules (those are `superRefine` checks), so every value reaches the handler, where the model's
 * validation reports each bad field by name.
 */
export function scaffolderInputSchema(schema: z.ZodTypeAny): any {
  return () => schema;
}
