import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { karpenterPermissions } from '@karpenter-backstage/plugin-karpenter-common';
import { registerKarpenterActions } from './actions';
import {
  readHealthThresholds,
  readInterruptionSettings,
  readStaleAfterMs,
} from './config';
import { DatabaseInterruptionStore, migrateDatabase } from './database';
import {
  karpenterClusterPermissionResourceRef,
  karpenterClusterRules,
} from './permissions';
import { createRouter } from './router';
import {
  clusterResource,
  DefaultClusterAccess,
} from './services/ClusterAccess';
import { DefaultClusterCache } from './services/ClusterCache';
import {
  DefaultClusterRegistry,
  readClusterConfigs,
} from './services/ClusterRegistry';
import { EntitySummaries } from './services/EntitySummaries';
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
        actionsRegistry: actionsRegistryServiceRef,
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
        actionsRegistry,
      }) {
        const clusters = readClusterConfigs(config);
        const awsCredentials = DefaultAwsCredentialsManager.fromConfig(config);
        const registry = new DefaultClusterRegistry(clusters, awsCredentials);
        permissionsRegistry.addResourceType({
          resourceRef: karpenterClusterPermissionResourceRef,
          permissions: karpenterPermissions,
          rules: Object.values(karpenterClusterRules),
          getResources: async refs =>
            refs.map(ref => clusterResource(registry, ref)),
        });
        const access = new DefaultClusterAccess({
          permissions,
          registry,
          ruleset: permissionsRegistry.getPermissionRuleset(
            karpenterClusterPermissionResourceRef,
          ),
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
        const entities = new EntitySummaries({ catalog, registry, summaries });
        registerKarpenterActions({
          actionsRegistry,
          access,
          registry,
          summaries,
          entities,
          history,
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
            access,
            registry,
            summaries,
            entities,
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
