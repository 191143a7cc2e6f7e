import type { components, paths } from './openapi.generated';

/*
 * The types of the HTTP API, generated from its OpenAPI spec
 * (plugins/karpenter-backend/src/schema/openapi.yaml) into ./openapi.generated.ts. The backend's
 * typed router and the frontend client both use them, and the response types this package exports
 * (`NodePoolInfo`, `EntitySummary`, ...) are aliases of its schemas. conformance.test.ts checks that
 * the vocabularies still written by hand (`HealthStatus`, `RecordedReason`, ...) equal the spec's.
 */

// The paths (relative to `/api/karpenter`), the operations by `operationId` and the components
// of the Karpenter HTTP API, as openapi-typescript generates them.
export type {
  components as KarpenterApiComponents,
  operations as KarpenterApiOperations,
  paths as KarpenterApiPaths,
} from './openapi.generated';

/** The schemas of the Karpenter HTTP API, from its OpenAPI spec. @public */
export type KarpenterApiSchemas = components['schemas'];

/** A path of the Karpenter HTTP API that answers `GET`. @public */
export type KarpenterApiGetPath = {
  [P in keyof paths]: paths[P]['get'] extends { responses: object } ? P : never;
}[keyof paths];

/**
 * The parameters of `GET` on a path of one place (`query` or `path`), as the spec declares them
 * (an empty record where it declares none).
 *
 * @public
 */
export type KarpenterApiParameters<
  P extends KarpenterApiGetPath,
  In extends 'query' | 'path',
> = [Exclude<paths[P]['get']['parameters'][In], undefined>] extends [never]
  ? Record<string, never>
  : Exclude<paths[P]['get']['parameters'][In], undefined>;

/** The query parameters of `GET` on a path, as the spec declares them. @public */
export type KarpenterApiQuery<P extends KarpenterApiGetPath> =
  KarpenterApiParameters<P, 'query'>;

/** The path parameters of `GET` on a path, as the spec declares them. @public */
export type KarpenterApiPathParams<P extends KarpenterApiGetPath> =
  KarpenterApiParameters<P, 'path'>;

/** The JSON body of the 200 answer of `GET` on a path. @public */
export type KarpenterApiResponse<P extends KarpenterApiGetPath> =
  paths[P]['get']['responses'][200]['content']['application/json'];
