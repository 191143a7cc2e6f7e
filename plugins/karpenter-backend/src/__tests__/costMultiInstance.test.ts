import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import knexFactory from 'knex';
import {
  createTestDatabases,
  describeOnPostgres,
} from '../__testUtils__/databases';
import { STORM, until } from '../__testUtils__/interruptionsBackend';
import { startKarpenterBackend } from '../__testUtils__/testBackend';

jest.setTimeout(180_000);

const databases: TestDatabases = createTestDatabases();

describeOnPostgres('prices with two backend instances on PostgreSQL', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await new Simulator({ scenario: STORM }).start();
  });
  afterEach(() => sim.stop());

  it('are fetched once per refresh (the scheduler lock), and both instances show the cost', async () => {
    const knexA = await databases.init('POSTGRES_15');
    const connection = (knexA.client as any).config.connection;
    const knexB = knexFactory({ client: 'pg', connection });
    const start = (knex: typeof knexA) =>
      startKarpenterBackend(sim, {
        features: [
          schedulerServiceFactory,
          mockServices.database.factory({ knex }),
        ],
      });
    const a = await start(knexA);
    const b = await start(knexB);
    try {
      const priced = (instance: typeof a) => async () => {
        const { body } = await instance.get(
          '/v1/entities/default/resource/demo-cluster/summary',
        );
        return body.cost?.pricedNodes > 0 ? body.cost : undefined;
      };
      // one instance fetched; the other reads the stored prices at its next reload (every minute)
      const costA = await until('instance A priced', priced(a), 90_000);
      const costB = await until('instance B priced', priced(b), 90_000);
      expect(costB.hourly).toBeCloseTo(costA.hourly, 9);
      // STORM runs one instance type: one GetProducts and one DescribeSpotPriceHistory in all
      const calls = sim.requests.filter(
        r => r.service === 'pricing' || r.service === 'ec2',
      );
      expect(calls.map(c => c.action).sort()).toEqual([
        'DescribeSpotPriceHistory',
        'GetProducts',
      ]);
    } finally {
      await a.backend.stop();
      await b.backend.stop();
      await knexB.destroy();
    }
  });
});
