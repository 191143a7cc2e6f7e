import { CostUnavailable } from '@karpenter-backstage/plugin-karpenter-common';
import { Knex } from 'knex';

/** One price as stored: on-demand per region, spot per availability zone. @internal */
export interface StoredPrice {
  region: string;
  capacityType: 'on-demand' | 'spot';
  /** The availability zone of a spot price; undefined for on-demand. */
  zone?: string;
  instanceType: string;
  usdPerHour: number;
  /** ms since the epoch */
  fetchedAt: number;
}

/** The outcome of a region's last price refresh. @internal */
export interface PriceRefresh {
  region: string;
  attemptedAt: number;
  succeededAt?: number;
  error?: {
    code: Exclude<CostUnavailable['code'], 'PRICES_NOT_LOADED'>;
    message: string;
  };
}

/** Prices and refresh outcomes in the plugin database. @internal */
export interface PriceStore {
  /** Inserts or replaces prices (keyed by region, capacity type, zone and instance type). */
  savePrices(prices: StoredPrice[]): Promise<void>;
  listPrices(): Promise<StoredPrice[]>;
  saveRefresh(refresh: PriceRefresh): Promise<void>;
  listRefreshes(): Promise<PriceRefresh[]>;
}

const PRICES = 'karpenter_prices';
const REFRESHES = 'karpenter_price_refreshes';
const CHUNK = 200;

interface PriceRow {
  region: string;
  capacity_type: string;
  zone: string;
  instance_type: string;
  usd_per_hour: number | string;
  fetched_at: number | string;
}

interface RefreshRow {
  region: string;
  attempted_at: number | string;
  succeeded_at: number | string | null;
  error_code: string | null;
  error_message: string | null;
}

/** {@link PriceStore} on the plugin's knex database (SQLite or PostgreSQL). @internal */
export class DatabasePriceStore implements PriceStore {
  constructor(private readonly db: Knex) {}

  async savePrices(prices: StoredPrice[]): Promise<void> {
    for (let i = 0; i < prices.length; i += CHUNK) {
      const rows: PriceRow[] = prices.slice(i, i + CHUNK).map(p => ({
        region: p.region,
        capacity_type: p.capacityType,
        zone: p.zone ?? '',
        instance_type: p.instanceType,
        usd_per_hour: p.usdPerHour,
        fetched_at: p.fetchedAt,
      }));
      await this.db(PRICES)
        .insert(rows)
        .onConflict(['region', 'capacity_type', 'zone', 'instance_type'])
        .merge(['usd_per_hour', 'fetched_at']);
    }
  }

  async listPrices(): Promise<StoredPrice[]> {
    const rows: PriceRow[] = await this.db(PRICES).select();
    return rows.map(r => ({
      region: r.region,
      capacityType: r.capacity_type === 'spot' ? 'spot' : 'on-demand',
      zone: r.zone || undefined,
      instanceType: r.instance_type,
      usdPerHour: Number(r.usd_per_hour),
      fetchedAt: Number(r.fetched_at),
    }));
  }

  async saveRefresh(refresh: PriceRefresh): Promise<void> {
    const row: RefreshRow = {
      region: refresh.region,
      attempted_at: refresh.attemptedAt,
      succeeded_at: refresh.succeededAt ?? null,
      error_code: refresh.error?.code ?? null,
      error_message: refresh.error?.message ?? null,
    };
    await this.db(REFRESHES).insert(row).onConflict('region').merge();
  }

  async listRefreshes(): Promise<PriceRefresh[]> {
    const rows: RefreshRow[] = await this.db(REFRESHES).select();
    return rows.map(r => ({
      region: r.region,
      attemptedAt: Number(r.attempted_at),
      succeededAt: r.succeeded_at === null ? undefined : Number(r.succeeded_at),
      error:
        r.error_code === 'PRICING_DENIED' ||
        r.error_code === 'PRICING_UNAVAILABLE'
          ? { code: r.error_code, message: r.error_message ?? '' }
          : undefined,
    }));
  }
}
