/*
 * Interruption history counted per NodeClaim (issue 14). Adds to every record
 * - `subject`: what it is about, for COUNT(DISTINCT): its NodeClaim, else `node/<node>`, else
 *   `nodepool/<pool>`, else `event/<uid>` (the backend's countingSubject),
 * - `disruption_reason`: for DisruptionTerminating, the reason from "Disrupting Node: <Reason>"
 *   (kubernetes-sigs/karpenter pkg/controllers/disruption/events/events.go),
 * and remembers Node → NodeClaim (with the NodeClaim's NodePool, capacity type, instance type,
 * zone) in `karpenter_nodes`, so an event on a Node recorded after its NodeClaim is gone still
 * counts for that NodeClaim.
 *
 * Existing records are kept and re-derived: the mapping is learned from the records that had
 * both a NodeClaim and a Node, Node-only records get their NodeClaim (and missing NodePool etc.)
 * from it, then every record gets its subject. The logic is frozen here on purpose (a migration
 * must not change when the code does); the same rules live in the common package.
 */

const RECORDS = 'karpenter_interruptions';
const NODES = 'karpenter_nodes';
const COUNTS_COLUMNS = [
  'cluster',
  'occurred_at',
  'reason',
  'node_pool',
  'capacity_type',
  'instance_type',
  'zone',
];
const SUBJECT_COLUMNS = [
  'cluster',
  'occurred_at',
  'reason',
  'subject',
  'node_pool',
  'capacity_type',
  'instance_type',
  'zone',
  'disruption_reason',
];
const FACTS = ['node_pool', 'capacity_type', 'instance_type', 'zone'];
const DISRUPTING = /^Disrupting (?:Node|NodeClaim): ([A-Za-z]+)/;

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(RECORDS, table => {
    table
      .string('subject', 300)
      .nullable()
      .comment('NodeClaim, node/<name>, nodepool/<name> or event/<uid>');
    table.string('disruption_reason', 64).nullable();
  });
  await knex.schema.createTable(NODES, table => {
    table.comment('Node to NodeClaim, remembered while both were known');
    table.string('cluster', 255).notNullable();
    table.string('node', 255).notNullable();
    table.string('node_claim', 255).notNullable();
    for (const column of FACTS) table.string(column, 255).nullable();
    table
      .bigInteger('since')
      .notNullable()
      .comment('creation of the NodeClaim, epoch milliseconds (0: unknown)');
    table
      .bigInteger('seen_at')
      .notNullable()
      .comment('when the mapping was stored, epoch milliseconds');
    table.primary(['cluster', 'node']);
  });

  // Re-derive the existing records.
  const messages = await knex(RECORDS)
    .where('reason', 'DisruptionTerminating')
    .distinct('message');
  for (const { message } of messages) {
    const reason = DISRUPTING.exec(message ?? '')?.[1];
    if (reason)
      await knex(RECORDS)
        .where('reason', 'DisruptionTerminating')
        .where('message', message)
        .update({ disruption_reason: reason });
  }
  const pairs = await knex(RECORDS)
    .whereNotNull('node_claim')
    .whereNotNull('node')
    .groupBy('cluster', 'node')
    .select('cluster', 'node')
    .max({
      node_claim: 'node_claim',
      node_pool: 'node_pool',
      capacity_type: 'capacity_type',
      instance_type: 'instance_type',
      zone: 'zone',
      seen_at: 'occurred_at',
    })
    .min({ since: 'occurred_at' });
  for (let i = 0; i < pairs.length; i += 100) {
    await knex(NODES)
      .insert(
        pairs.slice(i, i + 100).map(p => ({
          ...p,
          since: Number(p.since),
          seen_at: Number(p.seen_at),
        })),
      )
      .onConflict(['cluster', 'node'])
      .ignore();
  }
  const mapped = column =>
    knex(NODES)
      .select(column)
      .where(`${NODES}.cluster`, knex.ref(`${RECORDS}.cluster`))
      .where(`${NODES}.node`, knex.ref(`${RECORDS}.node`));
  const update = { node_claim: mapped('node_claim') };
  for (const column of FACTS)
    update[column] = knex.raw('COALESCE(??, (?))', [column, mapped(column)]);
  await knex(RECORDS)
    .whereNull('node_claim')
    .whereNotNull('node')
    .whereExists(mapped('node_claim'))
    .update(update);
  await knex(RECORDS).update({
    subject: knex.raw(
      `CASE WHEN node_claim IS NOT NULL THEN node_claim
            WHEN node IS NOT NULL THEN 'node/' || node
            WHEN node_pool IS NOT NULL THEN 'nodepool/' || node_pool
            ELSE 'event/' || event_uid END`,
    ),
  });

  await knex.schema.alterTable(RECORDS, table => {
    table.index(SUBJECT_COLUMNS, 'karpenter_interruptions_subjects_idx');
    table.index(['cluster', 'node'], 'karpenter_interruptions_node_idx');
    table.dropIndex(COUNTS_COLUMNS, 'karpenter_interruptions_counts_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(RECORDS, table => {
    table.index(COUNTS_COLUMNS, 'karpenter_interruptions_counts_idx');
    table.dropIndex(SUBJECT_COLUMNS, 'karpenter_interruptions_subjects_idx');
    table.dropIndex(['cluster', 'node'], 'karpenter_interruptions_node_idx');
  });
  await knex.schema.dropTable(NODES);
  await knex.schema.alterTable(RECORDS, table => {
    table.dropColumn('disruption_reason');
    table.dropColumn('subject');
  });
};
