import { GetProductsCommand } from '@aws-sdk/client-pricing';
import {
  allProducts,
  karpenterFilters,
  pricingClients,
} from '../__testUtils__/pricingClients';
import { INSTANCE_TYPES } from '../model/instanceTypes';
import { Scenario } from '../scenario/types';
import { Simulator } from '../Simulator';

const scenario = (pricing?: Scenario['pricing']): Scenario => ({
  name: 'priced',
  pricing,
  clusters: [
    {
      name: 'east',
      region: 'us-east-1',
      nodeClasses: [{ name: 'default' }],
      nodePools: [{ name: 'general', instanceTypes: ['m5.large'], nodes: 1 }],
    },
    {
      name: 'west',
      region: 'eu-west-1',
      zones: ['eu-west-1a', 'eu-west-1b'],
      nodeClasses: [{ name: 'default' }],
      nodePools: [{ name: 'general', instanceTypes: ['m5.large'], nodes: 1 }],
    },
  ],
});

describe('the price table', () => {
  it("has us-east-1's Linux list prices, a fixed factor per region and spot at 30–45 % per zone", () => {
    const { prices } = new Simulator({ scenario: scenario() });
    expect(prices.onDemand('us-east-1', 'm5.large')).toBe(0.096);
    expect(prices.onDemand('us-east-1', 'g5.xlarge')).toBe(1.006);
    expect(prices.onDemand('eu-west-1', 'm5.large')).toBe(0.1027);
    expect(prices.onDemand('eu-central-1', 'm5.xlarge')).toBe(0.2208);
    expect(prices.onDemand('ap-south-1', 'm5.large')).toBe(0.1056);
    expect(prices.onDemand('us-east-1', 'x9.huge')).toBeUndefined();
    for (const t of INSTANCE_TYPES)
      expect(prices.onDemand('us-east-1', t.name)).toBeGreaterThan(0);
    for (const zone of ['us-east-1a', 'us-east-1b', 'eu-west-1a']) {
      const region = prices.regionOfZone(zone)!;
      for (const t of INSTANCE_TYPES) {
        const ratio =
          prices.spot(zone, t.name)! / prices.onDemand(region, t.name)!;
        expect(ratio).toBeGreaterThanOrEqual(0.299);
        expect(ratio).toBeLessThan(0.451);
      }
    }
    expect(prices.spot('us-east-1a', 'm5.large')).not.toBe(
      prices.spot('us-east-1b', 'm5.large'),
    );
    // deterministic: another simulator of the scenario has the same prices
    const again = new Simulator({ scenario: scenario(), seed: 99 }).prices;
    expect(again.spot('eu-west-1b', 'c5.xlarge')).toBe(
      prices.spot('eu-west-1b', 'c5.xlarge'),
    );
    expect(prices.zonesOf('eu-west-1')).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
    expect(prices.spot('eu-west-1z', 'm5.large')).toBeUndefined();
  });

  it('covers the regions and zones of the shipped scenarios', () => {
    const demo = new Simulator({ scenario: 'demo' }).prices;
    const large = new Simulator({ scenario: 'large' }).prices;
    expect(demo.zonesOf('eu-west-1')).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
    expect(large.zonesOf('us-east-1')).toEqual([
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
    ]);
  });

  it("takes a scenario's prices and the types AWS does not price", () => {
    const { prices } = new Simulator({
      scenario: scenario({
        onDemand: { 'eu-west-1': { 'm5.large': 0.5 } },
        spot: { 'eu-west-1a': { 'm5.large': 0.123 }, 'eu-west-1d': {} },
        unpriced: ['g5.xlarge'],
      }),
    });
    expect(prices.onDemand('eu-west-1', 'm5.large')).toBe(0.5);
    expect(prices.onDemand('us-east-1', 'm5.large')).toBe(0.096);
    expect(prices.spot('eu-west-1a', 'm5.large')).toBe(0.123);
    // spot elsewhere follows the region's on-demand price
    expect(prices.spot('eu-west-1b', 'm5.large')).toBeGreaterThan(0.15);
    expect(prices.zonesOf('eu-west-1')).toContain('eu-west-1d');
    expect(prices.onDemand('us-east-1', 'g5.xlarge')).toBeUndefined();
    expect(prices.spot('us-east-1a', 'g5.xlarge')).toBeUndefined();
    expect(
      () =>
        new Simulator({
          scenario: scenario({ onDemand: { 'us-east-1': { 'x9.huge': 1 } } }),
        }),
    ).toThrow(/unknown instance type x9.huge/);
  });
});

describe('the simulated Price List API with the real @aws-sdk/client-pricing', () => {
  let sim: Simulator;
  let clients: ReturnType<typeof pricingClients>;
  beforeEach(async () => {
    sim = await new Simulator({
      scenario: scenario({ unpriced: ['g5.xlarge'] }),
    }).start();
    clients = pricingClients(sim);
  });
  afterEach(async () => {
    clients.destroy();
    await sim.stop();
  });

  it("answers Karpenter's GetProducts query, page by page, with the table's prices", async () => {
    const { products, pages } = await allProducts(
      clients.pricing,
      { Filters: karpenterFilters('eu-west-1') },
      4,
    );
    const priced = INSTANCE_TYPES.map(t => t.name).filter(
      n => n !== 'g5.xlarge',
    );
    expect(pages).toBe(Math.ceil(priced.length / 4));
    expect(products.map(p => p.instanceType).sort()).toEqual(
      [...priced].sort(),
    );
    for (const p of products) {
      expect(p.usd).toEqual([sim.prices.onDemand('eu-west-1', p.instanceType)]);
      expect(p.attributes).toMatchObject({
        regionCode: 'eu-west-1',
        location: 'EU (Ireland)',
        operatingSystem: 'Linux',
        tenancy: 'Shared',
        preInstalledSw: 'NA',
        capacitystatus: 'Used',
      });
    }
    const logged = sim.requests.filter(r => r.service === 'pricing');
    expect(logged).toHaveLength(pages);
    expect(logged[0]).toMatchObject({
      action: 'GetProducts',
      method: 'POST',
      path: '/',
      status: 200,
    });
  });

  it('serves product documents shaped like the real ones', async () => {
    const out = await clients.pricing.send(
      new GetProductsCommand({
        ServiceCode: 'AmazonEC2',
        FormatVersion: 'aws_v1',
        Filters: [
          ...karpenterFilters('us-east-1'),
          { Type: 'TERM_MATCH', Field: 'instanceType', Value: 'm5.large' },
        ],
      }),
    );
    expect(out.FormatVersion).toBe('aws_v1');
    expect(out.NextToken).toBeUndefined();
    expect(out.PriceList).toHaveLength(1);
    const doc = JSON.parse(out.PriceList![0]);
    expect(doc).toMatchObject({
      serviceCode: 'AmazonEC2',
      product: {
        productFamily: 'Compute Instance',
        attributes: {
          instanceType: 'm5.large',
          vcpu: '2',
          memory: '8 GiB',
          usagetype: 'BoxUsage:m5.large',
        },
      },
    });
    const [termKey] = Object.keys(doc.terms.OnDemand);
    expect(termKey).toBe(`${doc.product.sku}.JRTCKXETXF`);
    const term = doc.terms.OnDemand[termKey];
    expect(term.offerTermCode).toBe('JRTCKXETXF');
    expect(Object.values(term.priceDimensions)).toEqual([
      expect.objectContaining({
        unit: 'Hrs',
        pricePerUnit: { USD: '0.0960000000' },
      }),
    ]);
  });

  it('honours the filters: other tenancies, software and reservations only without them, no Windows', async () => {
    const typeFilter = {
      Type: 'TERM_MATCH' as const,
      Field: 'instanceType',
      Value: 'm5.large',
    };
    const region = {
      Type: 'TERM_MATCH' as const,
      Field: 'regionCode',
      Value: 'us-east-1',
    };
    const loose = await allProducts(clients.pricing, {
      Filters: [typeFilter, region],
    });
    expect(loose.products.length).toBeGreaterThan(1);
    expect(new Set(loose.products.map(p => p.attributes.tenancy))).toEqual(
      new Set(['Shared', 'Dedicated']),
    );
    expect(loose.products.some(p => p.usd[0] === 0)).toBe(true);
    const windows = await allProducts(clients.pricing, {
      Filters: [
        typeFilter,
        { Type: 'TERM_MATCH', Field: 'operatingSystem', Value: 'Windows' },
      ],
    });
    expect(windows.products).toEqual([]);
    const everyRegion = await allProducts(clients.pricing, {
      Filters: [typeFilter, ...karpenterFilters('us-east-1').slice(1)],
    });
    expect(everyRegion.products.map(p => p.attributes.regionCode)).toEqual(
      expect.arrayContaining(['us-east-1', 'eu-west-1', 'eu-central-1']),
    );
    const byLocation = await allProducts(clients.pricing, {
      Filters: [
        ...karpenterFilters('eu-central-1').slice(1),
        { Type: 'TERM_MATCH', Field: 'location', Value: 'EU (Frankfurt)' },
      ],
    });
    expect(byLocation.products).toHaveLength(INSTANCE_TYPES.length - 1);
  });

  it('pages every product of a large answer exactly once', async () => {
    const { products, pages } = await allProducts(
      clients.pricing,
      { Filters: [] },
      100,
    );
    expect(pages).toBeGreaterThan(5);
    const keys = products.map(p =>
      [
        p.attributes.regionCode,
        p.instanceType,
        p.attributes.tenancy,
        p.attributes.preInstalledSw,
        p.attributes.capacitystatus,
      ].join('|'),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      products.filter(
        p =>
          p.attributes.capacitystatus === 'Used' &&
          p.attributes.tenancy === 'Shared' &&
          p.attributes.preInstalledSw === 'NA',
      ),
    ).toHaveLength(sim.prices.regions.length * (INSTANCE_TYPES.length - 1));
  });

  it('rejects a foreign NextToken, MaxResults over 100 and unknown operations', async () => {
    await expect(
      clients.pricing.send(
        new GetProductsCommand({ ServiceCode: 'AmazonEC2', NextToken: 'nope' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    await expect(
      clients.pricing.send(
        new GetProductsCommand({ ServiceCode: 'AmazonEC2', MaxResults: 200 }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    const res = await fetch(sim.pricingEndpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSPriceListService.ListPriceLists',
      },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe(
      'UnknownOperationException',
    );
    expect(await res.json()).toEqual({ __type: 'UnknownOperationException' });
  });
});
