import { NotFoundError } from '@backstage/errors';
import {
  InterruptionNotice,
  NodePoolInfo,
} from '@karpenter-backstage/plugin-karpenter-common';
import {
  assertClusterReadable,
  clusterInputSchema,
  DEFAULT_HOURS,
  fromCluster,
  healthSchema,
  hoursSchema,
  interruptionCountsShape,
  lastHours,
  nodePoolNameSchema,
  READ_ONLY_ATTRIBUTES,
  toHealth,
  toInterruptionCounts,
  usageSchema,
} from './shared';
import { KarpenterActionsOptions } from './types';

/** Rows read for the per-NodeClaim breakdown (the counts above it are exact). */
const NOTICE_ROWS = 200;

/** One interrupted (or disrupted) NodeClaim: its rows of the range folded together. */
function perNodeClaim(notices: InterruptionNotice[]) {
  const byClaim = new Map<
    string,
    {
      nodeClaim: string;
      reasons: string[];
      kinds: string[];
      events: number;
      firstTime: string;
      lastTime: string;
      instanceType?: string;
      capacityType?: string;
      zone?: string;
    }
  >();
  for (const n of notices) {
    if (n.kind === 'information') continue;
    const key = n.nodeClaim ?? n.subject;
    const row = byClaim.get(key) ?? {
      nodeClaim: key,
      reasons: [],
      kinds: [],
      events: 0,
      firstTime: n.firstTime,
      lastTime: n.lastTime,
      instanceType: n.instanceType,
      capacityType: n.capacityType,
      zone: n.zone,
    };
    if (!row.reasons.includes(n.reason)) row.reasons.push(n.reason);
    if (!row.kinds.includes(n.kind)) row.kinds.push(n.kind);
    row.events += n.events;
    if (n.firstTime < row.firstTime) row.firstTime = n.firstTime;
    if (n.lastTime > row.lastTime) row.lastTime = n.lastTime;
    byClaim.set(key, row);
  }
  return [...byClaim.values()].sort((a, b) =>
    b.lastTime.localeCompare(a.lastTime),
  );
}

/** Plain sentences an assistant can quote. */
function explanation(pool: NodePoolInfo, interrupted: number, hours: number) {
  const lines = [
    `NodePool ${pool.name} in ${pool.cluster} is ${pool.health.status}${
      pool.stale ? ' (last known state: the data is stale)' : ''
    }.`,
  ];
  for (const r of pool.health.reasons)
    lines.push(`${r.severity}: ${r.message} (${r.code})`);
  const { cpu, memory } = pool.usage;
  if (cpu.limit !== undefined)
    lines.push(
      `CPU: ${cpu.used} of ${cpu.limit} cores (${Math.round(
        (cpu.ratio ?? 0) * 100,
      )}% of the limit).`,
    );
  if (memory.limit !== undefined)
    lines.push(
      `Memory: ${Math.round((memory.ratio ?? 0) * 100)}% of the limit.`,
    );
  lines.push(
    `${pool.nodeCount} nodes; ${interrupted} NodeClaims interrupted in the last ${hours} h.`,
  );
  return lines;
}

/**
 * `karpenter:explain-nodepool`: one NodePool's health with reasons, limits and usage, budgets and
 * the recent interruptions counted per interrupted NodeClaim.
 *
 * @internal
 */
export function registerExplainNodePool(options: KarpenterActionsOptions) {
  const { actionsRegistry, access, registry, summaries, history } = options;
  actionsRegistry.register({
    name: 'explain-nodepool',
    title: 'Explain a Karpenter NodePool',
    description:
      'Why a NodePool is healthy, degraded or unhealthy: its health reasons, CPU and memory against its limits, nodes by capacity type, NodeClaims by state, disruption budgets (whether they allow disruptions now), and the interruptions and disruptions of the last hours counted per NodeClaim. `explanation` says the same in sentences. Read-only.',
    attributes: READ_ONLY_ATTRIBUTES,
    schema: {
      input: z =>
        z.object({
          cluster: clusterInputSchema(z),
          nodePool: nodePoolNameSchema(z).describe('NodePool name'),
          hours: hoursSchema(z),
        }),
      output: z =>
        z.object({
          cluster: z.string(),
          nodePool: z.string(),
          health: healthSchema(z),
          stale: z
            .boolean()
            .describe('The data is the last known state, not current'),
          explanation: z.array(z.string()),
          nodeClass: z.string().optional(),
          nodeCount: z.number(),
          nodesByCapacityType: z.record(z.number()),
          nodeClaimsByState: z.record(z.number()),
          limits: z.object({
            cpu: usageSchema(z).describe('Cores'),
            memory: usageSchema(z).describe('Bytes'),
          }),
          disruption: z.object({
            consolidationPolicy: z.string().optional(),
            consolidateAfter: z.string().optional(),
            budgets: z.array(
              z.object({
                nodes: z.string(),
                reasons: z.array(z.string()).optional(),
                schedule: z.string().optional(),
                duration: z.string().optional(),
                active: z.boolean(),
                allowedDisruptions: z.number(),
              }),
            ),
          }),
          interruptions: z.object({
            from: z.string(),
            to: z.string(),
            ...interruptionCountsShape(z),
            byNodeClaim: z.array(
              z.object({
                nodeClaim: z.string(),
                reasons: z.array(z.string()),
                kinds: z.array(z.string()),
                events: z.number(),
                firstTime: z.string(),
                lastTime: z.string(),
                instanceType: z.string().optional(),
                capacityType: z.string().optional(),
                zone: z.string().optional(),
              }),
            ),
            truncated: z
              .boolean()
              .describe(
                `byNodeClaim covers only the newest ${NOTICE_ROWS} rows (the counts are complete)`,
              ),
          }),
        }),
    },
    action: async ({ input, credentials }) => {
      await assertClusterReadable(access, registry, credentials, input.cluster);
      const pools = await fromCluster(() => summaries.nodePools(input.cluster));
      const pool = pools.find(p => p.name === input.nodePool);
      if (!pool)
        throw new NotFoundError(
          `NodePool '${input.nodePool}' not found in cluster '${input.cluster}'`,
        );
      const hours = input.hours ?? DEFAULT_HOURS;
      const result = await history.query({
        cluster: input.cluster,
        ...lastHours(hours),
        nodePools: [input.nodePool],
        limit: NOTICE_ROWS,
      });
      return {
        output: {
          cluster: pool.cluster,
          nodePool: pool.name,
          health: toHealth(pool.health),
          stale: Boolean(pool.stale),
          explanation: explanation(
            pool,
            result.totals.nodeClaims.interrupted,
            hours,
          ),
          nodeClass: pool.nodeClass?.name,
          nodeCount: pool.nodeCount,
          nodesByCapacityType: pool.nodesByCapacityType,
          nodeClaimsByState: pool.nodeClaimsByState as Record<string, number>,
          limits: { cpu: pool.usage.cpu, memory: pool.usage.memory },
          disruption: {
            consolidationPolicy: pool.disruption.consolidationPolicy,
            consolidateAfter: pool.disruption.consolidateAfter,
            budgets: pool.disruption.budgets.map(b => ({
              nodes: b.nodes,
              reasons: b.reasons,
              schedule: b.schedule,
              duration: b.duration,
              active: b.active,
              allowedDisruptions: b.allowedDisruptions,
            })),
          },
          interruptions: {
            from: result.from,
            to: result.to,
            ...toInterruptionCounts(result.totals),
            byNodeClaim: perNodeClaim(result.notices),
            truncated: Boolean(result.nextNoticeCursor),
          },
        },
      };
    },
  });
}
