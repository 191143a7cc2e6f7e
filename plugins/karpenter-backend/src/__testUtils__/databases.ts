import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * The machine's PostgreSQL (Backstage's production database) and SQLite (the portal's embedded
 * default). PostgreSQL is the server on 127.0.0.1:5432 with trust auth (override with
 * KARPENTER_TEST_POSTGRES_URL); TestDatabases creates a throwaway database per test.
 */
export const KARPENTER_TEST_DATABASE_IDS: TestDatabaseId[] = [
  'SQLITE_3',
  'POSTGRES_15',
];

process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  process.env.KARPENTER_TEST_POSTGRES_URL ??
  'postgresql://postgres@127.0.0.1:5432';

/** Creates the TestDatabases of the Karpenter backend tests. */
export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: KARPENTER_TEST_DATABASE_IDS,
    disableDocker: true,
  });
}
