import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ClusterConfig, DefaultClusterRegistry } from '../ClusterRegistry';
import { QueueTarget } from '../QueueMonitor';
import { ClusterSources } from './ClusterSources';

/** Where each cluster's interruption queue is (for the QueueMonitor). @internal */
export function queueTargetsOf(clusters: ClusterConfig[]): QueueTarget[] {
  return clusters.map(c => ({
    cluster: c.name,
    queue: c.interruptionQueue,
    region: c.aws.region,
    roleArn: c.aws.roleArn,
    externalId: c.aws.externalId,
    endpoint: c.aws.sqsEndpoint,
  }));
}

/**
 * Reloads the clusters of all suppliers every `frequencyMs` (a `local` task: every backend
 * instance holds its own registry). Added clusters get their tasks (`onAdded`), removed ones are
 * gone from the registry (404) and the queue monitor; a failing supplier keeps its last clusters,
 * an invalid result (duplicate names, an authProvider without strategy) keeps the current list.
 *
 * @internal
 */
export async function scheduleClusterRefresh(options: {
  scheduler: SchedulerService;
  sources: ClusterSources;
  registry: DefaultClusterRegistry;
  setQueueTargets: (targets: QueueTarget[]) => void;
  onAdded: (cluster: string) => Promise<void>;
  logger: LoggerService;
  frequencyMs: number;
}) {
  const { scheduler, sources, registry, logger } = options;
  const refresh = async () => {
    let clusters: ClusterConfig[];
    try {
      clusters = await sources.load();
    } catch (error) {
      logger.warn('Refreshing the Karpenter clusters failed', {
        error: String(error),
      });
      return;
    }
    let diff;
    try {
      diff = registry.replaceClusters(clusters);
    } catch (error) {
      logger.error(
        'The refreshed Karpenter clusters are invalid; keeping the current ones',
        { error: String(error) },
      );
      return;
    }
    options.setQueueTargets(queueTargetsOf(clusters));
    for (const name of diff.added) await options.onAdded(name);
    if (diff.added.length || diff.removed.length || diff.changed.length)
      logger.info('Karpenter clusters changed', {
        added: diff.added.join(','),
        removed: diff.removed.join(','),
        changed: diff.changed.join(','),
      });
  };
  await scheduler.scheduleTask({
    id: 'karpenter-refresh-clusters',
    frequency: { milliseconds: options.frequencyMs },
    timeout: { minutes: 2 },
    initialDelay: { milliseconds: options.frequencyMs },
    scope: 'local',
    fn: refresh,
  });
}
