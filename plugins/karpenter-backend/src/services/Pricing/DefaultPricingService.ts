import { LoggerService } from '@backstage/backend-plugin-api';
import {
  PriceBook,
  PricePoint,
} from '@karpenter-backstage/plugin-karpenter-common';
import { PriceRefresh, PriceStore } from '../../database';
import { classifyPricingError } from './pricingErrors';
import { fetchOnDemandPrices, fetchSpotPrices } from './fetchPrices';
import { PriceClientFactory, PriceDemand, PricingService } from './types';

/** An instance type without a price is asked for again after this long (not at every check). */
const MISSING_RETRY_MS = 60 * 60 * 1000;

interface RegionPrices {
  onDemand: Map<string, PricePoint>;
  /** zone + '/' + instance type */
  spot: Map<string, PricePoint>;
}

const emptyRegion = (): RegionPrices => ({
  onDemand: new Map(),
  spot: new Map(),
});

/**
 * {@link PricingService} on the plugin database. A refresh (one instance at a time: the task is
 * global) asks AWS, per region, for every running instance type when the last full refresh is
 * older than `refreshIntervalMs`, and otherwise only for the types that have no price yet. A
 * failed refresh keeps the stored prices and records why, so every instance can say it.
 *
 * @internal
 */
export class DefaultPricingService implements PricingService {
  private prices = new Map<string, RegionPrices>();
  private refreshes = new Map<string, PriceRefresh>();
  private signature = '';
  private loaded = 0;
  /** When this instance last asked for a type without a price (region/type → ms). */
  private readonly askedAt = new Map<string, number>();

  constructor(
    private readonly options: {
      store: PriceStore;
      clients: PriceClientFactory;
      logger: LoggerService;
      refreshIntervalMs: number;
      now?: () => number;
    },
  ) {}

  get version(): number {
    return this.loaded;
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }

  /**
   * The stored prices of a region; `unavailable` says why a price may be missing: the last
   * refresh failed (the stored prices are still used), or nothing has been fetched yet.
   */
  bookFor(region: string): PriceBook {
    const prices = this.prices.get(region) ?? emptyRegion();
    const error = this.refreshes.get(region)?.error;
    const empty = prices.onDemand.size === 0 && prices.spot.size === 0;
    return {
      onDemand: type => prices.onDemand.get(type),
      spot: (type, zone) => prices.spot.get(`${zone}/${type}`),
      unavailable:
        error ??
        (empty
          ? {
              code: 'PRICES_NOT_LOADED',
              message: `No price has been fetched for ${region} yet`,
            }
          : undefined),
    };
  }

  async load(): Promise<void> {
    const [rows, refreshes] = await Promise.all([
      this.options.store.listPrices(),
      this.options.store.listRefreshes(),
    ]);
    const prices = new Map<string, RegionPrices>();
    for (const row of rows) {
      const region = prices.get(row.region) ?? emptyRegion();
      prices.set(row.region, region);
      const point = { usdPerHour: row.usdPerHour, fetchedAt: row.fetchedAt };
      if (row.capacityType === 'spot' && row.zone)
        region.spot.set(`${row.zone}/${row.instanceType}`, point);
      else region.onDemand.set(row.instanceType, point);
    }
    const signature = JSON.stringify([rows, refreshes]);
    this.prices = prices;
    this.refreshes = new Map(refreshes.map(r => [r.region, r]));
    if (signature !== this.signature) {
      this.signature = signature;
      this.loaded += 1;
    }
  }

  async refresh(demands: PriceDemand[], signal?: AbortSignal): Promise<void> {
    await this.load();
    for (const demand of demands) {
      signal?.throwIfAborted();
      await this.refreshRegion(demand, signal);
    }
    await this.load();
  }

  /** The types to ask for now: all when a full refresh is due, else those without a price. */
  private due(demand: PriceDemand, now: number) {
    const last = this.refreshes.get(demand.region);
    const full =
      last?.succeededAt === undefined ||
      now - last.succeededAt >= this.options.refreshIntervalMs;
    if (full) return { full, types: demand.instanceTypes };
    const known = this.prices.get(demand.region)?.onDemand;
    const types = demand.instanceTypes.filter(type => {
      if (known?.has(type)) return false;
      const asked = this.askedAt.get(`${demand.region}/${type}`);
      return asked === undefined || now - asked >= MISSING_RETRY_MS;
    });
    return { full, types };
  }

  private async refreshRegion(demand: PriceDemand, signal?: AbortSignal) {
    const { store, logger } = this.options;
    const now = this.now();
    const { full, types } = this.due(demand, now);
    if (types.length === 0) return;
    for (const type of types) this.askedAt.set(`${demand.region}/${type}`, now);
    const previous = this.refreshes.get(demand.region);
    let api: 'pricing' | 'ec2' = 'pricing';
    try {
      const clients = await this.options.clients(demand);
      // what one API answered is kept even when the other fails (on-demand pools stay priced
      // while spot prices are denied)
      const onDemand = await fetchOnDemandPrices(
        clients.pricing,
        demand.region,
        types,
        now,
        signal,
      );
      await store.savePrices(onDemand);
      api = 'ec2';
      const spot = await fetchSpotPrices(
        clients.ec2,
        demand.region,
        types,
        now,
        signal,
      );
      await store.savePrices(spot);
      await store.saveRefresh({
        region: demand.region,
        attemptedAt: now,
        succeededAt: full ? now : previous?.succeededAt,
      });
      logger.info('Fetched EC2 prices', {
        region: demand.region,
        instanceTypes: types.length,
        onDemandPrices: onDemand.length,
        spotPrices: spot.length,
        full,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      const classified = classifyPricingError(error, api);
      // the AWS text goes to the log only (it can name the account and the role)
      logger.warn('Fetching EC2 prices failed; stored prices are kept', {
        region: demand.region,
        clusters: demand.clusters.join(','),
        code: classified.code,
        error: String(error),
      });
      await store.saveRefresh({
        region: demand.region,
        attemptedAt: now,
        succeededAt: previous?.succeededAt,
        error: classified,
      });
    }
  }
}
