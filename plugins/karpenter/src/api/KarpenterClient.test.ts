import { mockApis, MockFetchApi } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  CostHistoryQuery,
  InterruptionQuery,
  NodeClaimQuery,
} from './KarpenterApi';
import { KarpenterClient } from './KarpenterClient';

const BASE = 'http://karpenter.test/api/karpenter';
const server = setupServer();

describe('KarpenterClient', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const client = new KarpenterClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://karpenter.test' }),
    fetchApi: new MockFetchApi(),
  });

  /** Answers every GET with `body` and records the URLs asked for. */
  function record(body: unknown = {}) {
    const urls: URL[] = [];
    server.use(
      http.get(`${BASE}/*`, ({ request }) => {
        urls.push(new URL(request.url));
        return HttpResponse.json(body as any);
      }),
    );
    return urls;
  }

  it('sends every query parameter the spec declares for NodeClaims, lists as comma lists', async () => {
    const urls = record({ cluster: 'demo', items: [], total: 0 });
    // Required<>: a parameter added to the spec and not sent here fails the type check.
    const query: Required<NodeClaimQuery> = {
      nodePool: ['general', 'batch'],
      state: 'drifted',
      limit: 10,
      cursor: 'abc',
    };
    await client.getNodeClaims('demo cluster', query);
    expect(urls[0].pathname).toBe(
      '/api/karpenter/v1/clusters/demo%20cluster/nodeclaims',
    );
    expect(Object.fromEntries(urls[0].searchParams)).toEqual({
      nodePool: 'general,batch',
      state: 'drifted',
      limit: '10',
      cursor: 'abc',
    });
  });

  it('sends every query parameter the spec declares for interruptions and leaves out the absent ones', async () => {
    const urls = record({});
    const query: Required<InterruptionQuery> = {
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-02T00:00:00.000Z',
      bucket: '15m',
      nodePool: 'general',
      reason: 'SpotInterrupted',
      limit: 50,
      cursor: 'c1',
      noticeCursor: 'n1',
    };
    await client.getInterruptions('demo', query);
    expect(Object.fromEntries(urls[0].searchParams)).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-02T00:00:00.000Z',
      bucket: '15m',
      nodePool: 'general',
      reason: 'SpotInterrupted',
      limit: '50',
      cursor: 'c1',
      noticeCursor: 'n1',
    });
    await client.getInterruptions('demo', { bucket: '1h', nodePool: [] });
    expect(urls[1].search).toBe('?bucket=1h');
    await client.getQueue('demo', '2026-12-01T00:00:00.000Z');
    expect(urls[2].pathname).toBe('/api/karpenter/v1/clusters/demo/queue');
    expect(urls[2].searchParams.get('since')).toBe('2026-12-01T00:00:00.000Z');
  });

  it('sends every query parameter the spec declares for the cost history, lists as comma lists', async () => {
    const answer = {
      cluster: 'demo cluster',
      bucketMs: 21_600_000,
      points: [
        {
          time: '2026-12-01T00:00:00.000Z',
          hourly: 1.5,
          onDemandEquivalentHourly: 2.5,
          pricedNodes: 3,
          unpricedNodes: 0,
        },
      ],
    };
    const urls = record(answer);
    const query: Required<CostHistoryQuery> = {
      from: '2026-11-24T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      bucket: '6h',
      nodePool: ['general', 'batch'],
    };
    expect(await client.getCostHistory('demo cluster', query)).toEqual(answer);
    expect(urls[0].pathname).toBe(
      '/api/karpenter/v1/clusters/demo%20cluster/cost',
    );
    expect(Object.fromEntries(urls[0].searchParams)).toEqual({
      from: '2026-11-24T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      bucket: '6h',
      nodePool: 'general,batch',
    });
    await client.getCostHistory('demo', { bucket: '1h', nodePool: [] });
    expect(urls[1].search).toBe('?bucket=1h');
    await client.getCostHistory('demo');
    expect(urls[2].search).toBe('');
  });

  it('fills the path parameters of the spec paths and unwraps the lists', async () => {
    const urls = record({ cluster: 'demo', items: [{ name: 'general' }] });
    expect(await client.getNodePools('demo')).toEqual([{ name: 'general' }]);
    expect(await client.getNodeClasses('demo')).toEqual([{ name: 'general' }]);
    await client.getEntitySummary({
      namespace: 'default',
      kind: 'Component',
      name: 'a/b',
    });
    expect(urls.map(u => u.pathname)).toEqual([
      '/api/karpenter/v1/clusters/demo/nodepools',
      '/api/karpenter/v1/clusters/demo/nodeclasses',
      '/api/karpenter/v1/entities/default/Component/a%2Fb/summary',
    ]);
  });

  it('reads the values of a cluster entity by ref string or compound ref, segments encoded', async () => {
    const values = {
      entityRef: 'resource:default/prod-eu',
      clusterName: 'prod-eu',
      valuesUrl:
        'https://github.com/acme/prod-eu/blob/main/karpenter-values.yaml',
      catalogInfoUrl:
        'https://github.com/acme/prod-eu/blob/main/catalog-info.yaml',
      repoUrl: 'github.com?owner=acme&repo=prod-eu',
      targetBranch: 'main',
      values: { clusterName: 'prod-eu', nodePools: [{ name: 'general' }] },
    };
    const urls = record(values);
    expect(await client.getEntityValues('resource:default/prod-eu')).toEqual(
      values,
    );
    await client.getEntityValues('resource:prod eu');
    await client.getEntityValues({
      kind: 'Resource',
      namespace: 'team/a',
      name: 'x y',
    });
    expect(urls.map(u => u.pathname)).toEqual([
      '/api/karpenter/v1/entities/default/resource/prod-eu/values',
      '/api/karpenter/v1/entities/default/resource/prod%20eu/values',
      '/api/karpenter/v1/entities/team%2Fa/Resource/x%20y/values',
    ]);
  });

  it.each([
    [
      404,
      'NotFoundError',
      'resource:default/prod-eu has no karpenter-values.yaml',
    ],
    [400, 'InputError', 'nodePools[0].name: is required'],
  ])(
    'throws the values error %s as a ResponseError with the backend message',
    async (status, name, message) => {
      server.use(
        http.get(`${BASE}/v1/entities/default/resource/prod-eu/values`, () =>
          HttpResponse.json(
            {
              error: { name, message },
              request: { method: 'GET', url: '/x' },
              response: { statusCode: status },
            },
            { status },
          ),
        ),
      );
      const error = await client
        .getEntityValues('resource:default/prod-eu')
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.response.status).toBe(status);
      expect(error.body.error.message).toBe(message);
    },
  );

  it('throws the backend error (400 naming the parameter) as a ResponseError', async () => {
    server.use(
      http.get(`${BASE}/v1/clusters/demo/interruptions`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'bucket: must be equal to one of the allowed values',
            },
            request: { method: 'GET', url: '/x' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client
      .getInterruptions('demo', { bucket: '1h' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(400);
    expect(error.body.error.message).toMatch(/^bucket: /);
  });

  it('throws a cost history error (400 naming the parameter) as a ResponseError', async () => {
    server.use(
      http.get(`${BASE}/v1/clusters/demo/cost`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'from: must be before to',
            },
            request: { method: 'GET', url: '/x' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client
      .getCostHistory('demo', {
        from: '2026-12-02T00:00:00.000Z',
        to: '2026-12-01T00:00:00.000Z',
        bucket: '1h',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(400);
    expect(error.body.error.message).toMatch(/^from: /);
  });
});
