/*
 * Interruption history read from aggregates (docs/interruptions.md, "How the counts are kept"):
 * - `karpenter_interruption_subjects`: per cluster, counting subject (NodeClaim, else
 *   `node/<name>`, …) and scope (a reason, a kind of count, a disruption reason, consolidation)
 *   the subject's first and last stored record and its known facts,
 * - `karpenter_interruption_hours`: per cluster, NodePool (`*` for the whole cluster), hour,
 *   metric and label, how many occurrences or first notices the hour holds,
 * - `karpenter_interruption_rollup_state`: whether the two were built from the records stored
 *   before them. The backend builds them on start (src/database/buildAggregates.ts) and keeps
 *   them with every insert, Node mapping and prune, in the same transaction.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('karpenter_interruption_subjects', table => {
    table.comment(
      'First notice of each counting subject per scope of the interruption counts',
    );
    table.string('cluster', 255).notNullable();
    table.string('subject', 300).notNullable();
    table.string('scope', 128).notNullable();
    table.bigInteger('first_at').notNullable().comment('epoch milliseconds');
    table.bigInteger('last_at').notNullable().comment('epoch milliseconds');
    table.string('node_pool', 255).nullable();
    table.string('capacity_type', 64).nullable();
    table.string('instance_type', 128).nullable();
    table.string('zone', 128).nullable();
    table.primary(['cluster', 'subject', 'scope']);
    table.index(
      ['cluster', 'scope', 'first_at'],
      'karpenter_interruption_subjects_first_idx',
    );
  });
  await knex.schema.createTable('karpenter_interruption_hours', table => {
    table.comment('Hourly rollup of the interruption counts');
    table.string('cluster', 255).notNullable();
    table.string('node_pool', 255).notNullable();
    table.bigInteger('hour_start').notNullable().comment('epoch milliseconds');
    table.string('metric', 32).notNullable();
    table.string('label', 255).notNullable();
    table.integer('n').notNullable();
    table.primary(['cluster', 'node_pool', 'hour_start', 'metric', 'label']);
    table.index(
      ['cluster', 'hour_start'],
      'karpenter_interruption_hours_time_idx',
    );
  });
  await knex.schema.createTable(
    'karpenter_interruption_rollup_state',
    table => {
      table.string('name', 32).primary();
      table.integer('version').notNullable();
    },
  );
  // Version 0: built by the backend from the records on start (then 1).
  await knex('karpenter_interruption_rollup_state').insert({
    name: 'rollup',
    version: 0,
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('karpenter_interruption_rollup_state');
  await knex.schema.dropTable('karpenter_interruption_hours');
  await knex.schema.dropTable('karpenter_interruption_subjects');
};
