import type {
  KarpenterApiGetPath,
  KarpenterApiPathParams,
  KarpenterApiQuery,
  KarpenterApiResponse,
} from '@karpenter-backstage/plugin-karpenter-common';

/**
 * The endpoint map of `createValidatedOpenApiRouterFromGeneratedEndpointMap`, derived from the
 * types openapi-typescript generates from the same spec (what repo-tools' generated `apis`
 * module would be): `#get|/v1/clusters/{cluster}/nodeclaims` → its path and query parameters and
 * its 200 body.
 *
 * @internal
 */
export type EndpointMap = {
  [P in KarpenterApiGetPath as `#get|${P}`]: {
    path: KarpenterApiPathParams<P>;
    query: KarpenterApiQuery<P>;
    response: KarpenterApiResponse<P>;
  };
};
