import {
  HttpMethod,
  KubeConfig,
  RequestContext,
  Watch,
} from '@kubernetes/client-node';
import { fetch } from 'undici';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterError } from '@karpenter-backstage/plugin-karpenter-common';
import { classifyKubeError, httpStatusOf, rawErrorText } from './errors';
import {
  CachedObjects,
  CachedResource,
  ServedMeta,
  ServedObjects,
  trimObject,
} from './trim';
import { ItemStore, NODEPOOL_LABEL } from './ItemStore';

export const RESOURCE_PATHS: Record<CachedResource, string> = {
  nodepools: '/apis/karpenter.sh/v1/nodepools',
  nodeclaims: '/apis/karpenter.sh/v1/nodeclaims',
  ec2nodeclasses: '/apis/karpenter.k8s.aws/v1/ec2nodeclasses',
  nodes: '/api/v1/nodes',
  pods: '/api/v1/pods',
  podevents: '/api/v1/events',
};

/**
 * Field selectors of a resource's list and watch: Karpenter's events about Pods only (the field
 * labels of core/v1 Events, kubernetes pkg/apis/core/v1/conversion.go; `source` is
 * `source.component`, which Karpenter's recorder sets to `karpenter`).
 */
export const RESOURCE_FIELD_SELECTORS: Partial<Record<CachedResource, string>> =
  {
    podevents: 'involvedObject.kind=Pod,source=karpenter',
  };

/** Resources kept by NodePool too: what a NodePool's model is derived from. */
const GROUPED = new Set<CachedResource>(['nodeclaims', 'nodes']);

const keyOf = (o: { metadata: ServedMeta }) =>
  o.metadata.namespace
    ? `${o.metadata.namespace}/${o.metadata.name}`
    : o.metadata.name;

/** The fields of a list answer of the API server the cache reads. */
interface KubeList<T> {
  metadata?: { continue?: string; resourceVersion?: string };
  items?: T[];
}

/** A metav1.Status, as an ERROR watch event carries it. */
interface KubeStatus {
  code?: number;
}

/** A watch event, as client-node hands it on parsed from the API server's JSON. */
type WatchEvent<T> =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: T }
  | { type: 'BOOKMARK'; object?: { metadata?: { resourceVersion?: string } } }
  | { type: 'ERROR'; object?: KubeStatus };

/** Where a ResourceCache gets its credentials: current ones, or renewed at once after a 401. @internal */
export type KubeConfigSource = (options?: {
  renew?: boolean;
}) => Promise<KubeConfig>;

/**
 * One resource of one cluster, kept in memory by list + watch.
 *
 * - Every list and every new watch asks for a current KubeConfig (credentials are renewed by the
 *   registry before they expire); a 401 renews them at once and retries without backoff.
 * - A watch that ends or fails resumes from the last resourceVersion it saw (events and
 *   bookmarks); only 410 Gone (that version was compacted away) makes it list again. These are
 *   the semantics of the Kubernetes API ("Efficient detection of changes" in
 *   kubernetes/website content/en/docs/reference/using-api/api-concepts.md).
 * - `lastSyncedAt` is the time of the last successful list, watch event or bookmark: the age of
 *   the data, which ClusterCache compares with `staleAfter`.
 *
 * @internal
 */
export class ResourceCache<R extends CachedResource = CachedResource> {
  /** The objects; NodeClaims and Nodes also by NodePool (see {@link ItemStore}). */
  readonly items: ItemStore<CachedObjects[R]>;
  /** The last failure; cleared by the next successful list, event or bookmark. */
  error?: ClusterError;
  /** Epoch ms of the last successful list, watch event or bookmark (0: never). */
  lastSyncedAt = 0;
  lastUsed = Date.now();
  private ready = false;
  private readyWaiters: Array<() => void> = [];
  private stopped = false;
  private abort?: AbortController;
  private resourceVersion = '';
  private backoffMs = 1000;
  private listed = false;
  private renew = false;
  private renewedLastTime = false;

  constructor(
    private readonly cluster: string,
    private readonly resource: R,
    private readonly kubeConfig: KubeConfigSource,
    private readonly requestTimeoutMs: number,
    private readonly logger?: LoggerService,
    private readonly now: () => number = Date.now,
  ) {
    this.items = new ItemStore<CachedObjects[R]>(
      GROUPED.has(resource)
        ? item =>
            (item as { metadata: { labels?: Record<string, string> } }).metadata
              .labels?.[NODEPOOL_LABEL]
        : undefined,
    );
  }

  get isReady() {
    return this.ready;
  }

  /** Grows with every change of the objects. */
  get generation() {
    return this.items.generation;
  }

  start() {
    void this.loop();
  }

  stop() {
    this.stopped = true;
    this.abort?.abort();
  }

  /** Resolves when the initial list is in (or already was), or the first attempt failed. */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise(resolve => this.readyWaiters.push(resolve));
  }

  /** The server answered with current data: fresh, and any earlier failure is over. */
  private synced() {
    this.lastSyncedAt = this.now();
    if (this.error) {
      this.logger?.info('Karpenter watch recovered', {
        cluster: this.cluster,
        resource: this.resource,
      });
    }
    this.error = undefined;
    this.backoffMs = 1000;
  }

  /**
   * Lists every page. A continue token the server has compacted away answers 410 Expired: the list
   * then starts over without it (as the API server's message says), a few times at most.
   */
  private async list(kc: KubeConfig, restarts = 3): Promise<void> {
    const cluster = kc.getCurrentCluster()!;
    const items = new Map<string, CachedObjects[R]>();
    let cont: string | undefined;
    let resourceVersion = this.resourceVersion;
    do {
      const url = new URL(
        `${cluster.server.replace(/\/$/, '')}${RESOURCE_PATHS[this.resource]}`,
      );
      url.searchParams.set('limit', '500');
      const fieldSelector = RESOURCE_FIELD_SELECTORS[this.resource];
      if (fieldSelector) url.searchParams.set('fieldSelector', fieldSelector);
      if (cont) url.searchParams.set('continue', cont);
      let body: KubeList<ServedObjects[R]>;
      try {
        // the API server's answer to a list of the resource
        body = (await this.get(kc, url.toString())) as KubeList<
          ServedObjects[R]
        >;
      } catch (error) {
        if (cont && restarts > 0 && httpStatusOf(error) === 410)
          return this.list(kc, restarts - 1);
        throw error;
      }
      for (const o of body.items ?? [])
        items.set(keyOf(o), trimObject(this.resource, o));
      cont = body.metadata?.continue || undefined;
      resourceVersion = body.metadata?.resourceVersion ?? resourceVersion;
    } while (cont);
    this.resourceVersion = resourceVersion;
    this.items.replace(items);
    return undefined;
  }

  private async get(kc: KubeConfig, url: string): Promise<unknown> {
    const ctx = new RequestContext(url, HttpMethod.GET);
    await kc.applySecurityAuthentication(ctx);
    const response = await fetch(url, {
      headers: ctx.getHeaders(),
      // the same undici as client-node: its dispatcher carries the cluster's TLS options
      dispatcher: ctx.getDispatcher(),
      signal: AbortSignal.timeout(this.requestTimeoutMs),
    });
    if (!response.ok) {
      throw Object.assign(new Error(`HTTP ${response.status}`), {
        statusCode: response.status,
      });
    }
    return JSON.parse(await response.text());
  }

  private markReady() {
    this.ready = true;
    for (const w of this.readyWaiters.splice(0)) w();
  }

  private credentials(): Promise<KubeConfig> {
    const renew = this.renew;
    this.renew = false;
    return this.kubeConfig(renew ? { renew } : undefined);
  }

  private async loop() {
    while (!this.stopped) {
      try {
        if (!this.listed) {
          await this.list(await this.credentials());
          this.listed = true;
          this.synced();
          this.markReady();
        }
        // a new watch, with current credentials, from the last resourceVersion
        const startedAt = Date.now();
        const gone = await this.watch(await this.credentials());
        if (gone) this.listed = false;
        else if (Date.now() - startedAt < 1000)
          // a server that ends watches at once is not hammered
          await new Promise(resolve => setTimeout(resolve, 1000).unref?.());
      } catch (error) {
        if (this.stopped) return;
        this.failed(error);
        if (httpStatusOf(error) === 401 && !this.renewedLastTime) {
          // expired or revoked credentials: renew them and retry at once (not every time)
          this.renewedLastTime = true;
          this.renew = true;
          continue;
        }
        this.renewedLastTime = false;
        await new Promise(resolve =>
          setTimeout(resolve, this.backoffMs).unref?.(),
        );
        this.backoffMs = Math.min(30_000, this.backoffMs * 2);
        continue;
      }
      this.renewedLastTime = false;
    }
  }

  /** Records a failure: a stable code for the API, the upstream text for the log only. */
  private failed(error: unknown) {
    const classified = classifyKubeError(error, this.cluster);
    const first = this.error?.code !== classified.code;
    this.error = classified;
    const log = { cluster: this.cluster, resource: this.resource };
    const detail = {
      ...log,
      code: classified.code,
      error: rawErrorText(error),
    };
    // the first failure of a kind is a warning; repeats while the cluster stays down are debug
    if (first) this.logger?.warn('Karpenter watch failed', detail);
    else this.logger?.debug('Karpenter watch failed again', detail);
    for (const w of this.readyWaiters.splice(0)) w();
  }

  /**
   * One watch from the last resourceVersion, until it ends: resolves `true` on 410 Gone (list
   * again), `false` when the server ended it (watch again); rejects on errors.
   */
  private watch(kc: KubeConfig): Promise<boolean> {
    const fieldSelector = RESOURCE_FIELD_SELECTORS[this.resource];
    return new Promise<boolean>((resolve, reject) => {
      const watch = new Watch(kc);
      let expired = false;
      watch
        .watch(
          RESOURCE_PATHS[this.resource],
          {
            resourceVersion: this.resourceVersion,
            allowWatchBookmarks: true,
            timeoutSeconds: 300,
            ...(fieldSelector ? { fieldSelector } : {}),
          },
          (type: string, object: unknown) => {
            // an event of the resource, as the API server sends it
            const event = { type, object } as WatchEvent<ServedObjects[R]>;
            if (event.type === 'ERROR') {
              if (event.object?.code === 410) expired = true;
              return;
            }
            this.resourceVersion =
              event.object?.metadata?.resourceVersion ?? this.resourceVersion;
            this.synced();
            if (event.type === 'BOOKMARK') return;
            const obj = event.object;
            if (event.type === 'DELETED') this.items.delete(keyOf(obj));
            else this.items.set(keyOf(obj), trimObject(this.resource, obj));
          },
          (err: unknown) => {
            if (err && httpStatusOf(err) === 410) resolve(true);
            else if (
              err &&
              !this.stopped &&
              (err as { name?: unknown }).name !== 'AbortError'
            )
              reject(err);
            else resolve(expired);
          },
        )
        .then(controller => {
          this.abort = controller;
          if (this.stopped) controller.abort();
        }, reject);
    });
  }
}
