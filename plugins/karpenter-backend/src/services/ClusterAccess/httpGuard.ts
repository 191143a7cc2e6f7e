import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  NextFunction,
  Request,
  RequestHandler,
  RequestParamHandler,
  Response,
} from 'express';
import { ClusterAccess, ClusterAccessDecision } from './types';

const DECISION = Symbol('karpenter.clusterAccess');
const CREDENTIALS = Symbol('karpenter.credentials');

/**
 * The caller's credentials, verified once per request (the guard and a route's earlier
 * middleware share them).
 *
 * @internal
 */
export function requestCredentials(
  httpAuth: HttpAuthService,
  req: Request,
): Promise<BackstageCredentials> {
  const memo = req as unknown as Record<
    symbol,
    Promise<BackstageCredentials> | undefined
  >;
  return (memo[CREDENTIALS] ??= httpAuth.credentials(req));
}

/**
 * The guard of the API: `resolve` (mount it on `/v1`) resolves the caller's
 * `karpenter.cluster.read` decision once per request, answers 403 when it denies every cluster,
 * and keeps the decision for the routes that filter clusters (the cluster list, entity
 * summaries: {@link clusterAccessOf}); `cluster` (register it with `router.param('cluster')`)
 * answers 403 for a denied cluster on every route with a `:cluster` parameter, as express matched
 * it (case-insensitive, decoded).
 *
 * @internal
 */
export function createClusterAccessGuard(options: {
  httpAuth: HttpAuthService;
  access: ClusterAccess;
}): { resolve: RequestHandler; cluster: RequestParamHandler } {
  const resolve = async (req: Request, res: Response) => {
    const credentials = await requestCredentials(options.httpAuth, req);
    const decision = await options.access.decide(credentials);
    if (decision.deniesAll)
      throw new NotAllowedError(
        'You are not allowed to read Karpenter state (karpenter.cluster.read)',
      );
    (res.locals as Record<symbol, unknown>)[DECISION] = {
      decision,
      credentials,
    };
  };
  return {
    resolve: (req: Request, res: Response, next: NextFunction) => {
      resolve(req, res).then(() => next(), next);
    },
    cluster: (_req: Request, res: Response, next: NextFunction, cluster) => {
      try {
        const { decision } = clusterAccessOf(res);
        if (!decision.allows(String(cluster)))
          throw new NotAllowedError(
            `You are not allowed to read cluster '${cluster}' (karpenter.cluster.read)`,
          );
        next();
      } catch (error) {
        next(error);
      }
    },
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
