import { parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  ClusterSummary,
  PENDING_POD_CODES,
} from '@karpenter-backstage/plugin-karpenter-common';
import {
  healthSchema,
  healthStatusSchema,
  interruptionCountsShape,
  READ_ONLY_ATTRIBUTES,
  toHealth,
  toInterruptionCounts,
  usageSchema,
} from './shared';
import { ActionZod, KarpenterActionsOptions } from './types';

const clusterErrorSchema = (z: ActionZod) =>
  z.object({
    code: z.string(),
    message: z.string(),
    permission: z.string().optional(),
  });

function clusterOutput(c: ClusterSummary) {
  const totals = c.interruptions?.totals;
  return {
    cluster: c.cluster,
    title: c.title,
    health: c.health,
    error: c.error,
    stale: c.stale,
    updatedAt: c.updatedAt,
    missingNodePools: c.missingNodePools,
    nodePools: c.nodePools.map(p => ({
      name: p.name,
      health: toHealth(p.health),
      stale: p.stale,
      nodeCount: p.nodeCount,
      cpu: p.usage.cpu,
      memory: p.usage.memory,
    })),
    interruptionsLast24h: totals && toInterruptionCounts(totals),
    queue: c.queue && { state: c.queue.state, message: c.queue.message },
    pendingPods: c.pendingPods && {
      total: c.pendingPods.total,
      eventsUnavailable: c.pendingPods.eventsUnavailable,
      items: c.pendingPods.items.map(p => ({
        namespace: p.namespace,
        name: p.name,
        pendingSince: p.pendingSince,
        code: p.code,
        message: p.message,
        hint: p.hint,
        karpenterMessage: p.karpenterMessage,
        nodePool: p.nodePool,
        nodeClaim: p.nodeClaim,
      })),
    },
  };
}

/**
 * `karpenter:get-entity-summary`: the Karpenter state behind a catalog entity, as its card shows
 * it. Clusters the caller may not read are `FORBIDDEN` slots.
 *
 * @internal
 */
export function registerGetEntitySummary(options: KarpenterActionsOptions) {
  const { actionsRegistry, access, entities } = options;
  actionsRegistry.register({
    name: 'get-entity-summary',
    title: 'Karpenter summary of a catalog entity',
    description:
      "The health of the Karpenter NodePools behind a catalog entity (the clusters and NodePools its annotations or workloads name): per cluster the NodePools' health with reasons, CPU and memory against their limits, the last 24 h of interruptions, the interruption queue and, for entities mapped by workloads, their pods waiting for a node with why and what to do. A cluster that cannot be read, or that the caller may not read (code FORBIDDEN), has an error and no NodePools; the other clusters still answer. Read-only.",
    attributes: READ_ONLY_ATTRIBUTES,
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'The entity ref, e.g. component:default/checkout or resource:default/demo-cluster',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          status: z
            .enum(['configured', 'not-configured'])
            .describe(
              'not-configured: the entity names no cluster (see message)',
            ),
          message: z.string().optional(),
          health: healthStatusSchema(z),
          clusters: z.array(
            z.object({
              cluster: z.string(),
              title: z.string().optional(),
              health: healthStatusSchema(z),
              error: clusterErrorSchema(z).optional(),
              stale: z.boolean().optional(),
              updatedAt: z
                .string()
                .optional()
                .describe("The data's age: the oldest sync of the cluster"),
              missingNodePools: z.array(z.string()).optional(),
              nodePools: z.array(
                z.object({
                  name: z.string(),
                  health: healthSchema(z),
                  stale: z.boolean().optional(),
                  nodeCount: z.number(),
                  cpu: usageSchema(z).describe('Cores'),
                  memory: usageSchema(z).describe('Bytes'),
                }),
              ),
              interruptionsLast24h: z
                .object(interruptionCountsShape(z))
                .optional(),
              queue: z
                .object({ state: z.string(), message: z.string() })
                .optional(),
              pendingPods: z
                .object({
                  total: z.number(),
                  eventsUnavailable: z.boolean().optional(),
                  items: z.array(
                    z.object({
                      namespace: z.string(),
                      name: z.string(),
                      pendingSince: z.string(),
                      code: z
                        .enum(PENDING_POD_CODES as [string, ...string[]])
                        .describe(
                          'Why the pod waits (see the troubleshooting page, "Why pods wait")',
                        ),
                      message: z.string(),
                      hint: z.string().describe('What to do about it'),
                      karpenterMessage: z
                        .string()
                        .optional()
                        .describe("Karpenter's own event message, verbatim"),
                      nodePool: z.string().optional(),
                      nodeClaim: z.string().optional(),
                    }),
                  ),
                })
                .optional()
                .describe(
                  'Only for entities mapped by workloads: their pods waiting for a node, explained (at most 50, the longest waiting first; total counts all)',
                ),
            }),
          ),
          generatedAt: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      let ref;
      try {
        ref = parseEntityRef(input.entityRef, { defaultNamespace: 'default' });
      } catch (e) {
        throw new InputError(
          `entityRef: '${input.entityRef}' is not an entity ref (kind:namespace/name)`,
        );
      }
      const decision = await access.decide(credentials);
      if (decision.deniesAll)
        throw new NotAllowedError(
          'You are not allowed to read Karpenter state (karpenter.cluster.read)',
        );
      const summary = await entities.forEntity(ref, credentials, decision);
      return {
        output: {
          entityRef: summary.entityRef,
          status: summary.status,
          message: summary.message,
          health: summary.health,
          clusters: summary.clusters.map(clusterOutput),
          generatedAt: summary.generatedAt,
        },
      };
    },
  });
}
