import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { Scenario, Simulator } from '@karpenter-backstage/karpenter-simulator';
import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/databases';
import { DatabasePriceStore, migrateDatabase } from '../../database';
import { DefaultPricingService } from './DefaultPricingService';
import { defaultPriceClients } from './priceClients';
import { PriceDemand } from './types';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const REGION = 'eu-west-1';
const TYPES = ['m5.large', 'c5.xlarge', 'r5.xlarge'];

/** One cluster in eu-west-1 whose NodePool may run the test's types (and one AWS has no price for). */
const SCENARIO: Scenario = {
  name: 'prices',
  seed: 3,
  pricing: { unpriced: ['g5.xlarge'] },
  clusters: [
    {
      name: 'demo',
      queueName: 'karpenter-demo',
      region: REGION,
      nodeClasses: [{ name: 'default' }],
      nodePools: [
        {
          name: 'general',
          nodeClass: 'default',
          capacityTypes: ['spot', 'on-demand'],
          instanceTypes: TYPES,
          nodes: { spot: 2 },
        },
      ],
    },
  ],
};

const databases = createTestDatabases();

describe('DefaultPricingService with the AWS SDK against the simulator', () => {
  let sim: Simulator;
  let knex: Knex;
  let now: number;

  const demand = (instanceTypes = TYPES): PriceDemand => ({
    region: REGION,
    instanceTypes,
    clusters: ['demo'],
    pricingEndpoint: sim.pricingEndpoint,
    ec2Endpoint: sim.ec2Endpoint,
  });
  const service = () =>
    new DefaultPricingService({
      store: new DatabasePriceStore(knex),
      clients: defaultPriceClients(
        DefaultAwsCredentialsManager.fromConfig(
          new ConfigReader({
            aws: {
              mainAccount: { accessKeyId: 'test', secretAccessKey: 'test' },
            },
          }),
        ),
      ),
      logger: mockServices.logger.mock(),
      refreshIntervalMs: 12 * HOUR,
      now: () => now,
    });
  const calls = (api: 'pricing' | 'ec2') =>
    sim.requests.filter(r => r.service === api).length;

  beforeEach(async () => {
    sim = await new Simulator({ scenario: SCENARIO }).start();
    knex = await databases.init('SQLITE_3');
    await migrateDatabase({ getClient: async () => knex });
    now = Date.now();
  });
  afterEach(async () => {
    await sim.stop();
  });

  it('fetches the on-demand and spot prices of the running types and stores them', async () => {
    const pricing = service();
    await pricing.refresh([demand()]);
    const book = pricing.bookFor(REGION);
    expect(book.unavailable).toBeUndefined();
    for (const type of TYPES) {
      expect(book.onDemand(type)?.usdPerHour).toBeCloseTo(
        sim.prices.onDemand(REGION, type)!,
        6,
      );
      for (const zone of ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'])
        expect(book.spot(type, zone)?.usdPerHour).toBeCloseTo(
          sim.prices.spot(zone, type)!,
          6,
        );
    }
    // only the running types are asked for: one GetProducts per type, spot in one call
    expect(calls('pricing')).toBe(TYPES.length);
    expect(calls('ec2')).toBe(1);
    expect(book.onDemand('m6i.xlarge')).toBeUndefined();
  });

  it('asks again only when the refresh interval is over, or for a type without a price', async () => {
    const pricing = service();
    await pricing.refresh([demand()]);
    const after = sim.requests.length;
    now += HOUR;
    await pricing.refresh([demand()]);
    expect(sim.requests.length).toBe(after);
    // a type that started running is priced at the next check, alone
    await pricing.refresh([demand([...TYPES, 'm6i.xlarge'])]);
    expect(sim.requests.length).toBe(after + 2);
    expect(pricing.bookFor(REGION).onDemand('m6i.xlarge')).toBeDefined();
    // after 12 h everything is fetched again
    now += 12 * HOUR;
    await pricing.refresh([demand([...TYPES, 'm6i.xlarge'])]);
    expect(sim.requests.length).toBe(after + 2 + TYPES.length + 2);
    expect(pricing.bookFor(REGION).onDemand('m5.large')?.fetchedAt).toBe(now);
  });

  it('does not ask at every check for a type AWS has no price for', async () => {
    const pricing = service();
    await pricing.refresh([demand([...TYPES, 'g5.xlarge'])]);
    expect(pricing.bookFor(REGION).onDemand('g5.xlarge')).toBeUndefined();
    const after = sim.requests.length;
    now += 10 * 60_000;
    await pricing.refresh([demand([...TYPES, 'g5.xlarge'])]);
    expect(sim.requests.length).toBe(after);
    now += HOUR;
    await pricing.refresh([demand([...TYPES, 'g5.xlarge'])]);
    expect(sim.requests.length).toBe(after + 2);
  });

  it('a restart has the stored prices without asking AWS', async () => {
    await service().refresh([demand()]);
    const after = sim.requests.length;
    const restarted = service();
    await restarted.load();
    expect(restarted.bookFor(REGION).onDemand('m5.large')?.usdPerHour).toBe(
      sim.prices.onDemand(REGION, 'm5.large'),
    );
    await restarted.refresh([demand()]);
    expect(sim.requests.length).toBe(after);
  });

  it('denied before any price was stored: unavailable with the reason', async () => {
    sim.injectFault({ pricingError: 'AccessDenied', service: 'pricing' });
    const pricing = service();
    await pricing.refresh([demand()]);
    expect(pricing.bookFor(REGION).unavailable).toEqual({
      code: 'PRICING_DENIED',
      message:
        "The AWS Price List API refused the backend's credentials (it needs pricing:GetProducts)",
    });
    // another instance reads the reason from the database
    const other = service();
    await other.load();
    expect(other.bookFor(REGION).unavailable?.code).toBe('PRICING_DENIED');
  });

  it('EC2 denied: on-demand prices are kept, and the reason names the missing permission', async () => {
    sim.injectFault({ pricingError: 'AccessDenied', service: 'ec2' });
    const pricing = service();
    await pricing.refresh([demand()]);
    const book = pricing.bookFor(REGION);
    expect(book.onDemand('m5.large')).toBeDefined();
    expect(book.spot('m5.large', 'eu-west-1a')).toBeUndefined();
    expect(book.unavailable?.message).toContain('ec2:DescribeSpotPriceHistory');
  });

  it('an outage after a refresh keeps the stored prices', async () => {
    const pricing = service();
    await pricing.refresh([demand()]);
    sim.injectFault({ pricingError: 'Unavailable' });
    now += 13 * HOUR;
    await pricing.refresh([demand()]);
    const book = pricing.bookFor(REGION);
    // the stored prices are used; the failure is the reason for any price still missing
    expect(book.onDemand('m5.large')?.fetchedAt).toBe(now - 13 * HOUR);
    expect(book.unavailable?.code).toBe('PRICING_UNAVAILABLE');
  });

  it('a region without prices is not loaded yet', () => {
    expect(service().bookFor('ap-south-1').unavailable?.code).toBe(
      'PRICES_NOT_LOADED',
    );
  });
});
