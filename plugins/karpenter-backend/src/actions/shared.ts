import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import {
  DNS1123_LABEL_PATTERN,
  Health,
  HEALTH_STATUSES,
  InterruptionTotals,
} from '@karpenter-backstage/plugin-karpenter-common';
import { ClusterAccess } from '../services/ClusterAccess';
import { ClusterAccessError } from '../services/ClusterCache';
import { ClusterRegistry } from '../services/ClusterRegistry';
import { ActionZod } from './types';

/** Every Karpenter action only reads. @internal */
export const READ_ONLY_ATTRIBUTES = {
  readOnly: true,
  idempotent: true,
  destructive: false,
} as const;

/**
 * `karpenter.cluster.read` for an action on one cluster, with the caller's credentials: the same
 * answers as the HTTP routes (403 denied, 404 unknown to a caller allowed everything).
 *
 * @internal
 */
export async function assertClusterReadable(
  access: ClusterAccess,
  registry: ClusterRegistry,
  credentials: BackstageCredentials,
  cluster: string,
): Promise<void> {
  const decision = await access.decide(credentials);
  if (decision.deniesAll || !decision.allows(cluster))
    throw new NotAllowedError(
      `You are not allowed to read cluster '${cluster}' (karpenter.cluster.read)`,
    );
  registry.get(cluster);
}

/** A cluster that cannot be read: its code and message (never raw upstream text). @internal */
export async function fromCluster<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ClusterAccessError)
      throw new ServiceUnavailableError(
        `${error.clusterError.code}: ${error.clusterError.message}`,
      );
    throw error;
  }
}

export const toHealth = (h: Health) => ({
  status: h.status,
  reasons: h.reasons.map(r => ({
    code: r.code,
    message: r.message,
    severity: r.severity,
  })),
});

/** The counts of an interruption range, as the actions name them. @internal */
export const toInterruptionCounts = (t: InterruptionTotals) => ({
  interruptedNodeClaims: t.nodeClaims.interrupted,
  rebalanceRecommendedNodeClaims: t.nodeClaims.rebalanceRecommended,
  disruptedNodeClaims: t.nodeClaims.disrupted,
  events: t.events,
});

const HOUR = 3_600_000;
/** Hours back from now when the input names none. @internal */
export const DEFAULT_HOURS = 24;

/** The range of the last `hours` for a history query: hourly buckets, daily beyond 48 h. @internal */
export function lastHours(hours: number) {
  const toMs = Date.now();
  return {
    fromMs: toMs - hours * HOUR,
    toMs,
    bucketMs: hours > 48 ? 24 * HOUR : HOUR,
  };
}

// Schema builders: each call builds new schemas, so a JSON Schema never refers to another part of
// itself ($ref) where a builder is used twice.

/** A cluster name input. @internal */
export const clusterInputSchema = (z: ActionZod) =>
  z.string().describe('Cluster name (as in karpenter.clusters)');

/** A NodePool name (a DNS-1123 label). @internal */
export const nodePoolNameSchema = (z: ActionZod) =>
  z.string().max(63).regex(new RegExp(DNS1123_LABEL_PATTERN));

/** Hours back from now, 1 to 744 (31 days). @internal */
export const hoursSchema = (z: ActionZod) =>
  z
    .number()
    .int()
    .min(1)
    .max(744)
    .optional()
    .describe(
      `How many hours back from now (default ${DEFAULT_HOURS}, at most 744)`,
    );

/** A health status. @internal */
export const healthStatusSchema = (z: ActionZod) => z.enum(HEALTH_STATUSES);

/** Health status and reasons. @internal */
export const healthSchema = (z: ActionZod) =>
  z.object({
    status: healthStatusSchema(z),
    reasons: z.array(
      z.object({
        code: z.string(),
        message: z.string(),
        severity: healthStatusSchema(z),
      }),
    ),
  });

/** A resource usage against its limit. @internal */
export const usageSchema = (z: ActionZod) =>
  z.object({
    used: z.number(),
    limit: z.number().optional(),
    ratio: z.number().optional(),
  });

/** The fields of {@link toInterruptionCounts}. @internal */
export const interruptionCountsShape = (z: ActionZod) => ({
  interruptedNodeClaims: z.number(),
  rebalanceRecommendedNodeClaims: z.number(),
  disruptedNodeClaims: z.number(),
  events: z.number(),
});
