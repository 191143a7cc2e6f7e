import { Knex } from 'knex';
import { NodeMapping } from './InterruptionStore';
import {
  applyDeltas,
  lockClusters,
  rederiveSubjects,
} from './maintainAggregates';
import { NODES, RECORDS } from './rows';
import { RollupDeltas } from './subjectSummaries';

const CHUNK = 200;
const FACTS = {
  node_pool: 'nodePool',
  capacity_type: 'capacityType',
  instance_type: 'instanceType',
  zone: 'zone',
} as const;

/**
 * Remembers Node → NodeClaim mappings (upserts: safe from several backend instances; a Node name
 * seen with another NodeClaim before is mapped to the new one), and re-derives the records of
 * newly mapped Nodes that were recorded without a NodeClaim since the NodeClaim was created: they
 * get the NodeClaim as their counting subject, and its facts where they had none.
 *
 * @internal
 */
export async function rememberNodes(
  db: Knex,
  cluster: string,
  mappings: NodeMapping[],
  nowMs: number,
): Promise<number> {
  const unique = [...new Map(mappings.map(m => [m.node, m])).values()];
  let added = 0;
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const known = new Map(
      (
        await db(NODES)
          .where('cluster', cluster)
          .whereIn(
            'node',
            chunk.map(m => m.node),
          )
          .select('node', 'node_claim')
      ).map(r => [r.node as string, r.node_claim as string]),
    );
    const fresh = chunk.filter(m => known.get(m.node) !== m.nodeClaim);
    if (!fresh.length) continue;
    await db(NODES)
      .insert(
        fresh.map(m => ({
          cluster,
          node: m.node,
          node_claim: m.nodeClaim,
          node_pool: m.nodePool ?? null,
          capacity_type: m.capacityType ?? null,
          instance_type: m.instanceType ?? null,
          zone: m.zone ?? null,
          since: m.sinceMs ?? 0,
          seen_at: nowMs,
        })),
      )
      .onConflict(['cluster', 'node'])
      .merge();
    added += fresh.length;
    await db.transaction(trx => mapRecords(trx, cluster, fresh));
  }
  return added;
}

/**
 * Gives the records of these Nodes recorded without a NodeClaim since the NodeClaim's creation
 * their NodeClaim (as counting subject) and its facts where they had none, with the aggregates:
 * both subjects are counted again, and the occurrences that now have a NodePool count under it.
 */
async function mapRecords(
  trx: Knex.Transaction,
  cluster: string,
  fresh: NodeMapping[],
) {
  await lockClusters(trx, [cluster]);
  const deltas = new RollupDeltas();
  const subjects = new Set<string>();
  for (const m of fresh) {
    const matching = () =>
      trx(RECORDS)
        .where('cluster', cluster)
        .where('node', m.node)
        .whereNull('node_claim')
        .where('occurred_at', '>=', m.sinceMs ?? 0);
    if (m.nodePool) {
      const pooled = (await matching()
        .whereNull('node_pool')
        .select('occurred_at', 'reason')) as Array<{
        occurred_at: number | string;
        reason: string;
      }>;
      for (const r of pooled)
        deltas.add(
          cluster,
          m.nodePool,
          Number(r.occurred_at),
          'events',
          r.reason,
          1,
          true,
        );
    }
    const update: Record<string, unknown> = {
      node_claim: m.nodeClaim,
      subject: m.nodeClaim,
    };
    for (const [column, key] of Object.entries(FACTS))
      if (m[key]) update[column] = trx.raw('COALESCE(??, ?)', [column, m[key]]);
    if (Number(await matching().update(update)) > 0) {
      subjects.add(`node/${m.node}`);
      subjects.add(m.nodeClaim);
    }
  }
  await rederiveSubjects(trx, cluster, [...subjects], deltas);
  await applyDeltas(trx, deltas);
}

/** The remembered mappings of these Nodes. @internal */
export async function lookupNodes(
  db: Knex,
  cluster: string,
  nodes: string[],
): Promise<Map<string, NodeMapping>> {
  const found = new Map<string, NodeMapping>();
  for (let i = 0; i < nodes.length; i += CHUNK) {
    const rows = await db(NODES)
      .where('cluster', cluster)
      .whereIn('node', nodes.slice(i, i + CHUNK))
      .select('*');
    for (const row of rows) {
      found.set(row.node, {
        node: row.node,
        nodeClaim: row.node_claim,
        sinceMs: Number(row.since) || undefined,
        nodePool: row.node_pool ?? undefined,
        capacityType: row.capacity_type ?? undefined,
        instanceType: row.instance_type ?? undefined,
        zone: row.zone ?? undefined,
      });
    }
  }
  return found;
}

/** Forgets mappings stored before the cutoff (a Node still alive is remembered again). @internal */
export async function pruneNodes(db: Knex, olderThanMs: number) {
  return Number(await db(NODES).where('seen_at', '<', olderThanMs).delete());
}
