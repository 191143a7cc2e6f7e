/**
 * The AWS regions the simulated price list knows, with what the Price List API writes for each:
 * `location` (the console name) and the `usagetype` prefix (`BoxUsage:<type>` in us-east-1,
 * `EU-BoxUsage:<type>` in eu-west-1 …), and the fixed factor on us-east-1's list prices that makes
 * a region's prices deterministic.
 */
export interface RegionInfo {
  location: string;
  usagePrefix: string;
  /** On-demand price = us-east-1's × this. */
  multiplier: number;
}

/** The factor for a region not listed here. */
export const DEFAULT_REGION_MULTIPLIER = 1.1;

export const KNOWN_REGIONS: Record<string, RegionInfo> = {
  'us-east-1': {
    location: 'US East (N. Virginia)',
    usagePrefix: '',
    multiplier: 1,
  },
  'us-east-2': {
    location: 'US East (Ohio)',
    usagePrefix: 'USE2-',
    multiplier: 1,
  },
  'us-west-1': {
    location: 'US West (N. California)',
    usagePrefix: 'USW1-',
    multiplier: DEFAULT_REGION_MULTIPLIER,
  },
  'us-west-2': {
    location: 'US West (Oregon)',
    usagePrefix: 'USW2-',
    multiplier: 1,
  },
  'eu-west-1': {
    location: 'EU (Ireland)',
    usagePrefix: 'EU-',
    multiplier: 1.07,
  },
  'eu-west-2': {
    location: 'EU (London)',
    usagePrefix: 'EUW2-',
    multiplier: DEFAULT_REGION_MULTIPLIER,
  },
  'eu-central-1': {
    location: 'EU (Frankfurt)',
    usagePrefix: 'EUC1-',
    multiplier: 1.15,
  },
  'eu-north-1': {
    location: 'EU (Stockholm)',
    usagePrefix: 'EUN1-',
    multiplier: DEFAULT_REGION_MULTIPLIER,
  },
  'ap-south-1': {
    location: 'Asia Pacific (Mumbai)',
    usagePrefix: 'APS3-',
    multiplier: DEFAULT_REGION_MULTIPLIER,
  },
  'ap-northeast-1': {
    location: 'Asia Pacific (Tokyo)',
    usagePrefix: 'APN1-',
    multiplier: DEFAULT_REGION_MULTIPLIER,
  },
  'ap-southeast-1': {
    location: 'Asia Pacific (Singapore)',
    usagePrefix: 'APS1-',
    multiplier: DEFAULT_REGION_MULTIPLIER,
  },
  'ap-southeast-2': {
    location: 'Asia Pacific (Sydney)',
    usagePrefix: 'APS2-',
    multiplier: DEFAULT_REGION_MULTIPLIER,
  },
};

/** What the price list writes for a region (a region not listed: its code, the default factor). */
export function regionInfo(region: string): RegionInfo {
  return (
    KNOWN_REGIONS[region] ?? {
      location: region,
      usagePrefix: `${region.toUpperCase()}-`,
      multiplier: DEFAULT_REGION_MULTIPLIER,
    }
  );
}

/** The zones a region has when no scenario names its zones: `<region>a`, `b`, `c`. */
export function defaultZones(region: string): string[] {
  return ['a', 'b', 'c'].map(z => `${region}${z}`);
}
