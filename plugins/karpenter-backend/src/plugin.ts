import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { karpenterPermissions } from '@karpenter-backstage/plugin-karpenter-common';
import { registerKarpenterActions } from './actions';
import {
  karpenterAuthStrategyExtensionPoint,
  karpenterClusterSupplierExtensionPoint,
  karpenterQueueClientFactoryServiceRef,
} from '@karpenter-backstage/plugin-karpenter-node';
import {
  readClusterRefreshMs,
  readCostSettings,
  readHealthThresholds,
  readInterruptionSettings,
  readStaleAfterMs,
} from './config';
import {
  DatabaseCostSampleStore,
  DatabaseInterruptionStore,
  DatabasePriceStore,
  migrateDatabase,
} from './database';
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
import { DefaultClusterRegistry } from './services/ClusterRegistry';
import {
  AuthStrategyCollector,
  ClusterSources,
  ClusterSupplierCollector,
  queueTargetsOf,
  scheduleClusterRefresh,
} from './services/ClusterSuppliers';
import {
  clusterSavingsPricing,
  ConsolidationSavingsEstimator,
  CostHistory,
  scheduleCostSampling,
} from './services/CostHistory';
import { EntitySummaries } from './services/EntitySummaries';
import { ClusterValuesReader } from './services/ClusterValues';
import { InterruptionHistory } from './services/InterruptionHistory';
import {
  DefaultPricingService,
  defaultPriceClients,
  pricingCostSource,
  schedulePricing,
} from './services/Pricing';
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
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        queueClients: karpenterQueueClientFactoryServiceRef,
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
        urlReader,
        catalog,
        queueClients,
        actionsRegistry,
      }) {
        const sources = new ClusterSources(
          await suppliers.sources(config),
          logger,
        );
        const clusters = await sources.load();
        const awsCredentials = DefaultAwsCredentialsManager.fromConfig(config);
        const registry = new DefaultClusterRegistry(clusters, awsCredentials, {
          strategies: authStrategies.strategies,
        });
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
        const db = await migrateDatabase(database);
        const store = new DatabaseInterruptionStore(db);
        const costSettings = readCostSettings(config);
        // cost off: no pricing service, no AWS pricing call, no cost in the API
        const pricing = costSettings.enabled
          ? new DefaultPricingService({
              store: new DatabasePriceStore(db),
              clients: defaultPriceClients(awsCredentials),
              logger,
              refreshIntervalMs: costSettings.refreshIntervalMs,
            })
          : undefined;
        const history = new InterruptionHistory(store);
        const queues = new DefaultQueueMonitor({
          targets: queueTargetsOf(clusters),
          store,
          clientFor: target => queueClients.clientFor(target),
          logger,
          backlogWindowMs: settings.queueBacklogWindowMs,
        });
        const costSource = pricing && pricingCostSource(pricing, costSettings);
        const summaries = new SummaryService({
          registry,
          cache,
          thresholds: readHealthThresholds(config),
          cost: costSource,
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
        const costs = costSource
          ? new CostHistory({
              store: new DatabaseCostSampleStore(db),
              nodePools: cluster => summaries.nodePools(cluster),
              savings: new ConsolidationSavingsEstimator({
                store,
                pricing: clusterSavingsPricing({
                  cost: costSource,
                  registry,
                  cache,
                }),
              }),
              logger,
            })
          : undefined;
        if (pricing && costs) {
          await schedulePricing({
            scheduler,
            registry,
            cache,
            pricing,
            settings: costSettings,
            logger,
          });
          await scheduleCostSampling({
            scheduler,
            registry,
            history: costs,
            sampleIntervalMs: costSettings.sampleIntervalMs,
            retentionMs: settings.retentionMs,
            logger,
          });
        }
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
            access,
            registry,
            summaries,
            entities,
            history,
            queues,
            costs,
            values: new ClusterValuesReader({
              catalog,
              registry,
              urlReader,
              integrations: ScmIntegrations.fromConfig(config),
              logger,
            }),
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
