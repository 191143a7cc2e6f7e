import type { PriceTable } from './priceTable';

/** The product descriptions with spot prices here: Linux only (as Karpenter asks for it). */
export const LINUX = 'Linux/UNIX';
export const LINUX_VPC = 'Linux/UNIX (Amazon VPC)';

/** One `spotPriceHistorySet` item. */
export interface SpotPriceItem {
  availabilityZone: string;
  instanceType: string;
  productDescription: string;
  /** USD per hour with EC2's six decimals. */
  spotPrice: string;
  timestamp: string;
}

/** A DescribeSpotPriceHistory request, less its paging. */
export interface SpotQuery {
  /** The zones of the request's region (all the table's when the request is not signed). */
  zones: readonly string[];
  instanceTypes: string[];
  productDescriptions: string[];
  availabilityZone?: string;
  filters: Array<{ name: string; values: string[] }>;
}

/** The filter names DescribeSpotPriceHistory takes, and the item field each reads. */
export const SPOT_FILTERS: Record<string, keyof SpotPriceItem> = {
  'availability-zone': 'availabilityZone',
  'instance-type': 'instanceType',
  'product-description': 'productDescription',
  'spot-price': 'spotPrice',
  timestamp: 'timestamp',
};

/** A filter value as EC2 reads it: `*` any characters, `?` one. */
function wildcard(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/**
 * The description items carry: `Linux/UNIX` when the request asks for it or for no description,
 * `Linux/UNIX (Amazon VPC)` when it asks only for that; none when it asks for other systems.
 */
function descriptionFor(asked: string[]): string | undefined {
  if (!asked.length || asked.includes(LINUX)) return LINUX;
  return asked.includes(LINUX_VPC) ? LINUX_VPC : undefined;
}

/**
 * The current spot price of each (zone, type) the query selects, zone by zone: one item per
 * pair, stamped `since`, whatever the request's StartTime and EndTime (the price has not changed
 * since).
 */
export function spotPrices(
  prices: PriceTable,
  query: SpotQuery,
  since: number,
): SpotPriceItem[] {
  const description = descriptionFor(query.productDescriptions);
  if (!description) return [];
  const types = query.instanceTypes.length
    ? prices.instanceTypes.filter(t => query.instanceTypes.includes(t))
    : prices.instanceTypes;
  const timestamp = new Date(since).toISOString();
  const filters = query.filters.map(f => ({
    field: SPOT_FILTERS[f.name],
    patterns: f.values.map(wildcard),
  }));
  const items: SpotPriceItem[] = [];
  for (const zone of query.zones) {
    if (query.availabilityZone && zone !== query.availabilityZone) continue;
    for (const type of types) {
      const price = prices.spot(zone, type);
      if (price === undefined) continue;
      const item: SpotPriceItem = {
        availabilityZone: zone,
        instanceType: type,
        productDescription: description,
        spotPrice: price.toFixed(6),
        timestamp,
      };
      if (filters.every(f => f.patterns.some(p => p.test(item[f.field]))))
        items.push(item);
    }
  }
  return items;
}
