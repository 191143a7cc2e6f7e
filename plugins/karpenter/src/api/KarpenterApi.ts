import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  ClusterInfo,
  ClusterValues,
  CostHistory,
  EntitySummary,
  InterruptionHistoryResponse,
  KarpenterApiQuery,
  KarpenterHealthResponse,
  NodeClaimPage,
  NodeClassInfo,
  NodePoolInfo,
  QueueStatus,
} from '@karpenter-backstage/plugin-karpenter-common';

/**
 * Query of the NodeClaims table: the query parameters the OpenAPI spec declares for
 * `GET /v1/clusters/{cluster}/nodeclaims`, with `nodePool` also as a list.
 *
 * @public
 */
export type NodeClaimQuery = Omit<
  KarpenterApiQuery<'/v1/clusters/{cluster}/nodeclaims'>,
  'nodePool'
> & {
  /** One NodePool or several (sent as the comma list `nodePool=a,b`); all when absent. */
  nodePool?: string | string[];
};

/**
 * Query of the interruption timeline: the query parameters the OpenAPI spec declares for
 * `GET /v1/clusters/{cluster}/interruptions` (`cursor` pages the raw records, `noticeCursor` the
 * "Latest" rows), with `nodePool` also as a list.
 *
 * @public
 */
export type InterruptionQuery = Omit<
  KarpenterApiQuery<'/v1/clusters/{cluster}/interruptions'>,
  'nodePool'
> & {
  /** One NodePool or several (sent as the comma list `nodePool=a,b`); all when absent. */
  nodePool?: string | string[];
};

/**
 * Query of the cost trend: the query parameters the OpenAPI spec declares for
 * `GET /v1/clusters/{cluster}/cost` (`from`/`to` as ISO date-times, `bucket` the width of the
 * buckets), with `nodePool` also as a list.
 *
 * @public
 */
export type CostHistoryQuery = Omit<
  KarpenterApiQuery<'/v1/clusters/{cluster}/cost'>,
  'nodePool'
> & {
  /** One NodePool or several (sent as the comma list `nodePool=a,b`); all when absent. */
  nodePool?: string | string[];
};

/** The entity a request is about. @public */
export interface EntityRefParts {
  namespace: string;
  kind: string;
  name: string;
}

/**
 * Client for the Karpenter backend plugin (`/api/karpenter`).
 *
 * @public
 */
export interface KarpenterApi {
  getHealth(): Promise<KarpenterHealthResponse>;
  getClusters(): Promise<ClusterInfo[]>;
  getEntitySummary(entity: EntityRefParts): Promise<EntitySummary>;
  /**
   * The `karpenter-values.yaml` of a cluster entity's repository (the values it was created
   * from), for a change of its NodePools. A string is parsed as an entity ref
   * (`resource:default/prod-eu`; the namespace defaults to `default`).
   */
  getEntityValues(
    entityRef: string | CompoundEntityRef,
  ): Promise<ClusterValues>;
  getNodePools(cluster: string): Promise<NodePoolInfo[]>;
  getNodeClaims(
    cluster: string,
    query?: NodeClaimQuery,
  ): Promise<NodeClaimPage>;
  getNodeClasses(cluster: string): Promise<NodeClassInfo[]>;
  getInterruptions(
    cluster: string,
    query?: InterruptionQuery,
  ): Promise<InterruptionHistoryResponse>;
  getQueue(cluster: string, since?: string): Promise<QueueStatus>;
  /**
   * What the cluster's NodePools cost per hour over a range, sampled by the backend and averaged
   * per bucket (buckets without a sample are absent).
   */
  getCostHistory(
    cluster: string,
    query?: CostHistoryQuery,
  ): Promise<CostHistory>;
}

/**
 * The API ref of {@link KarpenterApi}.
 *
 * @public
 */
export const karpenterApiRef = createApiRef<KarpenterApi>({
  id: 'plugin.karpenter.api',
});
