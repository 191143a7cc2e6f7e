import { z } from 'zod/v3';

/**
 * Hands one of the template model's zod schemas to `createTemplateAction` as its whole input
 * schema.
 *
 * The model is written with `zod/v3`, the zod 3 API of the one zod package: the scaffolder
 * (scaffolder-node 1.x) calls `schema.input` with that same `zod/v3` and converts the schema with
 * zod-to-json-schema, which reads zod 3 schemas. So the schema is a `zod/v3` type as the
 * scaffolder declares it, and `createTemplateAction` infers the handler's `ctx.input` from it. The
 * JSON Schema carries types, enums, defaults and descriptions but none of the value rules (those
 * are `superRefine` checks), so every value reaches the handler, where the model's validation
 * reports each bad field by name.
 */
export function scaffolderInputSchema<S extends z.ZodTypeAny>(
  schema: S,
): (zImpl: typeof z) => S {
  return () => schema;
}
