import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterRegistry } from '../ClusterRegistry';
import { ClusterAccessError } from './errors';
import { ResourceCache } from './ResourceCache';
import { CachedResource } from './trim';

/** What a request reads of one cluster. @internal */
export interface ClusterSnapshot {
  cluster: string;
  nodePools: any[];
  nodeClaims: any[];
  nodeClasses: any[];
  nodes: any[];
  pods?: any[];
  /** Changes whenever any of the resources changed (for memoising derived answers). */
  generation: string;
}

/** Watch-backed, in-memory state of the configured clusters. @internal */
export interface ClusterCache {
  /**
   * The cluster's objects from memory; the first call starts the watches and waits for the
   * initial lists, at most the cluster's request timeout. Throws ClusterAccessError.
   */
  snapshot(
    cluster: string,
    options?: { pods?: boolean },
  ): Promise<ClusterSnapshot>;
  /** A cached NodeClaim or Node by name (for the interruption recorder). */
  lookup(
    cluster: string,
    resource: 'nodeclaims' | 'nodes',
    name: string,
  ): any | undefined;
  stop(): void;
}

const BASE: CachedResource[] = [
  'nodepools',
  'nodeclaims',
  'ec2nodeclasses',
  'nodes',
];

/** {@link ClusterCache}: one ResourceCache per cluster and resource, started lazily, stopped when idle. @internal */
export class DefaultClusterCache implements ClusterCache {
  private readonly caches = new Map<string, ResourceCache>();
  private readonly idleTimer: NodeJS.Timeout;

  constructor(
    private readonly registry: ClusterRegistry,
    private readonly logger: LoggerService,
    private readonly idleMs = 15 * 60_000,
  ) {
    this.idleTimer = setInterval(
      () => this.stopIdle(),
      Math.min(60_000, idleMs),
    );
    this.idleTimer.unref?.();
  }

  private cache(cluster: string, resource: CachedResource): ResourceCache {
    const key = `${cluster}/${resource}`;
    let cache = this.caches.get(key);
    if (!cache) {
      const config = this.registry.get(cluster);
      cache = new ResourceCache(
        cluster,
        resource,
        () => this.registry.kubeConfig(cluster),
        config.requestTimeoutMs,
      );
      this.caches.set(key, cache);
      this.logger.debug('Starting Karpenter watch', { cluster, resource });
      cache.start();
    }
    cache.lastUsed = Date.now();
    return cache;
  }

  async snapshot(
    cluster: string,
    options: { pods?: boolean } = {},
  ): Promise<ClusterSnapshot> {
    const config = this.registry.get(cluster);
    const resources = options.pods ? [...BASE, 'pods' as const] : BASE;
    const caches = resources.map(r => this.cache(cluster, r));
    const pending = caches.filter(c => !c.isReady);
    if (pending.length) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>(resolve => {
        timer = setTimeout(() => resolve('timeout'), config.requestTimeoutMs);
      });
      const outcome = await Promise.race([
        Promise.all(pending.map(c => c.whenReady())),
        timedOut,
      ]);
      clearTimeout(timer);
      const failed = caches.find(c => !c.isReady && c.error);
      if (failed?.error) throw new ClusterAccessError(failed.error);
      if (outcome === 'timeout' || caches.some(c => !c.isReady)) {
        throw new ClusterAccessError({
          code: 'TIMEOUT',
          message: `The API server of ${cluster} did not answer within ${config.requestTimeoutMs} ms`,
        });
      }
    }
    const [nodePools, nodeClaims, nodeClasses, nodes, pods] = caches.map(c => [
      ...c.items.values(),
    ]);
    return {
      cluster,
      nodePools,
      nodeClaims,
      nodeClasses,
      nodes,
      pods,
      generation: caches.map(c => c.generation).join('.'),
    };
  }

  lookup(
    cluster: string,
    resource: 'nodeclaims' | 'nodes',
    name: string,
  ): any | undefined {
    return this.caches.get(`${cluster}/${resource}`)?.items.get(name);
  }

  private stopIdle() {
    const cutoff = Date.now() - this.idleMs;
    for (const [key, cache] of this.caches) {
      if (cache.lastUsed < cutoff) {
        cache.stop();
        this.caches.delete(key);
        this.logger.debug('Stopped idle Karpenter watch', { cache: key });
      }
    }
  }

  stop() {
    clearInterval(this.idleTimer);
    for (const cache of this.caches.values()) cache.stop();
    this.caches.clear();
  }
}
