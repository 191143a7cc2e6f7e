/*
 * Interruption history: an index by subject (NodeClaim) and time, for the "Latest" rows. Their
 * first page is grouped from the newest records only, and the groups that also have older records
 * in the range are found by subject through this index (src/database/listNotices.ts); the raw
 * events of the shown rows are read by subject too.
 */

const COLUMNS = ['cluster', 'subject', 'reason', 'occurred_at'];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('karpenter_interruptions', table => {
    table.index(COLUMNS, 'karpenter_interruptions_subject_time_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('karpenter_interruptions', table => {
    table.dropIndex(COLUMNS, 'karpenter_interruptions_subject_time_idx');
  });
};
