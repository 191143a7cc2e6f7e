import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import { Health } from '@karpenter-backstage/plugin-karpenter-common';
import { ClusterAccess } from '../services/ClusterAccess';
import { ClusterAccessError } from '../services/ClusterCache';
import { ClusterRegistry } from '../services/ClusterRegistry';

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
