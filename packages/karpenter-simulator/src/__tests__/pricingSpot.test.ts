import {
  DescribeSpotPriceHistoryCommand,
  DescribeSpotPriceHistoryCommandInput,
  EC2Client,
  paginateDescribeSpotPriceHistory,
  SpotPrice,
} from '@aws-sdk/client-ec2';
import { pricingClients } from '../__testUtils__/pricingClients';
import { INSTANCE_TYPES } from '../model/instanceTypes';
import { Simulator } from '../Simulator';

/** Karpenter's spot query (`pkg/providers/pricing/pricing.go`). */
const KARPENTER_INPUT: DescribeSpotPriceHistoryCommandInput = {
  ProductDescriptions: ['Linux/UNIX', 'Linux/UNIX (Amazon VPC)'],
  StartTime: new Date(),
  MaxResults: 2000,
};

async function allSpotPrices(
  client: EC2Client,
  input: DescribeSpotPriceHistoryCommandInput,
  pageSize?: number,
): Promise<{ items: SpotPrice[]; pages: number }> {
  const items: SpotPrice[] = [];
  let pages = 0;
  for await (const page of paginateDescribeSpotPriceHistory(
    { client, pageSize },
    input,
  )) {
    pages++;
    items.push(...(page.SpotPriceHistory ?? []));
  }
  return { items, pages };
}

describe('the simulated EC2 DescribeSpotPriceHistory with the real @aws-sdk/client-ec2', () => {
  let sim: Simulator;
  let clients: ReturnType<typeof pricingClients>;
  beforeEach(async () => {
    sim = await new Simulator({ scenario: 'demo' }).start();
    clients = pricingClients(sim, 'eu-west-1');
  });
  afterEach(async () => {
    clients.destroy();
    await sim.stop();
  });

  it("answers Karpenter's query with the price of every zone and type of the signed region", async () => {
    const { items, pages } = await allSpotPrices(clients.ec2, KARPENTER_INPUT);
    expect(pages).toBe(1);
    const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
    expect(items).toHaveLength(zones.length * INSTANCE_TYPES.length);
    for (const item of items) {
      expect(zones).toContain(item.AvailabilityZone);
      expect(item.ProductDescription).toBe('Linux/UNIX');
      expect(Number(item.SpotPrice)).toBe(
        sim.prices.spot(item.AvailabilityZone!, item.InstanceType!),
      );
      expect(item.SpotPrice).toMatch(/^\d+\.\d{6}$/);
      expect(item.Timestamp).toBeInstanceOf(Date);
      expect(item.Timestamp!.getTime()).toBeLessThanOrEqual(sim.now());
    }
    expect(sim.requests.filter(r => r.service === 'ec2')).toEqual([
      expect.objectContaining({
        action: 'DescribeSpotPriceHistory',
        method: 'POST',
        path: '/',
        status: 200,
      }),
    ]);
  });

  it('pages with MaxResults and NextToken, every (zone, type) once', async () => {
    const { items, pages } = await allSpotPrices(
      clients.ec2,
      { ...KARPENTER_INPUT, MaxResults: 7 },
      7,
    );
    expect(pages).toBe(Math.ceil((3 * INSTANCE_TYPES.length) / 7));
    const keys = items.map(i => `${i.AvailabilityZone}/${i.InstanceType}`);
    expect(new Set(keys).size).toBe(3 * INSTANCE_TYPES.length);
    await expect(
      clients.ec2.send(
        new DescribeSpotPriceHistoryCommand({ NextToken: 'not-a-token' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidPaginationToken' });
  });

  it('filters by instance types, availability zone, Filters and product description', async () => {
    const out = await clients.ec2.send(
      new DescribeSpotPriceHistoryCommand({
        ...KARPENTER_INPUT,
        InstanceTypes: ['m5.large', 'c5.xlarge'],
        AvailabilityZone: 'eu-west-1b',
      }),
    );
    expect(
      out.SpotPriceHistory!.map(i => [
        i.AvailabilityZone,
        i.InstanceType,
        Number(i.SpotPrice),
      ]),
    ).toEqual([
      ['eu-west-1b', 'm5.large', sim.prices.spot('eu-west-1b', 'm5.large')],
      ['eu-west-1b', 'c5.xlarge', sim.prices.spot('eu-west-1b', 'c5.xlarge')],
    ]);
    expect(out.NextToken).toBeUndefined();

    const m5 = await allSpotPrices(clients.ec2, {
      Filters: [
        { Name: 'instance-type', Values: ['m5.*'] },
        { Name: 'availability-zone', Values: ['eu-west-1a', 'eu-west-1c'] },
      ],
    });
    expect(new Set(m5.items.map(i => i.InstanceType))).toEqual(
      new Set(['m5.large', 'm5.xlarge', 'm5.2xlarge']),
    );
    expect(m5.items).toHaveLength(6);

    const vpc = await allSpotPrices(clients.ec2, {
      ProductDescriptions: ['Linux/UNIX (Amazon VPC)'],
      InstanceTypes: ['m5.large'],
    });
    expect(vpc.items.map(i => i.ProductDescription)).toEqual(
      Array(3).fill('Linux/UNIX (Amazon VPC)'),
    );
    const windows = await allSpotPrices(clients.ec2, {
      ProductDescriptions: ['Windows'],
    });
    expect(windows.items).toEqual([]);
    await expect(
      clients.ec2.send(
        new DescribeSpotPriceHistoryCommand({ AvailabilityZone: 'us-east-1a' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it("serves another region's zones to a client of that region", async () => {
    const east = pricingClients(sim, 'us-east-1');
    try {
      const { items } = await allSpotPrices(east.ec2, {
        InstanceTypes: ['m5.large'],
      });
      expect(items.map(i => i.AvailabilityZone)).toEqual([
        'us-east-1a',
        'us-east-1b',
        'us-east-1c',
      ]);
    } finally {
      east.destroy();
    }
  });

  it("prices every NodeClaim of the scenario at its zone's and region's prices", async () => {
    for (const cluster of ['demo', 'staging']) {
      for (const claim of sim.cluster(cluster).list('NodeClaim')) {
        const labels: Record<string, string> = claim.metadata.labels;
        const type = labels['node.kubernetes.io/instance-type'];
        const zone = labels['topology.kubernetes.io/zone'];
        const region = labels['topology.kubernetes.io/region'];
        expect(region).toBe('eu-west-1');
        expect(sim.prices.regionOfZone(zone)).toBe(region);
        expect(sim.prices.onDemand(region, type)).toBeGreaterThan(0);
        expect(sim.prices.spot(zone, type)).toBeGreaterThan(0);
      }
    }
  });

  it('answers InvalidAction in the XML error shape for another action', async () => {
    const res = await fetch(sim.ec2Endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeInstances&Version=2016-11-15',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(
      /<Response><Errors><Error><Code>InvalidAction<\/Code><Message>The action DescribeInstances is not valid for this web service.<\/Message><\/Error><\/Errors><RequestID>[-0-9a-f]+<\/RequestID><\/Response>$/,
    );
  });
});
