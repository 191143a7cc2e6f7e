import { RECORDED_REASONS } from '@karpenter-backstage/plugin-karpenter-common';
import {
  assertClusterReadable,
  clusterInputSchema,
  DEFAULT_HOURS,
  hoursSchema,
  interruptionCountsShape,
  lastHours,
  nodePoolNameSchema,
  READ_ONLY_ATTRIBUTES,
  toInterruptionCounts,
} from './shared';
import { KarpenterActionsOptions } from './types';

/**
 * `karpenter:list-interruptions`: the recorded interruptions and disruptions of a cluster, counted
 * per NodeClaim, with the newest rows (one per NodeClaim and reason).
 *
 * @internal
 */
export function registerListInterruptions(options: KarpenterActionsOptions) {
  const { actionsRegistry, access, registry, history } = options;
  actionsRegistry.register({
    name: 'list-interruptions',
    title: 'Karpenter interruptions of a cluster',
    description:
      'The Spot interruptions, rebalance recommendations and disruptions Karpenter recorded in a cluster over the last hours: distinct NodeClaims counted per kind, NodePool and reason, and the newest rows (one per NodeClaim and reason, with its instance type, zone and times). Optionally narrowed to one NodePool or one reason. Read-only.',
    attributes: READ_ONLY_ATTRIBUTES,
    schema: {
      input: z =>
        z.object({
          cluster: clusterInputSchema(z),
          nodePool: nodePoolNameSchema(z)
            .optional()
            .describe('Only this NodePool'),
          reason: z
            .enum(RECORDED_REASONS as unknown as [string, ...string[]])
            .optional()
            .describe('Only events with this reason'),
          hours: hoursSchema(z),
          limit: z
            .number()
            .int()
            .min(1)
            .max(100)
            .optional()
            .describe('Newest rows to return (default 20, at most 100)'),
        }),
      output: z =>
        z.object({
          cluster: z.string(),
          from: z.string(),
          to: z.string(),
          ...interruptionCountsShape(z),
          events: z.number().describe('Raw event occurrences'),
          interruptedByNodePool: z.record(z.number()),
          byReason: z.record(z.number()),
          disruptionsByReason: z.record(z.number()),
          latest: z.array(
            z.object({
              subject: z.string(),
              reason: z.string(),
              kind: z.string(),
              nodeClaim: z.string().optional(),
              node: z.string().optional(),
              nodePool: z.string().optional(),
              capacityType: z.string().optional(),
              instanceType: z.string().optional(),
              zone: z.string().optional(),
              disruptionReason: z.string().optional(),
              firstTime: z.string(),
              lastTime: z.string(),
              events: z.number(),
            }),
          ),
          more: z.boolean().describe('More rows exist than returned'),
        }),
    },
    action: async ({ input, credentials }) => {
      await assertClusterReadable(access, registry, credentials, input.cluster);
      const result = await history.query({
        cluster: input.cluster,
        ...lastHours(input.hours ?? DEFAULT_HOURS),
        nodePools: input.nodePool ? [input.nodePool] : undefined,
        reason: input.reason,
        limit: input.limit ?? 20,
      });
      const t = result.totals;
      return {
        output: {
          cluster: result.cluster,
          from: result.from,
          to: result.to,
          ...toInterruptionCounts(t),
          interruptedByNodePool: t.byNodePool,
          byReason: t.byReason as Record<string, number>,
          disruptionsByReason: t.disruptionsByReason,
          latest: result.notices.map(n => ({
            subject: n.subject,
            reason: n.reason,
            kind: n.kind,
            nodeClaim: n.nodeClaim,
            node: n.node,
            nodePool: n.nodePool,
            capacityType: n.capacityType,
            instanceType: n.instanceType,
            zone: n.zone,
            disruptionReason: n.disruptionReason,
            firstTime: n.firstTime,
            lastTime: n.lastTime,
            events: n.events,
          })),
          more: Boolean(result.nextNoticeCursor),
        },
      };
    },
  });
}
