import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ClusterInfo,
  EntitySummary,
  InterruptionHistoryResponse,
  KarpenterHealthResponse,
  NodeClaimPage,
  NodeClassInfo,
  NodePoolInfo,
  QueueStatus,
} from '@karpenter-backstage/plugin-karpenter-common';
import {
  EntityRefParts,
  InterruptionQuery,
  KarpenterApi,
  NodeClaimQuery,
} from './KarpenterApi';

const enc = encodeURIComponent;

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

/**
 * Default {@link KarpenterApi} implementation over HTTP.
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
    return this.get('/health');
  }

  async getClusters(): Promise<ClusterInfo[]> {
    const body = await this.get<{ items: ClusterInfo[] } | ClusterInfo[]>(
      '/v1/clusters',
    );
    return Array.isArray(body) ? body : body.items;
  }

  getEntitySummary(entity: EntityRefParts): Promise<EntitySummary> {
    return this.get(
      `/v1/entities/${enc(entity.namespace)}/${enc(entity.kind)}/${enc(
        entity.name,
      )}/summary`,
    );
  }

  async getNodePools(cluster: string): Promise<NodePoolInfo[]> {
    const body = await this.get<{ items: NodePoolInfo[] } | NodePoolInfo[]>(
      `/v1/clusters/${enc(cluster)}/nodepools`,
    );
    return Array.isArray(body) ? body : body.items;
  }

  getNodeClaims(
    cluster: string,
    query?: NodeClaimQuery,
  ): Promise<NodeClaimPage> {
    return this.get(
      `/v1/clusters/${enc(cluster)}/nodeclaims${queryString(query)}`,
    );
  }

  async getNodeClasses(cluster: string): Promise<NodeClassInfo[]> {
    const body = await this.get<{ items: NodeClassInfo[] } | NodeClassInfo[]>(
      `/v1/clusters/${enc(cluster)}/nodeclasses`,
    );
    return Array.isArray(body) ? body : body.items;
  }

  getInterruptions(
    cluster: string,
    query?: InterruptionQuery,
  ): Promise<InterruptionHistoryResponse> {
    return this.get(
      `/v1/clusters/${enc(cluster)}/interruptions${queryString(query)}`,
    );
  }

  getQueue(cluster: string, since?: string): Promise<QueueStatus> {
    return this.get(
      `/v1/clusters/${enc(cluster)}/queue${queryString({ since })}`,
    );
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('karpenter');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
