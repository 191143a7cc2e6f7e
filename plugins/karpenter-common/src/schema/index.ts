import type { components, operations, paths } from './openapi.generated';

/*
 * The types of the HTTP API, generated from its OpenAPI spec
 * (plugins/karpenter-backend/src/schema/openapi.yaml) into ./openapi.generated.ts. The backend's
 * typed router and the frontend client both use them; conformance.test.ts checks that the
 * hand-written response types of this package are the same types.
 */

/** The paths of the Karpenter HTTP API (relative to `/api/karpenter`), from its OpenAPI spec. @public */
export type KarpenterApiPaths = paths;

/** The operations of the Karpenter HTTP API by `operationId`, from its OpenAPI spec. @public */
export type KarpenterApiOperations = operations;

/** The schemas of the Karpenter HTTP API, from its OpenAPI spec. @public */
export type KarpenterApiSchemas = components['schemas'];

/** A path of the Karpenter HTTP API that answers `GET`. @public */
export type KarpenterApiGetPath = {
  [P in keyof paths]: paths[P]['get'] extends { responses: object } ? P : never;
}[keyof paths];

type Defined<T> = [Exclude<T, undefined>] extends [never]
  ? Record<string, never>
  : Exclude<T, undefined>;

/** The query parameters of `GET` on a path, as the spec declares them. @public */
export type KarpenterApiQuery<P extends KarpenterApiGetPath> = Defined<
  paths[P]['get']['parameters']['query']
>;

/** The path parameters of `GET` on a path, as the spec declares them. @public */
export type KarpenterApiPathParams<P extends KarpenterApiGetPath> = Defined<
  paths[P]['get']['parameters']['path']
>;

/** The JSON body of the 200 answer of `GET` on a path. @public */
export type KarpenterApiResponse<P extends KarpenterApiGetPath> =
  paths[P]['get']['responses'][200]['content']['application/json'];
