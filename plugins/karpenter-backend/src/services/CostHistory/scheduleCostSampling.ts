import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ClusterRegistry } from '../ClusterRegistry';
import { CostHistory } from './CostHistory';

/**
 * Schedules the cost sampler as one global task (with several instances, one samples at a time):
 * every `sampleIntervalMs` the cost of every NodePool of every cluster, and the samples older
 * than `retentionMs` (the interruption history's retention) are deleted.
 *
 * @internal
 */
export async function scheduleCostSampling(options: {
  scheduler: SchedulerService;
  registry: ClusterRegistry;
  history: CostHistory;
  sampleIntervalMs: number;
  retentionMs: number;
  logger: LoggerService;
}) {
  const { scheduler, registry, history, logger } = options;
  await scheduler.scheduleTask({
    id: 'karpenter-sample-cost',
    frequency: { milliseconds: options.sampleIntervalMs },
    timeout: { minutes: 5 },
    // soon after start (the prices are fetched within seconds), so a new portal has a point
    initialDelay: { seconds: 10 },
    scope: 'global',
    fn: async () => {
      for (const cluster of registry.list()) {
        try {
          await history.sample(cluster.name);
        } catch (error) {
          // a cluster that cannot be read has no sample now; the others are sampled
          logger.debug('Sampling the cost of a cluster failed', {
            cluster: cluster.name,
            error: String(error),
          });
        }
      }
      await history.prune(Date.now() - options.retentionMs);
    },
  });
}
