import { CoreV1Api, Watch } from '@kubernetes/client-node';
import { httpStatusOf } from '../ClusterCache/errors';
import type { KubeConfigSource } from '../ClusterCache/ResourceCache';
import { EventSource, KubeEvent, WatchNotification } from './types';

/**
 * {@link EventSource} over a cluster's core/v1 Events API with `@kubernetes/client-node`: a
 * paged list (each page handed on before the next is fetched), then a watch with bookmarks from the list's resourceVersion. Only events whose
 * reason is recorded matter, but Kubernetes field selectors cannot OR reasons, so the recorder
 * filters.
 *
 * @internal
 */
export class KubeEventSource implements EventSource {
  /** Set by a 401: the next request renews the credentials first. */
  private renewNext = false;

  constructor(
    private readonly kubeConfig: KubeConfigSource,
    private readonly pageSize = 500,
  ) {}

  /**
   * Current credentials for every page and every new watch (the registry renews an EKS token
   * before it expires); after a 401, renewed ones.
   */
  private async credentials() {
    const renew = this.renewNext;
    this.renewNext = false;
    return this.kubeConfig(renew ? { renew } : undefined);
  }

  private unauthorized(error: unknown) {
    if (httpStatusOf(error) === 401) this.renewNext = true;
    return error;
  }

  /** One page; a 401 renews the credentials and asks once more. */
  private async page(namespace: string, next: string | undefined) {
    for (let attempt = 0; ; attempt++) {
      const api = (await this.credentials()).makeApiClient(CoreV1Api);
      try {
        return await api.listNamespacedEvent({
          namespace,
          limit: this.pageSize,
          _continue: next,
        });
      } catch (error) {
        this.unauthorized(error);
        if (!this.renewNext || attempt > 0) throw error;
      }
    }
  }

  async list(
    namespace: string,
    onPage: (items: KubeEvent[]) => Promise<void>,
  ): Promise<{ resourceVersion: string }> {
    let next: string | undefined;
    let resourceVersion = '';
    do {
      const page = await this.page(namespace, next);
      next = page.metadata?._continue || undefined;
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      await onPage(page.items);
    } while (next);
    return { resourceVersion };
  }

  /** A 401 rejects (with `statusCode` 401) and makes the next watch renew the credentials. */
  async watch(
    namespace: string,
    resourceVersion: string,
    onNotification: (notification: WatchNotification) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const watcher = new Watch(await this.credentials());
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let controller: AbortController | undefined;
      const state: { onAbort?: () => void } = {};
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (state.onAbort) signal.removeEventListener('abort', state.onAbort);
        if (error && !signal.aborted) reject(this.unauthorized(error));
        else resolve();
      };
      const onAbort = () => {
        controller?.abort();
        finish();
      };
      state.onAbort = onAbort;
      signal.addEventListener('abort', onAbort);
      watcher
        .watch(
          `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`,
          { resourceVersion, allowWatchBookmarks: true },
          (phase, object) => {
            if (phase === 'BOOKMARK') {
              onNotification({
                type: 'BOOKMARK',
                resourceVersion:
                  object?.metadata?.resourceVersion ?? resourceVersion,
              });
            } else if (phase === 'ERROR') {
              const code = Number(object?.code);
              finish(
                Object.assign(new Error(object?.message ?? 'watch error'), {
                  statusCode: Number.isFinite(code) ? code : 500,
                }),
              );
            } else if (
              phase === 'ADDED' ||
              phase === 'MODIFIED' ||
              phase === 'DELETED'
            ) {
              onNotification({ type: phase, object: object as KubeEvent });
            }
          },
          error => finish(error ?? undefined),
        )
        .then(
          c => {
            controller = c;
            if (signal.aborted) c.abort();
          },
          error => finish(error),
        );
    });
  }
}
