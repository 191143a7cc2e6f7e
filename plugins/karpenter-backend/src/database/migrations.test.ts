import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { migrateDatabase } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const directory = resolvePackagePath(
  '@karpenter-backstage/plugin-karpenter-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('migrate up, all the way down and up again', async () => {
    const knex: Knex = await databases.init(databaseId);
    await migrateDatabase({ getClient: async () => knex });
    expect(await knex.schema.hasTable('karpenter_interruptions')).toBe(true);
    await knex.migrate.rollback({ directory }, true);
    expect(await knex.schema.hasTable('karpenter_interruptions')).toBe(false);
    await migrateDatabase({ getClient: async () => knex });
    expect(await knex.schema.hasTable('karpenter_queue_samples')).toBe(true);
  });

  it('skips migrations when the deployment manages them', async () => {
    const knex: Knex = await databases.init(databaseId);
    await migrateDatabase({
      getClient: async () => knex,
      migrations: { skip: true },
    });
    expect(await knex.schema.hasTable('karpenter_interruptions')).toBe(false);
  });
});
