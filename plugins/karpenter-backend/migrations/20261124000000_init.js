/*
 * Interruption history and queue samples of the Karpenter backend plugin.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('karpenter_interruptions', table => {
    table.comment(
      'Occurrences of Karpenter interruption/disruption events; an event whose count grows has one row per occurrence',
    );
    table.bigIncrements('id').primary();
    table.string('cluster', 255).notNullable();
    table.string('event_uid', 255).notNullable();
    table.integer('occurrence').notNullable();
    table.bigInteger('occurred_at').notNullable().comment('epoch milliseconds');
    table.string('reason', 255).notNullable();
    table.string('type', 32).notNullable();
    table.text('message').notNullable();
    table.string('node_claim', 255).nullable();
    table.string('node', 255).nullable();
    table.string('node_pool', 255).nullable();
    table.string('capacity_type', 64).nullable();
    table.string('instance_type', 128).nullable();
    table.string('zone', 128).nullable();
    table.unique(['cluster', 'event_uid', 'occurrence'], {
      indexName: 'karpenter_interruptions_dedupe_idx',
    });
    table.index(['cluster', 'occurred_at'], 'karpenter_interruptions_time_idx');
  });

  await knex.schema.createTable('karpenter_queue_samples', table => {
    table.comment('GetQueueAttributes samples of the interruption queues');
    table.bigIncrements('id').primary();
    table.string('cluster', 255).notNullable();
    table.bigInteger('sampled_at').notNullable().comment('epoch milliseconds');
    table.integer('visible').notNullable();
    table.integer('not_visible').notNullable();
    table.integer('delayed').notNullable();
    table
      .string('error_code', 64)
      .nullable()
      .comment('set when the queue could not be read at that time');
    table.text('error_message').nullable();
    table.index(['cluster', 'sampled_at'], 'karpenter_queue_samples_time_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('karpenter_queue_samples');
  await knex.schema.dropTable('karpenter_interruptions');
};
