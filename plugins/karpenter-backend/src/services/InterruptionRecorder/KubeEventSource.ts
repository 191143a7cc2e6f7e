import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
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
  private readonly api: CoreV1Api;
  private readonly watcher: Watch;

  constructor(kubeConfig: KubeConfig, private readonly pageSize = 500) {
    this.api = kubeConfig.makeApiClient(CoreV1Api);
    this.watcher = new Watch(kubeConfig);
  }

  async list(
    namespace: string,
    onPage: (items: KubeEvent[]) => Promise<void>,
  ): Promise<{ resourceVersion: string }> {
    let next: string | undefined;
    let resourceVersion = '';
    do {
      const page = await this.api.listNamespacedEvent({
        namespace,
        limit: this.pageSize,
        _continue: next,
      });
      next = page.metadata?._continue || undefined;
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      await onPage(page.items as unknown as KubeEvent[]);
    } while (next);
    return { resourceVersion };
  }

  watch(
    namespace: string,
    resourceVersion: string,
    onNotification: (notification: WatchNotification) => void,
    signal: AbortSignal,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let controller: AbortController | undefined;
      const state: { onAbort?: () => void } = {};
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (state.onAbort) signal.removeEventListener('abort', state.onAbort);
        if (error && !signal.aborted) reject(error);
        else resolve();
      };
      const onAbort = () => {
        controller?.abort();
        finish();
      };
      state.onAbort = onAbort;
      signal.addEventListener('abort', onAbort);
      this.watcher
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
