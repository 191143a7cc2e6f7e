/*
 * Interruption history: an index that covers the counted columns, so the timeline's GROUP BY
 * queries read the index alone (no table lookup per record). It starts with the columns of the
 * time index it replaces (cluster, occurred_at), so range queries and paging still use it.
 */

const COLUMNS = [
  'cluster',
  'occurred_at',
  'reason',
  'node_pool',
  'capacity_type',
  'instance_type',
  'zone',
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('karpenter_interruptions', table => {
    table.index(COLUMNS, 'karpenter_interruptions_counts_idx');
    table.dropIndex(
      ['cluster', 'occurred_at'],
      'karpenter_interruptions_time_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('karpenter_interruptions', table => {
    table.index(['cluster', 'occurred_at'], 'karpenter_interruptions_time_idx');
    table.dropIndex(COLUMNS, 'karpenter_interruptions_counts_idx');
  });
};
