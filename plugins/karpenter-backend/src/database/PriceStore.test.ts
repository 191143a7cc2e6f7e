import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { migrateDatabase } from './migrations';
import { DatabasePriceStore } from './PriceStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('DatabasePriceStore on %p', id => {
  let store: DatabasePriceStore;

  beforeAll(async () => {
    const knex: Knex = await databases.init(id);
    await migrateDatabase({ getClient: async () => knex });
    store = new DatabasePriceStore(knex);
  });

  it('replaces a price by region, capacity type, zone and instance type', async () => {
    await store.savePrices([
      {
        region: 'eu-west-1',
        capacityType: 'on-demand',
        instanceType: 'm5.large',
        usdPerHour: 0.107,
        fetchedAt: 1000,
      },
      {
        region: 'eu-west-1',
        capacityType: 'spot',
        zone: 'eu-west-1a',
        instanceType: 'm5.large',
        usdPerHour: 0.0391,
        fetchedAt: 1000,
      },
      {
        region: 'eu-west-1',
        capacityType: 'spot',
        zone: 'eu-west-1b',
        instanceType: 'm5.large',
        usdPerHour: 0.0402,
        fetchedAt: 1000,
      },
    ]);
    await store.savePrices([
      {
        region: 'eu-west-1',
        capacityType: 'spot',
        zone: 'eu-west-1a',
        instanceType: 'm5.large',
        usdPerHour: 0.041,
        fetchedAt: 2000,
      },
    ]);
    const prices = await store.listPrices();
    expect(prices).toHaveLength(3);
    expect(prices).toEqual(
      expect.arrayContaining([
        {
          region: 'eu-west-1',
          capacityType: 'on-demand',
          zone: undefined,
          instanceType: 'm5.large',
          usdPerHour: 0.107,
          fetchedAt: 1000,
        },
        {
          region: 'eu-west-1',
          capacityType: 'spot',
          zone: 'eu-west-1a',
          instanceType: 'm5.large',
          usdPerHour: 0.041,
          fetchedAt: 2000,
        },
      ]),
    );
  });

  it('keeps the outcome of the last refresh per region', async () => {
    await store.saveRefresh({
      region: 'eu-west-1',
      attemptedAt: 1000,
      succeededAt: 1000,
    });
    await store.saveRefresh({
      region: 'eu-west-1',
      attemptedAt: 5000,
      succeededAt: 1000,
      error: { code: 'PRICING_DENIED', message: 'denied' },
    });
    expect(await store.listRefreshes()).toEqual([
      {
        region: 'eu-west-1',
        attemptedAt: 5000,
        succeededAt: 1000,
        error: { code: 'PRICING_DENIED', message: 'denied' },
      },
    ]);
  });
});
