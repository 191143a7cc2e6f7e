import { Knex } from 'knex';
import { lockClusters, rebuildCluster } from './maintainAggregates';
import { RECORDS } from './rows';

/** The state of the aggregates (migrations/20261207000000_interruption_rollup.js). */
const STATE = 'karpenter_interruption_rollup_state';
/** The version of the aggregates this code keeps; a lower stored one is built again. */
const ROLLUP_VERSION = 1;

/**
 * Builds the interruption aggregates from the records stored before them (the first start after
 * the rollup's migration, or after a change of what they hold), cluster by cluster under the
 * cluster's lock: another instance that inserts meanwhile waits, and a second instance that also
 * builds builds the same. Returns whether it built them.
 *
 * @internal
 */
export async function buildAggregates(db: Knex): Promise<boolean> {
  if (!(await db.schema.hasTable(STATE))) return false;
  const state = (await db(STATE).where('name', 'rollup').first()) as
    | { version: number | string }
    | undefined;
  if (state && Number(state.version) >= ROLLUP_VERSION) return false;
  const clusters = (
    (await db(RECORDS).distinct('cluster')) as Array<{ cluster: string }>
  ).map(r => r.cluster);
  for (const cluster of clusters)
    await db.transaction(async trx => {
      await lockClusters(trx, [cluster]);
      await rebuildCluster(trx, cluster);
    });
  await db(STATE)
    .insert({ name: 'rollup', version: ROLLUP_VERSION })
    .onConflict('name')
    .merge();
  return true;
}
