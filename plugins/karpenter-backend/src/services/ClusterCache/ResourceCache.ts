import {
  HttpMethod,
  KubeConfig,
  RequestContext,
  Watch,
} from '@kubernetes/client-node';
import { fetch } from 'undici';
import { ClusterError } from '@karpenter-backstage/plugin-karpenter-common';
import { classifyKubeError } from './errors';
import { CachedResource, trimObject } from './trim';

export const RESOURCE_PATHS: Record<CachedResource, string> = {
  nodepools: '/apis/karpenter.sh/v1/nodepools',
  nodeclaims: '/apis/karpenter.sh/v1/nodeclaims',
  ec2nodeclasses: '/apis/karpenter.k8s.aws/v1/ec2nodeclasses',
  nodes: '/api/v1/nodes',
  pods: '/api/v1/pods',
};

const keyOf = (o: any) =>
  o.metadata.namespace
    ? `${o.metadata.namespace}/${o.metadata.name}`
    : o.metadata.name;

/**
 * One resource of one cluster, kept in memory by list + watch (bookmarks; re-list on 410 Gone;
 * reconnect with backoff on errors).
 *
 * @internal
 */
export class ResourceCache {
  readonly items = new Map<string, any>();
  generation = 0;
  error?: ClusterError;
  lastUsed = Date.now();
  private ready = false;
  private readyWaiters: Array<() => void> = [];
  private stopped = false;
  private abort?: AbortController;
  private resourceVersion = '';
  private backoffMs = 1000;

  constructor(
    private readonly cluster: string,
    private readonly resource: CachedResource,
    private readonly kubeConfig: () => Promise<KubeConfig>,
    private readonly requestTimeoutMs: number,
  ) {}

  get isReady() {
    return this.ready;
  }

  start() {
    void this.loop();
  }

  stop() {
    this.stopped = true;
    this.abort?.abort();
  }

  /** Resolves when the initial list is in (or already was). */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise(resolve => this.readyWaiters.push(resolve));
  }

  /**
   * Lists every page. A continue token the server has compacted away answers 410 Expired: the list
   * then starts over without it (as the API server's message says), a few times at most.
   */
  private async list(kc: KubeConfig, restarts = 3): Promise<void> {
    const cluster = kc.getCurrentCluster()!;
    const items = new Map<string, any>();
    let cont: string | undefined;
    do {
      const url = new URL(
        `${cluster.server.replace(/\/$/, '')}${RESOURCE_PATHS[this.resource]}`,
      );
      url.searchParams.set('limit', '500');
      if (cont) url.searchParams.set('continue', cont);
      let body: any;
      try {
        body = await this.get(kc, url.toString());
      } catch (error) {
        if (cont && restarts > 0 && (error as any).statusCode === 410)
          return this.list(kc, restarts - 1);
        throw error;
      }
      for (const o of body.items ?? [])
        items.set(keyOf(o), trimObject(this.resource, o));
      cont = body.metadata?.continue || undefined;
      this.resourceVersion =
        body.metadata?.resourceVersion ?? this.resourceVersion;
    } while (cont);
    this.items.clear();
    for (const [k, v] of items) this.items.set(k, v);
    this.generation++;
    return undefined;
  }

  private async get(kc: KubeConfig, url: string): Promise<unknown> {
    const ctx = new RequestContext(url, HttpMethod.GET);
    await kc.applySecurityAuthentication(ctx);
    const response = await fetch(url, {
      headers: ctx.getHeaders(),
      // the same undici as client-node: its dispatcher carries the cluster's TLS options
      dispatcher: ctx.getDispatcher() as any,
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

  private async loop() {
    while (!this.stopped) {
      try {
        const kc = await this.kubeConfig();
        await this.list(kc);
        this.error = undefined;
        this.backoffMs = 1000;
        this.markReady();
        await this.watch(kc);
      } catch (error) {
        if (this.stopped) return;
        this.error = classifyKubeError(error, this.cluster);
        for (const w of this.readyWaiters.splice(0)) w();
        await new Promise(resolve =>
          setTimeout(resolve, this.backoffMs).unref?.(),
        );
        this.backoffMs = Math.min(30_000, this.backoffMs * 2);
      }
    }
  }

  /** Watches until the watch ends; returns normally to re-list, throws on errors. */
  private async watch(kc: KubeConfig): Promise<void> {
    while (!this.stopped) {
      const gone = await new Promise<boolean>((resolve, reject) => {
        const watch = new Watch(kc);
        let expired = false;
        watch
          .watch(
            RESOURCE_PATHS[this.resource],
            {
              resourceVersion: this.resourceVersion,
              allowWatchBookmarks: true,
              timeoutSeconds: 300,
            },
            (type, obj) => {
              if (type === 'BOOKMARK') {
                this.resourceVersion =
                  obj?.metadata?.resourceVersion ?? this.resourceVersion;
                return;
              }
              if (type === 'ERROR') {
                if (obj?.code === 410) expired = true;
                return;
              }
              this.resourceVersion =
                obj?.metadata?.resourceVersion ?? this.resourceVersion;
              if (type === 'DELETED') this.items.delete(keyOf(obj));
              else this.items.set(keyOf(obj), trimObject(this.resource, obj));
              this.generation++;
            },
            err => {
              if (err && (err as any).statusCode === 410) resolve(true);
              else if (
                err &&
                !this.stopped &&
                (err as any).name !== 'AbortError'
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
      if (gone) return; // re-list
    }
  }
}
