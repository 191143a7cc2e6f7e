import { DescribeSpotPriceHistoryCommand } from '@aws-sdk/client-ec2';
import { GetProductsCommand } from '@aws-sdk/client-pricing';
import { pricingClients } from '../__testUtils__/pricingClients';
import { startControlServer } from '../control';
import type { Fault } from '../k8s/types';
import { Scenario } from '../scenario/types';
import { Simulator } from '../Simulator';

const getProducts = () =>
  new GetProductsCommand({
    ServiceCode: 'AmazonEC2',
    FormatVersion: 'aws_v1',
    Filters: [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-west-1' }],
  });
const spotPrices = () =>
  new DescribeSpotPriceHistoryCommand({
    InstanceTypes: ['m5.large'],
    ProductDescriptions: ['Linux/UNIX'],
  });

describe('faults of the simulated pricing APIs', () => {
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

  it.each([
    ['AccessDenied', 'AccessDeniedException', 400],
    ['Throttling', 'ThrottlingException', 400],
    ['Unavailable', 'ServiceUnavailableException', 503],
  ] as const)(
    'the Price List API answers %s as %s (%i)',
    async (pricingError, name, httpStatusCode) => {
      sim.injectFault({ pricingError, service: 'pricing', once: true });
      await expect(clients.pricing.send(getProducts())).rejects.toMatchObject({
        name,
        $metadata: { httpStatusCode },
      });
      await expect(clients.pricing.send(getProducts())).resolves.toBeDefined();
      expect(
        sim.requests.filter(r => r.service === 'pricing').map(r => r.status),
      ).toEqual([httpStatusCode, 200]);
    },
  );

  it.each([
    ['AccessDenied', 'UnauthorizedOperation', 403],
    ['Throttling', 'RequestLimitExceeded', 503],
    ['Unavailable', 'Unavailable', 503],
  ] as const)(
    'EC2 answers %s as %s (%i)',
    async (pricingError, name, httpStatusCode) => {
      sim.injectFault({ pricingError, service: 'ec2', once: true });
      await expect(clients.ec2.send(spotPrices())).rejects.toMatchObject({
        name,
        $metadata: { httpStatusCode },
      });
      await expect(clients.ec2.send(spotPrices())).resolves.toBeDefined();
    },
  );

  it('applies a fault to both APIs unless it names one, and to no Kubernetes API server', async () => {
    const id = sim.injectFault({ cluster: 'demo', pricingError: 'Throttling' });
    await expect(clients.pricing.send(getProducts())).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
    await expect(clients.ec2.send(spotPrices())).rejects.toMatchObject({
      name: 'RequestLimitExceeded',
    });
    const nodes = await fetch(`${sim.clusters[0].url}/api/v1/nodes`);
    expect(nodes.status).toBe(200);
    sim.removeFault(id);

    sim.injectFault({ pricingError: 'AccessDenied', service: 'ec2' });
    await expect(clients.pricing.send(getProducts())).resolves.toBeDefined();
    await expect(clients.ec2.send(spotPrices())).rejects.toMatchObject({
      name: 'UnauthorizedOperation',
    });
    sim.clearFaults();
    await expect(clients.ec2.send(spotPrices())).resolves.toBeDefined();
  });

  it('delays answers by delayMs', async () => {
    sim.injectFault({ service: 'pricing', delayMs: 300, once: true });
    const started = Date.now();
    const out = await clients.pricing.send(getProducts());
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(out.PriceList!.length).toBeGreaterThan(0);
    const again = Date.now();
    await clients.pricing.send(getProducts());
    expect(Date.now() - again).toBeLessThan(290);
  });

  it('takes pricing faults over the control API, and refuses unknown ones', async () => {
    const control = await startControlServer(sim, 0);
    try {
      const post = (fault: unknown) =>
        fetch(`${control.url}/faults`, {
          method: 'POST',
          body: JSON.stringify(fault),
        });
      const res = await post({ pricingError: 'Unavailable', service: 'ec2' });
      expect(res.status).toBe(200);
      const { id } = (await res.json()) as { id: string };
      await expect(clients.ec2.send(spotPrices())).rejects.toMatchObject({
        name: 'Unavailable',
      });
      await fetch(`${control.url}/faults/${id}`, { method: 'DELETE' });
      await expect(clients.ec2.send(spotPrices())).resolves.toBeDefined();

      const bad = await post({ pricingError: 'Flooded' });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        error: expect.stringContaining("pricingError: unknown 'Flooded'"),
      });
      expect((await post({ service: 'sqs', delayMs: 1 })).status).toBe(400);
    } finally {
      await control.close();
    }
  });
});

it("a scenario cluster's pricing faults are in effect from the start", async () => {
  const fault: Omit<Fault, 'cluster' | 'id'> = {
    pricingError: 'AccessDenied',
    service: 'pricing',
  };
  const scenario: Scenario = {
    name: 'denied',
    clusters: [
      {
        name: 'c',
        region: 'eu-west-1',
        nodeClasses: [{ name: 'default' }],
        nodePools: [{ name: 'p', instanceTypes: ['m5.large'], nodes: 1 }],
        faults: [fault],
      },
    ],
  };
  const sim = await new Simulator({ scenario }).start();
  const clients = pricingClients(sim, 'eu-west-1');
  try {
    await expect(clients.pricing.send(getProducts())).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    await expect(clients.ec2.send(spotPrices())).resolves.toBeDefined();
  } finally {
    clients.destroy();
    await sim.stop();
  }
});
