import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import {
  ClusterAccess,
  ClusterAccessDecision,
  clusterAccessOf,
  createClusterAccessGuard,
} from '../ClusterAccess';
import { createEntityPrefetch } from './entityPrefetch';
import { EntitySummaries } from './EntitySummaries';

const PATH = '/v1/entities/:namespace/:kind/:name/summary';
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
};

/** The summary route as router.ts mounts it: prefetch, guard, route. */
function app(options: {
  readEntity: EntitySummaries['readEntity'];
  decide: ClusterAccess['decide'];
  summaryOf?: jest.Mock;
}) {
  const httpAuth = mockServices.httpAuth();
  const summaryOf = options.summaryOf ?? jest.fn(async () => ({ ok: true }));
  const entities = {
    readEntity: options.readEntity,
    summaryOf,
  } as unknown as EntitySummaries;
  const prefetch = createEntityPrefetch({ httpAuth, entities });
  const guard = createClusterAccessGuard({
    httpAuth,
    access: { decide: options.decide },
  });
  const router = express.Router();
  router.use(PATH, prefetch.start);
  router.use('/v1', guard.resolve);
  // (the generated OpenAPI router passes a handler's rejection on, as express 4 does not)
  router.get(PATH, (_req, res, next) => {
    const { decision } = clusterAccessOf(res);
    prefetch
      .entityOf(res)
      .then(e => entities.summaryOf(e, decision))
      .then(body => res.json(body), next);
  });
  const server = express();
  server.use(router);
  server.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return { server, summaryOf };
}

const allowAll: ClusterAccessDecision = {
  deniesAll: false,
  allows: () => true,
};

describe('the summary route reads its entity while the permission framework decides', () => {
  it('starts the catalog read before the decision is made, with the caller credentials', async () => {
    let readStarted: () => void = () => undefined;
    const started = new Promise<void>(resolve => {
      readStarted = resolve;
    });
    const readEntity = jest.fn(async () => {
      readStarted();
      return entity;
    });
    // The decision waits for the catalog read to have started: one after the other would hang.
    const decide = jest.fn(async () => {
      await started;
      return allowAll;
    });
    const { server, summaryOf } = app({ readEntity, decide });
    const res = await request(server)
      .get('/v1/entities/default/component/checkout/summary')
      .set('Authorization', mockCredentials.user.header('user:default/alice'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(readEntity).toHaveBeenCalledWith(
      { namespace: 'default', kind: 'component', name: 'checkout' },
      mockCredentials.user('user:default/alice'),
    );
    expect(summaryOf).toHaveBeenCalledWith(entity, allowAll);
  });

  it('answers 403 when the policy denies, whatever the read found, and never summarizes', async () => {
    const { server, summaryOf } = app({
      readEntity: async () => {
        throw new NotFoundError('Entity component:default/checkout not found');
      },
      decide: async () => ({ deniesAll: true, allows: () => false }),
    });
    const res = await request(server)
      .get('/v1/entities/default/component/checkout/summary')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(403);
    expect(summaryOf).not.toHaveBeenCalled();
  });

  it('answers the read error (404) once the decision allows', async () => {
    const { server } = app({
      readEntity: async () => {
        throw new NotFoundError('Entity component:default/checkout not found');
      },
      decide: async () => allowAll,
    });
    const res = await request(server)
      .get('/v1/entities/default/component/checkout/summary')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      'Entity component:default/checkout not found',
    );
  });
});
