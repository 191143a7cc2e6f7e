import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import { Health } from '@karpenter-backstage/plugin-karpenter-common';
import { ClusterAccess } from '../services/ClusterAccess';
import { ClusterAccessError } from '../services/ClusterCache';
import { ClusterRegistry } from '../services/ClusterRegistry';
import { ActionZod } from './types';

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

/** Health status and reasons. @internal */
export const healthSchema = (z: ActionZod) =>
  z.object({
    status: z.enum(['healthy', 'degraded', 'unhealthy', 'unknown']),
    reasons: z.array(
      z.object({
        code: z.string(),
        message: z.string(),
        severity: z.enum(['healthy', 'degraded', 'unhealthy', 'unknown']),
      }),
    ),
  });

export const toHealth = (h: Health) => ({
  status: h.status,
  reasons: h.reasons.map(r => ({
    code: r.code,
    message: r.message,
    severity: r.severity,
  })),
});

/** A resource usage against its limit. @internal */
export const usageSchema = (z: ActionZod) =>
  z.object({
    used: z.number(),
    limit: z.number().optional(),
    ratio: z.number().optional(),
  });

export const clusterErrorSchema = (z: ActionZod) =>
  z.object({
    code: z.string(),
    message: z.string(),
    permission: z.string().optional(),
  });

/** Hours back from now, 1 to 744 (31 days). @internal */
export const hoursSchema = (z: ActionZod) =>
  z
    .number()
    .int()
    .min(1)
    .max(744)
    .optional()
    .describe('How many hours back from now (default 24, at most 744)');
