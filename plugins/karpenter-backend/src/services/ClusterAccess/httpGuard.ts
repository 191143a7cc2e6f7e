import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { ClusterAccess, ClusterAccessDecision } from './types';

const DECISION = Symbol('karpenter.clusterAccess');

/** `/clusters/<name>` (and below), relative to where the guard is mounted. */
const CLUSTER_PATH = /^\/clusters\/([^/]+)(?:\/|$)/;

/**
 * The one guard of the API (mount it on `/v1`): resolves the caller's `karpenter.cluster.read`
 * decision once per request, answers 403 when it denies every cluster or the cluster in the path
 * (`/v1/clusters/:cluster/...`), and keeps the decision for the routes that filter clusters (the
 * cluster list, entity summaries): {@link clusterAccessOf}.
 *
 * @internal
 */
export function createClusterAccessGuard(options: {
  httpAuth: HttpAuthService;
  access: ClusterAccess;
}): RequestHandler {
  const guard = async (req: Request, res: Response) => {
    const credentials = await options.httpAuth.credentials(req);
    const decision = await options.access.decide(credentials);
    if (decision.deniesAll)
      throw new NotAllowedError(
        'You are not allowed to read Karpenter state (karpenter.cluster.read)',
      );
    const match = CLUSTER_PATH.exec(req.path);
    if (match) {
      let cluster: string;
      try {
        cluster = decodeURIComponent(match[1]);
      } catch {
        throw new InputError('cluster: not a valid URL path segment');
      }
      if (!decision.allows(cluster))
        throw new NotAllowedError(
          `You are not allowed to read cluster '${cluster}' (karpenter.cluster.read)`,
        );
    }
    (res.locals as Record<symbol, unknown>)[DECISION] = {
      decision,
      credentials,
    };
  };
  return (req: Request, res: Response, next: NextFunction) => {
    guard(req, res).then(() => next(), next);
  };
}

/** The decision and credentials the guard resolved for this request. @internal */
export function clusterAccessOf(res: Response) {
  const found = (res.locals as Record<symbol, unknown>)[DECISION] as
    | {
        decision: ClusterAccessDecision;
        credentials: Awaited<ReturnType<HttpAuthService['credentials']>>;
      }
    | undefined;
  if (!found)
    throw new Error(
      'The cluster access guard did not run for this route: mount it before the route',
    );
  return found;
}
