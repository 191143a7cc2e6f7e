import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { CostSettings } from '../../config';
import { ClusterCache, CachedNodeClaim } from '../ClusterCache';
import { ClusterConfig, ClusterRegistry } from '../ClusterRegistry';
import { priceDemands } from './demands';
import { PricingService } from './types';

/** How often every instance reloads the stored prices (another instance may have fetched). */
const LOAD_INTERVAL_MS = 60_000;

/**
 * Schedules the price refresh as one global task (with several backend instances, one fetches at
 * a time and the others find the prices fresh in the database) every `checkIntervalMs`, and on
 * every instance a local reload of the stored prices every minute.
 *
 * @internal
 */
export async function schedulePricing(options: {
  scheduler: SchedulerService;
  registry: ClusterRegistry;
  cache: ClusterCache;
  pricing: PricingService;
  settings: CostSettings;
  logger: LoggerService;
}) {
  const { scheduler, registry, cache, pricing, settings, logger } = options;
  await pricing.load().catch(error =>
    logger.warn('Loading the stored EC2 prices failed', {
      error: String(error),
    }),
  );
  await scheduler.scheduleTask({
    id: 'karpenter-refresh-prices',
    frequency: { milliseconds: settings.checkIntervalMs },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 2 },
    scope: 'global',
    fn: async signal => {
      const clusters: {
        config: ClusterConfig;
        claims: readonly CachedNodeClaim[];
      }[] = [];
      for (const config of registry.list()) {
        try {
          const snapshot = await cache.snapshot(config.name);
          clusters.push({ config, claims: snapshot.nodeClaims });
        } catch {
          // a cluster that cannot be read has nothing to price now; the others are priced
        }
      }
      await pricing.refresh(priceDemands(clusters), signal);
    },
  });
  await scheduler.scheduleTask({
    id: 'karpenter-load-prices',
    frequency: { milliseconds: LOAD_INTERVAL_MS },
    timeout: { seconds: 30 },
    initialDelay: { milliseconds: LOAD_INTERVAL_MS },
    scope: 'local',
    fn: async () => pricing.load(),
  });
}
