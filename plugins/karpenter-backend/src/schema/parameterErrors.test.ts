import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createOpenApiRouter, spec } from './openapi/generated/router';
import { emptyQueryValuesAsAbsent, parameterErrors } from './parameterErrors';

/** The generated router with the real spec; each handler echoes what it was given. */
async function app() {
  const router = await createOpenApiRouter({
    middleware: [express.json(), emptyQueryValuesAsAbsent],
    validatorOptions: {
      validateRequests: {
        coerceTypes: false,
        allowUnknownQueryParameters: true,
      },
    },
  });
  for (const path of ['nodeclaims', 'interruptions', 'queue'] as const) {
    router.get(`/v1/clusters/:cluster/${path}`, (req, res) => {
      res.json({ query: req.query, params: req.params } as any);
    });
  }
  router.use(parameterErrors(spec));
  const server = express();
  server.use('/api/karpenter', router);
  server.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return (path: string) => request(server).get(`/api/karpenter${path}`);
}

describe('request validation from the OpenAPI spec', () => {
  it.each([
    [
      '/v1/clusters/demo/interruptions?bucket=2h',
      'bucket: must be equal to one of the allowed values: 5m, 15m, 1h, 6h, 1d',
    ],
    [
      '/v1/clusters/demo/interruptions?nodePool=General',
      'nodePool: must be a comma-separated list of NodePool names (DNS-1123 labels, at most 63 characters each) without empty items',
    ],
    [
      '/v1/clusters/demo/nodeclaims?nodePool=a,,b',
      'nodePool: must be a comma-separated list of NodePool names (DNS-1123 labels, at most 63 characters each) without empty items',
    ],
    [
      '/v1/clusters/demo/interruptions?from=yesterday',
      'from: must be an RFC 3339 date-time such as 2026-12-01T08:00:00Z',
    ],
    [
      '/v1/clusters/demo/interruptions?to=2026-12-01',
      'to: must be an RFC 3339 date-time such as 2026-12-01T08:00:00Z',
    ],
    [
      '/v1/clusters/demo/queue?since=soon',
      'since: must be an RFC 3339 date-time such as 2026-12-01T08:00:00Z',
    ],
    ['/v1/clusters/demo/nodeclaims?limit=0', 'limit: must be >= 1'],
    ['/v1/clusters/demo/nodeclaims?limit=1001', 'limit: must be <= 1000'],
    ['/v1/clusters/demo/interruptions?limit=501', 'limit: must be <= 500'],
    ['/v1/clusters/demo/nodeclaims?limit=ten', 'limit: must be integer'],
    [
      '/v1/clusters/demo/nodeclaims?state=sleeping',
      'state: must be equal to one of the allowed values: pending, launched',
    ],
    [
      '/v1/clusters/demo/nodeclaims?state=pending&state=failed',
      'state: must be string',
    ],
    [
      '/v1/clusters/demo/interruptions?reason=Nope',
      'reason: must be equal to one of the allowed values: SpotInterrupted,',
    ],
  ])('refuses %s with 400 naming the parameter', async (path, message) => {
    const res = await (await app())(path);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
    expect(res.body.error.message).toMatch(/^[A-Za-z]+: must /);
  });

  it('passes valid values, applies the spec defaults, treats empty values as absent and ignores unknown parameters', async () => {
    const get = await app();
    const claims = await get(
      '/v1/clusters/demo/nodeclaims?limit=10&nodePool=general,%20batch&state=&foo=1',
    );
    expect(claims.status).toBe(200);
    expect(claims.body).toEqual({
      params: { cluster: 'demo' },
      query: { limit: 10, nodePool: 'general, batch', foo: '1' },
    });
    const interruptions = await get(
      `/v1/clusters/demo/interruptions?from=2026-12-01T00:00:00Z&to=${encodeURIComponent(
        '2026-12-01T08:00:00.000+01:00',
      )}&bucket=&reason=SpotInterrupted`,
    );
    expect(interruptions.status).toBe(200);
    expect(interruptions.body.query).toEqual({
      from: '2026-12-01T00:00:00Z',
      to: '2026-12-01T08:00:00.000+01:00',
      bucket: '1h',
      limit: 50,
      reason: 'SpotInterrupted',
    });
  });

  it('serves the spec at /openapi.json', async () => {
    const res = await (await app())('/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toContain(
      '/api/karpenter/v1/clusters/{cluster}/interruptions',
    );
  });
});
