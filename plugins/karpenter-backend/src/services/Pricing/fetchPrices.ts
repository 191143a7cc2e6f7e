import {
  DescribeSpotPriceHistoryCommandInput,
  EC2Client,
  paginateDescribeSpotPriceHistory,
} from '@aws-sdk/client-ec2';
import {
  Filter,
  PricingClient,
  paginateGetProducts,
} from '@aws-sdk/client-pricing';
import { StoredPrice } from '../../database';

/*
 * What AWS is asked, the way Karpenter asks it (aws/karpenter-provider-aws
 * pkg/providers/pricing/pricing.go): on-demand from the Price List API's GetProducts (ServiceCode
 * AmazonEC2, Linux, no pre-installed software, capacity status Used, market option OnDemand,
 * shared tenancy; bare-metal types have dedicated tenancy), each PriceList entry a JSON string
 * with product.attributes.instanceType and terms.OnDemand.*.priceDimensions.*.pricePerUnit.USD;
 * spot from EC2 DescribeSpotPriceHistory (Linux/UNIX, StartTime now: the current price per zone).
 * Unlike Karpenter, only the instance types the clusters run are asked for.
 */

/** The JSON document of a PriceList entry (only the fields read). */
interface PriceListEntry {
  product?: { attributes?: { instanceType?: string; regionCode?: string } };
  terms?: {
    OnDemand?: Record<
      string,
      {
        priceDimensions?: Record<string, { pricePerUnit?: { USD?: string } }>;
      }
    >;
  };
}

const term = (Field: string, Value: string): Filter => ({
  Type: 'TERM_MATCH',
  Field,
  Value,
});

/** The on-demand price in a PriceList entry, or undefined (malformed, zero, not USD). */
function onDemandPriceOf(
  entry: string,
): { instanceType: string; usdPerHour: number } | undefined {
  let doc: PriceListEntry;
  try {
    doc = JSON.parse(entry);
  } catch {
    return undefined;
  }
  const instanceType = doc.product?.attributes?.instanceType;
  if (!instanceType) return undefined;
  for (const offer of Object.values(doc.terms?.OnDemand ?? {}))
    for (const dimension of Object.values(offer.priceDimensions ?? {})) {
      const usd = Number(dimension.pricePerUnit?.USD);
      if (Number.isFinite(usd) && usd > 0)
        return { instanceType, usdPerHour: usd };
    }
  return undefined;
}

/**
 * The on-demand prices of some instance types in a region (one paged GetProducts per type; a type
 * AWS has no price for is absent from the answer).
 *
 * @internal
 */
export async function fetchOnDemandPrices(
  client: PricingClient,
  region: string,
  instanceTypes: readonly string[],
  now: number,
  signal?: AbortSignal,
  pageSize?: number,
): Promise<StoredPrice[]> {
  const prices: StoredPrice[] = [];
  for (const instanceType of instanceTypes) {
    const filters = [
      term('regionCode', region),
      term('instanceType', instanceType),
      term('operatingSystem', 'Linux'),
      term('preInstalledSw', 'NA'),
      term('capacitystatus', 'Used'),
      term('marketoption', 'OnDemand'),
      term('tenancy', instanceType.endsWith('.metal') ? 'Dedicated' : 'Shared'),
    ];
    const pages = paginateGetProducts(
      { client, pageSize },
      { ServiceCode: 'AmazonEC2', Filters: filters, FormatVersion: 'aws_v1' },
    );
    for await (const page of pages) {
      signal?.throwIfAborted();
      for (const entry of page.PriceList ?? []) {
        const price = onDemandPriceOf(entry);
        if (price?.instanceType === instanceType)
          prices.push({
            region,
            capacityType: 'on-demand',
            instanceType,
            usdPerHour: price.usdPerHour,
            fetchedAt: now,
          });
      }
    }
  }
  return prices;
}

/**
 * The current spot prices of some instance types in every availability zone of the client's
 * region (one paged DescribeSpotPriceHistory).
 *
 * @internal
 */
export async function fetchSpotPrices(
  client: EC2Client,
  region: string,
  instanceTypes: readonly string[],
  now: number,
  signal?: AbortSignal,
  pageSize?: number,
): Promise<StoredPrice[]> {
  if (instanceTypes.length === 0) return [];
  const input: DescribeSpotPriceHistoryCommandInput = {
    InstanceTypes: [
      ...instanceTypes,
    ] as DescribeSpotPriceHistoryCommandInput['InstanceTypes'],
    ProductDescriptions: ['Linux/UNIX', 'Linux/UNIX (Amazon VPC)'],
    StartTime: new Date(now),
  };
  // the newest price per zone and type (the answer may hold more than one)
  const newest = new Map<string, { price: StoredPrice; at: number }>();
  for await (const page of paginateDescribeSpotPriceHistory(
    { client, pageSize },
    input,
  )) {
    signal?.throwIfAborted();
    for (const item of page.SpotPriceHistory ?? []) {
      const usd = Number(item.SpotPrice);
      if (!item.InstanceType || !item.AvailabilityZone) continue;
      if (!Number.isFinite(usd) || usd <= 0) continue;
      const at = item.Timestamp?.getTime() ?? 0;
      const key = `${item.AvailabilityZone}/${item.InstanceType}`;
      const seen = newest.get(key);
      if (seen && seen.at >= at) continue;
      newest.set(key, {
        at,
        price: {
          region,
          capacityType: 'spot',
          zone: item.AvailabilityZone,
          instanceType: item.InstanceType,
          usdPerHour: usd,
          fetchedAt: now,
        },
      });
    }
  }
  return [...newest.values()].map(v => v.price);
}
