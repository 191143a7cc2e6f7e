/*
 * Prices (docs/cost.md): the on-demand and spot prices fetched from AWS, kept so a restart or a
 * pricing outage still has prices, and per region the outcome of the last refresh (so every
 * backend instance, not only the one that ran the scheduled task, knows why prices are missing).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('karpenter_prices', table => {
    table.string('region', 64).notNullable();
    // 'on-demand' or 'spot'
    table.string('capacity_type', 16).notNullable();
    // the availability zone of a spot price; '' for on-demand (a regional price)
    table.string('zone', 64).notNullable().defaultTo('');
    table.string('instance_type', 64).notNullable();
    table.double('usd_per_hour').notNullable();
    // ms since the epoch
    table.bigInteger('fetched_at').notNullable();
    table.primary(['region', 'capacity_type', 'zone', 'instance_type']);
  });
  await knex.schema.createTable('karpenter_price_refreshes', table => {
    table.string('region', 64).primary();
    table.bigInteger('attempted_at').notNullable();
    table.bigInteger('succeeded_at').nullable();
    // PRICING_DENIED or PRICING_UNAVAILABLE when the last attempt failed
    table.string('error_code', 32).nullable();
    table.text('error_message').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('karpenter_price_refreshes');
  await knex.schema.dropTable('karpenter_prices');
};
