import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { karpenterPermissions } from '@karpenter-backstage/plugin-karpenter-common';
import {
  karpenterAuthStrategyExtensionPoint,
  karpenterClusterSupplierExtensionPoint,
  karpenterQueueClientFactoryServiceRef,
} from '@karpenter-backstage/plugin-karpenter-node';
import {
  readClusterRefreshMs,
  readHealthThresholds,
  readInterruptionSettings,
  readStaleAfterMs,
} from './config';
import { DatabaseInterruptionStore, migrateDatabase } from './database';
import { createRouter } from './router';
import { DefaultClusterCache } from './services/ClusterCache';
import { DefaultClusterRegistry } from './services/ClusterRegistry';
import {
  AuthStrategyCollector,
  ClusterSources,
  ClusterSupplierCollector,
  queueTargetsOf,
  scheduleClusterRefresh,
} from './services/ClusterSuppliers';
import { InterruptionHistory } from './services/InterruptionHistory';
import { DefaultQueueMonitor } from './services/QueueMonitor';
import {
  scheduleClusterTasks,
  scheduleInterruptionTasks,
} from './services/scheduleInterruptionTasks';
import { SummaryService } from './services/SummaryService';

/**
 * The Karpenter backend plugin: NodePool health and interruption activity per catalog entity.
 *
 * @public
 */
export const karpenterPlugin = createBackendPlugin({
  pluginId: 'karpenter',
  register(env) {
    // extension points (@karpenter-backstage/plugin-karpenter-node): where clusters come from,
    // how the backend authenticates per authProvider
    const suppliers = new ClusterSupplierCollector();
    const authStrategies = new AuthStrategyCollector();
    env.registerExtensionPoint(
      karpenterClusterSupplierExtensionPoint,
      suppliers,
    );
    env.registerExtensionPoint(
      karpenterAuthStrategyExtensionPoint,
      authStrategies,
    );

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
        queueClients: karpenterQueueClientFactoryServiceRef,
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
        queueClients,
      }) {
        permissionsRegistry.addPermissions(karpenterPermissions);
        const sources = new ClusterSources(
          await suppliers.sources(config),
          logger,
        );
        const clusters = await sources.load();
        const awsCredentials = DefaultAwsCredentialsManager.fromConfig(config);
        const registry = new DefaultClusterRegistry(clusters, awsCredentials, {
          strategies: authStrategies.strategies,
        });
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
          targets: queueTargetsOf(clusters),
          store,
          clientFor: target => queueClients.clientFor(target),
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
        const tasks = {
          scheduler,
          registry,
          cache,
          store,
          queues,
          logger,
          settings,
        };
        await scheduleInterruptionTasks(tasks);
        if (sources.dynamic) {
          await scheduleClusterRefresh({
            scheduler,
            sources,
            registry,
            setQueueTargets: targets => queues.setTargets(targets),
            onAdded: name => scheduleClusterTasks(tasks, name),
            logger,
            frequencyMs: readClusterRefreshMs(config),
          });
        }

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
