import { EC2Client } from '@aws-sdk/client-ec2';
import { PricingClient } from '@aws-sdk/client-pricing';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import { fetchOnDemandPrices, fetchSpotPrices } from './fetchPrices';

jest.setTimeout(30_000);

const REGION = 'eu-west-1';
const TYPES = ['m5.large', 'c5.xlarge', 'r5.xlarge', 'm6i.xlarge'];
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('fetchPrices with the AWS SDK against the simulator (aws/karpenter-provider-aws pkg/providers/pricing/pricing.go)', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await new Simulator({ scenario: 'demo' }).start();
  });
  afterAll(() => sim.stop());

  it('reads on-demand prices from the PriceList JSON strings, page by page', async () => {
    const client = new PricingClient({
      region: 'eu-central-1',
      endpoint: sim.pricingEndpoint,
      credentials,
      maxAttempts: 1,
    });
    const prices = await fetchOnDemandPrices(
      client,
      REGION,
      TYPES,
      1000,
      undefined,
      1,
    );
    expect(
      Object.fromEntries(prices.map(p => [p.instanceType, p.usdPerHour])),
    ).toEqual(
      Object.fromEntries(TYPES.map(t => [t, sim.prices.onDemand(REGION, t)])),
    );
    expect(prices.every(p => p.capacityType === 'on-demand')).toBe(true);
  });

  it('reads the spot price of every zone over several pages', async () => {
    const client = new EC2Client({
      region: REGION,
      endpoint: sim.ec2Endpoint,
      credentials,
      maxAttempts: 1,
    });
    const before = sim.requests.filter(r => r.service === 'ec2').length;
    const prices = await fetchSpotPrices(
      client,
      REGION,
      TYPES,
      1000,
      undefined,
      2,
    );
    const pages = sim.requests.filter(r => r.service === 'ec2').length - before;
    const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
    expect(prices).toHaveLength(TYPES.length * zones.length);
    expect(pages).toBe(Math.ceil((TYPES.length * zones.length) / 2));
    for (const p of prices)
      expect(p.usdPerHour).toBe(sim.prices.spot(p.zone!, p.instanceType));
  });
});
