import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * The machine's PostgreSQL (Backstage's production database) and SQLite (the portal's embedded
 * default). PostgreSQL is the server on 127.0.0.1:5432 with trust auth (override with
 * KARPENTER_TEST_POSTGRES_URL); TestDatabases creates a throwaway database per test.
 */
/**
 * Why PostgreSQL tests skip on this run: set by scripts/test.sh when PostgreSQL cannot be reached
 * on a local run. Under CI=true nothing skips (a missing database is a failure there).
 */
const WITHOUT_POSTGRES =
  process.env.CI === 'true'
    ? undefined
    : process.env.KARPENTER_TEST_WITHOUT_POSTGRES;

export const KARPENTER_TEST_DATABASE_IDS: TestDatabaseId[] = WITHOUT_POSTGRES
  ? ['SQLITE_3']
  : ['SQLITE_3', 'POSTGRES_15'];

/**
 * `describe` for tests that need PostgreSQL: `describe.skip` where it is absent (the reason is
 * printed once).
 */
export const describeOnPostgres: jest.Describe = WITHOUT_POSTGRES
  ? describe.skip
  : describe;

if (WITHOUT_POSTGRES) {
  // eslint-disable-next-line no-console
  console.warn(`PostgreSQL tests skip: ${WITHOUT_POSTGRES}`);
}

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
