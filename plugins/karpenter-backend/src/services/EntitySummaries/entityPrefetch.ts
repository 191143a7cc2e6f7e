import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NextFunction, Request, Response } from 'express';
import { requestCredentials } from '../ClusterAccess';
import { EntitySummaries } from './EntitySummaries';

const ENTITY = Symbol('karpenter.entityRead');

/**
 * Starts reading a summary route's entity from the catalog (with the caller's credentials) before
 * the cluster access guard asks the permission framework, so the two round trips run at the same
 * time instead of one after the other. Nothing is answered before the guard's decision: the
 * route awaits both (`entityOf`), and a request the guard refuses never reads the result.
 *
 * @internal
 */
export function createEntityPrefetch(options: {
  httpAuth: HttpAuthService;
  entities: EntitySummaries;
}) {
  return {
    /** Middleware for a path with `:namespace/:kind/:name`, mounted before the guard. */
    start(req: Request, res: Response, next: NextFunction) {
      const { namespace, kind, name } = req.params;
      const read = requestCredentials(options.httpAuth, req).then(c =>
        options.entities.readEntity({ namespace, kind, name }, c),
      );
      // Awaited by the route; a request the guard refuses drops it without an unhandled rejection.
      read.catch(() => undefined);
      (res.locals as Record<symbol, unknown>)[ENTITY] = read;
      next();
    },
    /** The entity `start` began reading. */
    entityOf(res: Response): Promise<Entity> {
      const read = (res.locals as Record<symbol, unknown>)[ENTITY] as
        | Promise<Entity>
        | undefined;
      if (!read)
        throw new Error(
          'The entity prefetch did not run for this route: mount it before the route',
        );
      return read;
    },
  };
}
