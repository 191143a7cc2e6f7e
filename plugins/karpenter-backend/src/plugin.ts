import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { karpenterPermissions } from '@karpenter-backstage/plugin-karpenter-common';
import {
  readHealthThresholds,
  readInterruptionSettings,
  readStaleAfterMs,
} from './config';
import { DatabaseInterruptionStore, migrateDatabase } from './database';
import { createRouter } from './router';
import { DefaultClusterCache } from './services/ClusterCache';
import {
  DefaultClusterRegistry,
  readClusterConfigs,
} from './services/ClusterRegistry';
import { InterruptionHistory } from './services/InterruptionHistory';
import { createSqsClient, DefaultQueueMonitor } from './services/QueueMonitor';
import { scheduleInterruptionTasks } from './services/scheduleInterruptionTasks';
import { SummaryService } from './services/SummaryService';

/**
 * The Karpenter backend plugin: NodePool health and interruption activity per catalog entity.
 *
 * @public
 */
export const karpenterPlugin = createBackendPlugin({
  pluginId: 'karpenter',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init({
        httpRouter,
        logger,
        config,
        database,
        scheduler,
        httpAuth,
        permissions,
        permissionsRegistry,
        lifecycle,
        catalog,
      }) {
        permissionsRegistry.addPermissions(karpenterPermissions);
        const clusters = readClusterConfigs(config);
        const awsCredentials = DefaultAwsCredentialsManager.fromConfig(config);
        const registry = new DefaultClusterRegistry(clusters, awsCredentials);
        const cache = new DefaultClusterCache(registry, logger, {
          staleAfterMs: readStaleAfterMs(config),
        });
        lifecycle.addShutdownHook(() => cache.stop());

        const settings = readInterruptionSettings(config);
        const store = new DatabaseInterruptionStore(
          await migrateDatabase(database),
        );
        const history = new InterruptionHistory(store);
        const queues = new DefaultQueueMonitor({
          targets: clusters.map(c => ({
            cluster: c.name,
            queue: c.interruptionQueue,
            region: c.aws.region,
            roleArn: c.aws.roleArn,
            externalId: c.aws.externalId,
            endpoint: c.aws.sqsEndpoint,
          })),
          store,
          clientFor: target => createSqsClient(target, awsCredentials, 5_000),
          logger,
          backlogWindowMs: settings.queueBacklogWindowMs,
        });
        const summaries = new SummaryService({
          registry,
          cache,
          thresholds: readHealthThresholds(config),
          logger,
          extras: {
            activity: (cluster, nodePools) =>
              history.activity(cluster, nodePools),
            queue: cluster => queues.getStatus(cluster),
          },
        });
        await scheduleInterruptionTasks({
          scheduler,
          registry,
          cache,
          store,
          queues,
          logger,
          settings,
        });

        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            permissions,
            catalog,
            registry,
            summaries,
            history,
            queues,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info('Karpenter backend ready', {
          clusters: clusters.map(c => c.name).join(','),
        });
      },
    });
  },
});
