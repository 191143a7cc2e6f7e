/*
 * Cost history (docs/cost.md): the hourly cost of each NodePool, sampled by a scheduled task, for
 * the tab's 24 h / 7 d trend. Kept as long as the interruption history.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('karpenter_cost_samples', table => {
    table.bigIncrements('id');
    table.string('cluster', 255).notNullable();
    table.string('node_pool', 255).notNullable();
    // ms since the epoch
    table.bigInteger('sampled_at').notNullable();
    table.double('hourly').notNullable();
    table.double('on_demand_equivalent').notNullable();
    table.integer('priced_nodes').notNullable();
    table.integer('unpriced_nodes').notNullable();
    table.index(
      ['cluster', 'sampled_at', 'node_pool'],
      'karpenter_cost_samples_cluster_time_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('karpenter_cost_samples');
};
