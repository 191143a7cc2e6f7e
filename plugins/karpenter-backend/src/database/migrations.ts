import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { buildAggregates } from './buildAggregates';

const migrationsDir = resolvePackagePath(
  '@karpenter-backstage/plugin-karpenter-backend',
  'migrations',
);

/**
 * Runs the plugin's knex migrations unless the deployment manages them, then builds the
 * interruption aggregates from the stored records if they are not built yet.
 *
 * @internal
 */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  await buildAggregates(client);
  return client;
}
