import { createApiRef } from '@backstage/core-plugin-api';
import {
  ClusterInfo,
  EntitySummary,
  InterruptionHistoryResponse,
  KarpenterHealthResponse,
  NodeClaimPage,
  NodeClaimState,
  NodeClassInfo,
  NodePoolInfo,
  QueueStatus,
} from '@karpenter-backstage/plugin-karpenter-common';

/** Query of the NodeClaims table. @public */
export interface NodeClaimQuery {
  /** One NodePool or several (sent as the comma list `nodePool=a,b`); all when absent. */
  nodePool?: string | string[];
  state?: NodeClaimState;
  limit?: number;
  cursor?: string;
}

/** Query of the interruption timeline. @public */
export interface InterruptionQuery {
  from?: string;
  to?: string;
  bucket?: '5m' | '15m' | '1h' | '6h' | '1d';
  /** One NodePool or several (sent as the comma list `nodePool=a,b`); all when absent. */
  nodePool?: string | string[];
  reason?: string;
  limit?: number;
  /** Page of the raw records. */
  cursor?: string;
  /** Page of the "Latest" rows (per NodeClaim and notice). */
  noticeCursor?: string;
}

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
}

/**
 * The API ref of {@link KarpenterApi}.
 *
 * @public
 */
export const karpenterApiRef = createApiRef<KarpenterApi>({
  id: 'plugin.karpenter.api',
});
