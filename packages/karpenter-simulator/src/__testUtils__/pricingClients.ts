import { EC2Client } from '@aws-sdk/client-ec2';
import {
  GetProductsCommandInput,
  paginateGetProducts,
  PricingClient,
} from '@aws-sdk/client-pricing';
import type { Simulator } from '../Simulator';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** The real SDK clients pointed at a simulator's pricing endpoints, without retries. */
export function pricingClients(sim: Simulator, region = 'us-east-1') {
  const pricing = new PricingClient({
    region,
    endpoint: sim.pricingEndpoint,
    credentials,
    maxAttempts: 1,
  });
  const ec2 = new EC2Client({
    region,
    endpoint: sim.ec2Endpoint,
    credentials,
    maxAttempts: 1,
  });
  return {
    pricing,
    ec2,
    destroy: () => {
      pricing.destroy();
      ec2.destroy();
    },
  };
}

/** Karpenter's on-demand filters for a region (`pkg/providers/pricing/pricing.go`). */
export function karpenterFilters(region: string) {
  return [
    ['regionCode', region],
    ['serviceCode', 'AmazonEC2'],
    ['preInstalledSw', 'NA'],
    ['operatingSystem', 'Linux'],
    ['capacitystatus', 'Used'],
    ['marketoption', 'OnDemand'],
    ['tenancy', 'Shared'],
    ['productFamily', 'Compute Instance'],
  ].map(([Field, Value]) => ({ Type: 'TERM_MATCH' as const, Field, Value }));
}

/** A GetProducts document as Karpenter reads it: the instance type and its USD prices. */
export interface ParsedProduct {
  instanceType: string;
  attributes: Record<string, string>;
  usd: number[];
}

interface ProductDocument {
  product: { attributes: Record<string, string> };
  terms: {
    OnDemand: Record<
      string,
      {
        priceDimensions: Record<string, { pricePerUnit: { USD: string } }>;
      }
    >;
  };
}

export function parseProduct(entry: string): ParsedProduct {
  const doc = JSON.parse(entry) as ProductDocument;
  return {
    instanceType: doc.product.attributes.instanceType,
    attributes: doc.product.attributes,
    usd: Object.values(doc.terms.OnDemand).flatMap(term =>
      Object.values(term.priceDimensions).map(d => Number(d.pricePerUnit.USD)),
    ),
  };
}

/** Every product of a GetProducts query, through the SDK's paginator. */
export async function allProducts(
  client: PricingClient,
  input: Omit<GetProductsCommandInput, 'ServiceCode'>,
  pageSize?: number,
): Promise<{ products: ParsedProduct[]; pages: number }> {
  const products: ParsedProduct[] = [];
  let pages = 0;
  for await (const page of paginateGetProducts(
    { client, pageSize },
    { ServiceCode: 'AmazonEC2', FormatVersion: 'aws_v1', ...input },
  )) {
    pages++;
    products.push(...(page.PriceList ?? []).map(parseProduct));
  }
  return { products, pages };
}
