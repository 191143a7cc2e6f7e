import { instanceType, InstanceType } from '../model/instanceTypes';
import type { PriceTable } from './priceTable';
import { unitHash } from './priceTable';
import { regionInfo } from './regions';

/**
 * The EC2 products of the simulated Price List API, shaped as GetProducts returns them (each a
 * JSON document: `product.attributes`, `terms.OnDemand.<sku>.<offer>.priceDimensions.<rate>
 * .pricePerUnit.USD`), as aws/karpenter-provider-aws `pkg/providers/pricing/pricing.go` reads
 * them. Only Linux products exist; per region and type there are also the products a client's
 * filters must leave out: Dedicated tenancy, SQL Web pre-installed, and the capacity-reservation
 * rows (`capacitystatus` UnusedCapacityReservation, AllocatedCapacityReservation at 0 USD).
 */
export interface Product {
  productFamily: string;
  sku: string;
  attributes: Record<string, string>;
  usd: number;
  description: string;
}

/** The on-demand offer term and its hourly rate code (as in the real price list). */
const ON_DEMAND_TERM = 'JRTCKXETXF';
const HOURLY_RATE = '6YS6EN2CT7';

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

const CATEGORY_FAMILY: Record<string, string> = {
  m: 'General purpose',
  c: 'Compute optimized',
  r: 'Memory optimized',
  g: 'GPU instance',
};

const PROCESSOR: Record<string, string> = {
  m5: 'Intel Xeon Platinum 8175',
  c5: 'Intel Xeon Platinum 8124M',
  r5: 'Intel Xeon Platinum 8175',
  m6i: 'Intel Xeon 8375C (Ice Lake)',
  c6i: 'Intel Xeon 8375C (Ice Lake)',
  r6i: 'Intel Xeon 8375C (Ice Lake)',
  m7i: 'Intel Xeon Sapphire Rapids',
  m6g: 'AWS Graviton2 Processor',
  c6g: 'AWS Graviton2 Processor',
  m7g: 'AWS Graviton3 Processor',
  g5: 'AMD EPYC 7R32',
};

const SIZE_FACTOR: Record<string, string> = {
  large: '4',
  xlarge: '8',
  '2xlarge': '16',
  '4xlarge': '32',
};

/** One row of a (region, type): what differs from the Linux, Shared, NA, Used one. */
interface Variant {
  tenancy: string;
  preInstalledSw: string;
  capacitystatus: string;
  usage: string;
  operation: string;
  price: (listPrice: number, type: InstanceType) => number;
  label: string;
}

const VARIANTS: Variant[] = [
  {
    tenancy: 'Shared',
    preInstalledSw: 'NA',
    capacitystatus: 'Used',
    usage: 'BoxUsage',
    operation: 'RunInstances',
    price: p => p,
    label: 'On Demand Linux',
  },
  {
    tenancy: 'Shared',
    preInstalledSw: 'NA',
    capacitystatus: 'UnusedCapacityReservation',
    usage: 'UnusedBox',
    operation: 'RunInstances',
    price: p => p,
    label: 'Unused Reservation Linux',
  },
  {
    tenancy: 'Shared',
    preInstalledSw: 'NA',
    capacitystatus: 'AllocatedCapacityReservation',
    usage: 'Reservation',
    operation: 'RunInstances',
    price: () => 0,
    label: 'Reservation Linux',
  },
  {
    tenancy: 'Dedicated',
    preInstalledSw: 'NA',
    capacitystatus: 'Used',
    usage: 'DedicatedUsage',
    operation: 'RunInstances',
    price: p => round4(p * 1.1),
    label: 'Dedicated Linux',
  },
  {
    tenancy: 'Shared',
    preInstalledSw: 'SQL Web',
    capacitystatus: 'Used',
    usage: 'BoxUsage',
    operation: 'RunInstances:0200',
    price: (p, t) => round4(p + 0.017 * t.cpu),
    label: 'On Demand Linux with SQL Web',
  },
];

/** A 16-character SKU fixed by what the product is. */
function skuOf(key: string): string {
  const chars = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let sku = '';
  for (let i = 0; i < 16; i++)
    sku += chars[Math.floor(unitHash(`${key}#${i}`) * chars.length)];
  return sku;
}

function attributesOf(
  type: InstanceType,
  region: string,
  variant: Variant,
): Record<string, string> {
  const info = regionInfo(region);
  const size = type.name.split('.')[1];
  return {
    servicecode: 'AmazonEC2',
    servicename: 'Amazon Elastic Compute Cloud',
    location: info.location,
    locationType: 'AWS Region',
    regionCode: region,
    instanceType: type.name,
    instanceFamily: CATEGORY_FAMILY[type.category] ?? 'General purpose',
    currentGeneration: 'Yes',
    vcpu: String(type.cpu),
    memory: `${type.memoryGi} GiB`,
    ...(type.gpu ? { gpu: String(type.gpu), gpuMemory: '24 GiB' } : {}),
    physicalProcessor: PROCESSOR[type.family] ?? 'Intel Xeon Family',
    processorArchitecture: '64-bit',
    storage: 'EBS only',
    networkPerformance: type.cpu <= 8 ? 'Up to 10 Gigabit' : '12.5 Gigabit',
    normalizationSizeFactor: SIZE_FACTOR[size] ?? '8',
    operatingSystem: 'Linux',
    licenseModel: 'No License required',
    tenancy: variant.tenancy,
    preInstalledSw: variant.preInstalledSw,
    capacitystatus: variant.capacitystatus,
    marketoption: 'OnDemand',
    operation: variant.operation,
    usagetype: `${info.usagePrefix}${variant.usage}:${type.name}`,
  };
}

/** Every EC2 product of the simulated price list: the table's regions × priced types × rows. */
export function productsOf(prices: PriceTable): Product[] {
  const products: Product[] = [];
  for (const region of prices.regions)
    for (const name of prices.instanceTypes) {
      const listPrice = prices.onDemand(region, name);
      if (listPrice === undefined) continue;
      const type = instanceType(name);
      for (const variant of VARIANTS) {
        const usd = variant.price(listPrice, type);
        const attributes = attributesOf(type, region, variant);
        products.push({
          productFamily: 'Compute Instance',
          sku: skuOf(attributes.usagetype + attributes.operation + region),
          attributes,
          usd,
          description: `$${usd} per ${variant.label} ${name} Instance Hour`,
        });
      }
    }
  return products;
}

/** The product document GetProducts returns for a product, as a JSON string. */
export function productDocument(product: Product, publishedAt: number): string {
  const published = new Date(publishedAt).toISOString().replace(/\.\d+Z$/, 'Z');
  const term = `${product.sku}.${ON_DEMAND_TERM}`;
  const rate = `${term}.${HOURLY_RATE}`;
  return JSON.stringify({
    product: {
      productFamily: product.productFamily,
      attributes: product.attributes,
      sku: product.sku,
    },
    serviceCode: 'AmazonEC2',
    terms: {
      OnDemand: {
        [term]: {
          priceDimensions: {
            [rate]: {
              unit: 'Hrs',
              endRange: 'Inf',
              description: product.description,
              appliesTo: [],
              rateCode: rate,
              beginRange: '0',
              pricePerUnit: { USD: product.usd.toFixed(10) },
            },
          },
          sku: product.sku,
          effectiveDate: published,
          offerTermCode: ON_DEMAND_TERM,
          termAttributes: {},
        },
      },
    },
    version: published.replace(/\D/g, ''),
    publicationDate: published,
  });
}
