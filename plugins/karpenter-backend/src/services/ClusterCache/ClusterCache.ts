import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterError } from '@karpenter-backstage/plugin-karpenter-common';
import { ClusterRegistry } from '../ClusterRegistry';
import { ClusterAccessError } from './errors';
import { ResourceCache } from './ResourceCache';
import {
  CachedEC2NodeClass,
  CachedNode,
  CachedNodeClaim,
  CachedNodePool,
  CachedObjects,
  CachedPod,
  CachedPodEvent,
  CachedResource,
} from './trim';

/** The generation of each resource of a snapshot (grows with every change of it). @internal */
export interface ResourceGenerations {
  nodePools: number;
  nodeClaims: number;
  nodeClasses: number;
  nodes: number;
  pods?: number;
}

/** One NodePool's NodeClaims and Nodes (by their `karpenter.sh/nodepool` label). @internal */
export interface NodePoolObjects {
  nodeClaims: readonly CachedNodeClaim[];
  nodes: readonly CachedNode[];
  /** Changes when any of them changes, and only then. */
  generation: string;
}

/** What a request reads of one cluster. @internal */
export interface ClusterSnapshot {
  cluster: string;
  nodePools: readonly CachedNodePool[];
  nodeClaims: readonly CachedNodeClaim[];
  nodeClasses: readonly CachedEC2NodeClass[];
  nodes: readonly CachedNode[];
  pods?: readonly CachedPod[];
  /**
   * With `pods`: Karpenter's events about Pods. Optional data: a cluster whose events cannot be
   * read (RBAC, errors) still answers; `available` says whether they are current.
   */
  podEvents?: {
    items: readonly CachedPodEvent[];
    generation: number;
    available: boolean;
  };
  /** Changes whenever any of the resources changed (for memoising derived answers). */
  generation: string;
  /** Each resource's own generation: what is derived from one resource is keyed on it alone. */
  generations: ResourceGenerations;
  /** One NodePool's objects: what is derived per NodePool is rebuilt when they change only. */
  ofNodePool(name: string): NodePoolObjects;
  /** The oldest last sync (list, watch event, bookmark) of the resources read: the data's age. */
  syncedAt: number;
  /**
   * Set when a resource has not synced for longer than `staleAfter`: the objects are the last
   * known state, `error` the last failure.
   */
  stale?: { error: ClusterError };
}

/**
 * Default of `karpenter.staleAfter`: twice the interval at which kube-apiserver sends watch
 * bookmarks to an idle watch (`defaultBookmarkFrequency = time.Minute`, kubernetes/kubernetes
 * staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go), so a quiet cluster stays fresh.
 */
export const DEFAULT_STALE_AFTER_MS = 2 * 60_000;

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
  lookup<R extends 'nodeclaims' | 'nodes'>(
    cluster: string,
    resource: R,
    name: string,
  ): CachedObjects[R] | undefined;
  stop(): void;
}

const RESOURCES: CachedResource[] = [
  'nodepools',
  'nodeclaims',
  'ec2nodeclasses',
  'nodes',
  'pods',
  'podevents',
];

/** {@link ClusterCache}: one ResourceCache per cluster and resource, started lazily, stopped when idle. @internal */
export class DefaultClusterCache implements ClusterCache {
  /** Per resource, the cache of each cluster. */
  private readonly caches: {
    [R in CachedResource]: Map<string, ResourceCache<R>>;
  } = {
    nodepools: new Map(),
    nodeclaims: new Map(),
    ec2nodeclasses: new Map(),
    nodes: new Map(),
    pods: new Map(),
    podevents: new Map(),
  };
  private readonly idleTimer: NodeJS.Timeout;

  private readonly idleMs: number;
  private readonly staleAfterMs: number;
  private readonly now: () => number;

  constructor(
    private readonly registry: ClusterRegistry,
    private readonly logger: LoggerService,
    options: {
      idleMs?: number;
      staleAfterMs?: number;
      now?: () => number;
    } = {},
  ) {
    const idleMs = options.idleMs ?? 15 * 60_000;
    this.idleMs = idleMs;
    this.staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    this.now = options.now ?? Date.now;
    this.idleTimer = setInterval(
      () => this.stopIdle(),
      Math.min(60_000, idleMs),
    );
    this.idleTimer.unref?.();
  }

  private cache<R extends CachedResource>(
    cluster: string,
    resource: R,
  ): ResourceCache<R> {
    const caches: Map<string, ResourceCache<R>> = this.caches[resource];
    let cache = caches.get(cluster);
    if (!cache) {
      const config = this.registry.get(cluster);
      cache = new ResourceCache(
        cluster,
        resource,
        renew => this.registry.kubeConfig(cluster, renew),
        config.requestTimeoutMs,
        this.logger,
        this.now,
      );
      caches.set(cluster, cache);
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
    const nodePools = this.cache(cluster, 'nodepools');
    const nodeClaims = this.cache(cluster, 'nodeclaims');
    const nodeClasses = this.cache(cluster, 'ec2nodeclasses');
    const nodes = this.cache(cluster, 'nodes');
    const pods = options.pods ? this.cache(cluster, 'pods') : undefined;
    const podEvents = options.pods
      ? this.cache(cluster, 'podevents')
      : undefined;
    const caches: ResourceCache[] = [
      nodePools,
      nodeClaims,
      nodeClasses,
      nodes,
      ...(pods ? [pods] : []),
    ];
    // the pod Events are optional: waited for on their first list only, never after a failure
    const optional = podEvents && !podEvents.isReady && !podEvents.error;
    const pending = [...caches, ...(optional ? [podEvents] : [])].filter(
      c => !c.isReady,
    );
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
    const syncedAt = Math.min(...caches.map(c => c.lastSyncedAt));
    return {
      cluster,
      nodePools: nodePools.items.list(),
      nodeClaims: nodeClaims.items.list(),
      nodeClasses: nodeClasses.items.list(),
      nodes: nodes.items.list(),
      pods: pods?.items.list(),
      podEvents: podEvents && {
        items: podEvents.items.list(),
        generation: podEvents.generation,
        available: podEvents.isReady && !this.behind(podEvents),
      },
      generation: caches.map(c => c.generation).join('.'),
      generations: {
        nodePools: nodePools.generation,
        nodeClaims: nodeClaims.generation,
        nodeClasses: nodeClasses.generation,
        nodes: nodes.generation,
        pods: pods?.generation,
      },
      ofNodePool: name => ({
        nodeClaims: nodeClaims.items.groupList(name),
        nodes: nodes.items.groupList(name),
        generation: `${nodeClaims.items.group(name)?.generation ?? 0}.${
          nodes.items.group(name)?.generation ?? 0
        }`,
      }),
      syncedAt,
      stale: this.staleness(cluster, caches),
    };
  }

  /** Not synced for longer than `staleAfter`. */
  private behind(cache: ResourceCache): boolean {
    return cache.lastSyncedAt < this.now() - this.staleAfterMs;
  }

  /** Stale when any resource has not synced for longer than staleAfter; the oldest one's failure. */
  private staleness(
    cluster: string,
    caches: ResourceCache[],
  ): ClusterSnapshot['stale'] {
    const behind = caches
      .filter(c => this.behind(c))
      .sort((a, b) => a.lastSyncedAt - b.lastSyncedAt);
    if (!behind.length) return undefined;
    const failed = behind.find(c => c.error);
    return {
      error: failed?.error ?? {
        code: 'NO_UPDATES',
        message: `No update from the API server of ${cluster} for more than ${Math.round(
          this.staleAfterMs / 1000,
        )} s`,
      },
    };
  }

  lookup<R extends 'nodeclaims' | 'nodes'>(
    cluster: string,
    resource: R,
    name: string,
  ): CachedObjects[R] | undefined {
    const caches: Map<string, ResourceCache<R>> = this.caches[resource];
    return caches.get(cluster)?.items.get(name);
  }

  private stopIdle() {
    const cutoff = Date.now() - this.idleMs;
    for (const resource of RESOURCES) {
      const caches: Map<string, ResourceCache> = this.caches[resource];
      for (const [cluster, cache] of caches) {
        if (cache.lastUsed < cutoff) {
          cache.stop();
          caches.delete(cluster);
          this.logger.debug('Stopped idle Karpenter watch', {
            cache: `${cluster}/${resource}`,
          });
        }
      }
    }
  }

  stop() {
    clearInterval(this.idleTimer);
    for (const resource of RESOURCES) {
      const caches: Map<string, ResourceCache> = this.caches[resource];
      for (const cache of caches.values()) cache.stop();
      caches.clear();
    }
  }
}
