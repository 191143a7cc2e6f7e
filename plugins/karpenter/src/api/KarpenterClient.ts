import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ClusterInfo,
  ClusterValues,
  CostHistory,
  EntitySummary,
  InterruptionHistoryResponse,
  KarpenterApiGetPath,
  KarpenterApiPathParams,
  KarpenterApiQuery,
  KarpenterApiResponse,
  KarpenterHealthResponse,
  NodeClaimPage,
  NodeClassInfo,
  NodePoolInfo,
  QueueStatus,
} from '@karpenter-backstage/plugin-karpenter-common';
import {
  CostHistoryQuery,
  EntityRefParts,
  InterruptionQuery,
  KarpenterApi,
  NodeClaimQuery,
} from './KarpenterApi';

/** A query as the spec declares it for a path, lists allowed where the API takes comma lists. */
type QueryOf<P extends KarpenterApiGetPath> = {
  [K in keyof KarpenterApiQuery<P>]?: KarpenterApiQuery<P>[K] | string[];
};

function queryString(query: object = {}): string {
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(query)) {
    // Lists travel as one comma-separated value (`nodePool=a,b`), as the backend reads them.
    const value = Array.isArray(raw) ? raw.join(',') : raw;
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `/v1/clusters/{cluster}/queue` with `{cluster}` replaced by the encoded parameter. */
function fillPath<P extends KarpenterApiGetPath>(
  template: P,
  params: KarpenterApiPathParams<P>,
): string {
  const values = params as Record<string, string>;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(values[name]),
  );
}

/** The items of a list answer; older backends answered a bare array instead of `{ items }`. */
function itemsOf<T>(body: { items: T[] } | T[]): T[] {
  return Array.isArray(body) ? body : body.items;
}

/**
 * Default {@link KarpenterApi} implementation over HTTP; paths, parameters and answers are the
 * types generated from the backend's OpenAPI spec.
 *
 * @public
 */
export class KarpenterClient implements KarpenterApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getHealth(): Promise<KarpenterHealthResponse> {
    return this.get('/health', {});
  }

  async getClusters(): Promise<ClusterInfo[]> {
    return itemsOf<ClusterInfo>(await this.get('/v1/clusters', {}));
  }

  getEntitySummary(entity: EntityRefParts): Promise<EntitySummary> {
    return this.get('/v1/entities/{namespace}/{kind}/{name}/summary', {
      namespace: entity.namespace,
      kind: entity.kind,
      name: entity.name,
    });
  }

  getEntityValues(
    entityRef: string | CompoundEntityRef,
  ): Promise<ClusterValues> {
    const entity =
      typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
    return this.get('/v1/entities/{namespace}/{kind}/{name}/values', {
      namespace: entity.namespace,
      kind: entity.kind,
      name: entity.name,
    });
  }

  async getNodePools(cluster: string): Promise<NodePoolInfo[]> {
    return itemsOf<NodePoolInfo>(
      await this.get('/v1/clusters/{cluster}/nodepools', { cluster }),
    );
  }

  getNodeClaims(
    cluster: string,
    query?: NodeClaimQuery,
  ): Promise<NodeClaimPage> {
    return this.get('/v1/clusters/{cluster}/nodeclaims', { cluster }, query);
  }

  async getNodeClasses(cluster: string): Promise<NodeClassInfo[]> {
    return itemsOf<NodeClassInfo>(
      await this.get('/v1/clusters/{cluster}/nodeclasses', { cluster }),
    );
  }

  getInterruptions(
    cluster: string,
    query?: InterruptionQuery,
  ): Promise<InterruptionHistoryResponse> {
    return this.get('/v1/clusters/{cluster}/interruptions', { cluster }, query);
  }

  getQueue(cluster: string, since?: string): Promise<QueueStatus> {
    return this.get('/v1/clusters/{cluster}/queue', { cluster }, { since });
  }

  getCostHistory(
    cluster: string,
    query?: CostHistoryQuery,
  ): Promise<CostHistory> {
    return this.get('/v1/clusters/{cluster}/cost', { cluster }, query);
  }

  private async get<P extends KarpenterApiGetPath>(
    template: P,
    params: KarpenterApiPathParams<P>,
    query?: QueryOf<P>,
  ): Promise<KarpenterApiResponse<P>> {
    const baseUrl = await this.discoveryApi.getBaseUrl('karpenter');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${fillPath(template, params)}${queryString(query)}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as KarpenterApiResponse<P>;
  }
}
