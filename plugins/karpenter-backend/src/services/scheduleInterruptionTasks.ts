import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { InterruptionSettings } from '../config';
import { InterruptionStore } from '../database';
import { ClusterCache } from './ClusterCache';
import { ClusterRegistry } from './ClusterRegistry';
import {
  cacheResolver,
  InterruptionRecorder,
  KubeEventSource,
} from './InterruptionRecorder';
import { QueueMonitor } from './QueueMonitor';

const RECORD_RUN_MS = 60_000;

/** What the interruption tasks need. @internal */
export interface InterruptionTaskOptions {
  scheduler: SchedulerService;
  registry: ClusterRegistry;
  cache: ClusterCache;
  store: InterruptionStore;
  queues: QueueMonitor;
  logger: LoggerService;
  settings: InterruptionSettings;
}

const present = (registry: ClusterRegistry, name: string) =>
  registry.list().some(c => c.name === name);

/**
 * Schedules one cluster's event recorder and queue sampler (also for a cluster a supplier adds
 * later). A task of a cluster that was removed since does nothing (the scheduler cannot
 * unschedule); it resumes if the cluster comes back.
 *
 * @internal
 */
export async function scheduleClusterTasks(
  options: InterruptionTaskOptions,
  name: string,
) {
  const { scheduler, registry, cache, store, queues, logger, settings } =
    options;
  const cluster = registry.get(name);
  // Where this instance's previous run stopped: the next run here resumes its watch.
  const cursors = new Map<string, string>();
  await scheduler.scheduleTask({
    id: `karpenter-record-events:${cluster.name}`,
    frequency: { seconds: 5 },
    timeout: { milliseconds: RECORD_RUN_MS * 2 },
    initialDelay: { seconds: 1 },
    scope: 'global',
    fn: async signal => {
      if (!present(registry, cluster.name)) return;
      const recorder = new InterruptionRecorder({
        cluster: cluster.name,
        namespaces: ['default', settings.karpenterNamespace],
        source: new KubeEventSource(renew =>
          registry.kubeConfig(cluster.name, renew),
        ),
        resolver: cacheResolver(cache, cluster.name),
        store,
        logger,
        cursors,
      });
      try {
        await recorder.run(signal, RECORD_RUN_MS);
      } catch (error) {
        logger.warn('Recording Karpenter events failed; retrying', {
          cluster: cluster.name,
          error: String(error),
        });
      }
    },
  });
  if (cluster.interruptionQueue) {
    await scheduler.scheduleTask({
      id: `karpenter-sample-queue:${cluster.name}`,
      frequency: { milliseconds: settings.queueSampleIntervalMs },
      timeout: { seconds: 30 },
      initialDelay: { seconds: 1 },
      scope: 'global',
      fn: async () => {
        if (!present(registry, cluster.name)) return;
        await queues.sample(cluster.name);
      },
    });
  }
}

/**
 * Schedules, per cluster, the event recorder and the queue sampler as global SchedulerService
 * tasks (so with several backend instances one instance runs each at a time), plus retention.
 *
 * @internal
 */
export async function scheduleInterruptionTasks(
  options: InterruptionTaskOptions,
) {
  const { scheduler, registry, store, logger, settings } = options;
  for (const cluster of registry.list()) {
    await scheduleClusterTasks(options, cluster.name);
  }
  await scheduler.scheduleTask({
    id: 'karpenter-prune-history',
    frequency: { hours: 1 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
    scope: 'global',
    fn: async () => {
      const deleted = await store.prune(Date.now() - settings.retentionMs);
      if (deleted)
        logger.info('Pruned Karpenter interruption history', { deleted });
    },
  });
}
