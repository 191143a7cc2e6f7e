import { createHash } from 'node:crypto';
import { regionAndZones } from '../cluster/state';
import { instanceType, INSTANCE_TYPES } from '../model/instanceTypes';
import type { Scenario, ScenarioPricing } from '../scenario/types';
import { defaultZones, KNOWN_REGIONS, regionInfo } from './regions';

/**
 * Linux on-demand list prices in us-east-1, USD per hour (Shared tenancy, no pre-installed
 * software), for every type of the simulator's catalogue (`model/instanceTypes.ts`).
 */
export const US_EAST_1_ON_DEMAND: Readonly<Record<string, number>> = {
  'm5.large': 0.096,
  'm5.xlarge': 0.192,
  'm5.2xlarge': 0.384,
  'm6i.xlarge': 0.192,
  'm6i.2xlarge': 0.384,
  'm7i.xlarge': 0.2016,
  'c5.xlarge': 0.17,
  'c5.2xlarge': 0.34,
  'c6i.4xlarge': 0.68,
  'r5.xlarge': 0.252,
  'r6i.2xlarge': 0.504,
  'm6g.xlarge': 0.154,
  'c6g.2xlarge': 0.272,
  'm7g.2xlarge': 0.3264,
  'g5.xlarge': 1.006,
};

/** Spot prices are on-demand × a fraction in [SPOT_MIN, SPOT_MAX), fixed per zone and type. */
const SPOT_MIN = 0.3;
const SPOT_MAX = 0.45;

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** A number in [0, 1) fixed by a string (the first 32 bits of its SHA-256). */
export function unitHash(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * The simulator's prices, USD per hour: what its Price List API (on-demand, per region) and
 * EC2 DescribeSpotPriceHistory (spot, per availability zone) serve. Tests read it to compute
 * expected costs independently of both APIs. `undefined`: AWS returns no price.
 * @public
 */
export interface PriceTable {
  /** The regions with on-demand products: the well-known ones and every scenario region. */
  readonly regions: readonly string[];
  /** The availability zones of a region with spot prices (none for a region not in `regions`). */
  zonesOf(region: string): readonly string[];
  /** The region of a zone of the table, or undefined. */
  regionOfZone(zone: string): string | undefined;
  /** The instance types the table prices (the catalogue's, less the scenario's `unpriced`). */
  readonly instanceTypes: readonly string[];
  onDemand(region: string, instanceType: string): number | undefined;
  spot(zone: string, instanceType: string): number | undefined;
}

function checkTypes(where: string, prices: Record<string, number>) {
  for (const [name, price] of Object.entries(prices)) {
    instanceType(name); // throws for a type outside the catalogue
    if (typeof price !== 'number' || !(price >= 0))
      throw new Error(`${where}.${name}: not a price in USD per hour`);
  }
}

/**
 * The price table of a scenario: us-east-1's list prices × a fixed factor per region
 * (`regions.ts`), spot = on-demand of the zone's region × a fraction between 0.3 and 0.45 hashed
 * from (zone, type), rounded to 4 decimals; `scenario.pricing` overrides single prices and names
 * the types AWS has no price for.
 */
export class ScenarioPriceTable implements PriceTable {
  readonly regions: readonly string[];
  readonly instanceTypes: readonly string[];
  private readonly zones = new Map<string, string[]>();
  private readonly zoneRegion = new Map<string, string>();
  private readonly pricing: ScenarioPricing;

  constructor(scenario: Pick<Scenario, 'clusters' | 'pricing'>) {
    this.pricing = scenario.pricing ?? {};
    const unpriced = new Set(this.pricing.unpriced ?? []);
    this.instanceTypes = INSTANCE_TYPES.map(t => t.name).filter(
      n => !unpriced.has(n),
    );
    const addZone = (region: string, zone: string) => {
      if (this.zoneRegion.has(zone)) return;
      this.zoneRegion.set(zone, region);
      this.zones.set(region, [...(this.zones.get(region) ?? []), zone]);
    };
    const regions = new Set(Object.keys(KNOWN_REGIONS));
    for (const cluster of scenario.clusters) {
      const { region, zones } = regionAndZones(cluster);
      regions.add(region);
      for (const zone of zones) addZone(region, zone);
    }
    for (const [region, prices] of Object.entries(
      this.pricing.onDemand ?? {},
    )) {
      checkTypes(`pricing.onDemand.${region}`, prices);
      regions.add(region);
    }
    for (const region of regions)
      for (const zone of defaultZones(region)) addZone(region, zone);
    for (const [zone, prices] of Object.entries(this.pricing.spot ?? {})) {
      checkTypes(`pricing.spot.${zone}`, prices);
      const region =
        [...regions].find(r => zone.startsWith(r)) ??
        zone.replace(/[a-z]$/, '');
      regions.add(region);
      addZone(region, zone);
    }
    this.regions = [...regions].sort();
  }

  zonesOf(region: string): readonly string[] {
    return this.zones.get(region) ?? [];
  }

  regionOfZone(zone: string): string | undefined {
    return this.zoneRegion.get(zone);
  }

  onDemand(region: string, type: string): number | undefined {
    if (!this.regions.includes(region) || !this.instanceTypes.includes(type))
      return undefined;
    const override = this.pricing.onDemand?.[region]?.[type];
    if (override !== undefined) return override;
    const base = US_EAST_1_ON_DEMAND[type];
    return base === undefined
      ? undefined
      : round4(base * regionInfo(region).multiplier);
  }

  spot(zone: string, type: string): number | undefined {
    const region = this.zoneRegion.get(zone);
    if (region === undefined || !this.instanceTypes.includes(type))
      return undefined;
    const override = this.pricing.spot?.[zone]?.[type];
    if (override !== undefined) return override;
    const onDemand = this.onDemand(region, type);
    if (onDemand === undefined) return undefined;
    const fraction =
      SPOT_MIN + (SPOT_MAX - SPOT_MIN) * unitHash(`${zone}|${type}`);
    return round4(onDemand * fraction);
  }
}
