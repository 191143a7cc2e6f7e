import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { listRoutes } from '../__testUtils__/routes';
import { TeamClustersPolicy } from '../__testUtils__/teamClustersPolicy';
import { startKarpenterBackend } from '../__testUtils__/testBackend';
import {
  createKarpenterClusterConditionalDecision,
  karpenterClusterConditions,
} from '../permissions';

jest.setTimeout(90_000);

const ALICE = 'user:default/alice'; // team-a owns demo
const BOB = 'user:default/bob'; // team-b owns staging
const CAROL = 'user:default/carol'; // in no team
const OWNERSHIP = {
  [ALICE]: ['group:default/team-a'],
  [BOB]: ['group:default/team-b'],
};
const OWNERS = {
  demo: { owner: 'team-a' },
  staging: { owner: ['group:default/team-b'] },
};
const ACTIONS: Array<[string, object]> = [
  ['karpenter:get-entity-summary', { entityRef: 'resource:default/both' }],
  ['karpenter:list-interruptions', { cluster: 'demo' }],
  ['karpenter:explain-nodepool', { cluster: 'demo', nodePool: 'general' }],
];

describe('karpenter.cluster.read', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 200 });
    await sim.start();
  });
  afterEach(async () => {
    await sim.stop();
  });

  it('lists the routes from the router: /health and the seven /v1 routes', async () => {
    const routes = (await listRoutes()).map(r => `${r.method} ${r.route}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'get /health',
        'get /v1/clusters',
        'get /v1/clusters/:cluster/nodepools',
        'get /v1/clusters/:cluster/nodeclasses',
        'get /v1/clusters/:cluster/nodeclaims',
        'get /v1/clusters/:cluster/interruptions',
        'get /v1/clusters/:cluster/queue',
        'get /v1/entities/:namespace/:kind/:name/summary',
      ]),
    );
  });

  it('publishes the resource type, its permission and rules to the permission framework', async () => {
    const { backend } = await startKarpenterBackend(sim);
    const res = await request(backend.server)
      .get('/api/karpenter/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.permissions).toEqual([
      {
        type: 'resource',
        name: 'karpenter.cluster.read',
        attributes: { action: 'read' },
        resourceType: 'karpenter-cluster',
      },
    ]);
    expect(
      res.body.rules.map((r: any) => [
        r.name,
        r.resourceType,
        r.paramsSchema.required,
      ]),
    ).toEqual([
      ['IS_CLUSTER', 'karpenter-cluster', ['names']],
      ['IS_CLUSTER_OWNER', 'karpenter-cluster', ['claims']],
      ['IS_ENTITY_OWNER', 'karpenter-cluster', ['claims']],
    ]);
    await backend.stop();
  });

  // /health is public; /openapi.json (the API description, no cluster data) needs a Backstage
  // token but no permission, as Backstage's own plugins serve it
  const UNGUARDED = ['/health', '/openapi.json'];

  it('answers 403 on every route but /health and /openapi.json, and from every action, when the policy denies', async () => {
    const { backend, get, invoke } = await startKarpenterBackend(sim, {
      deny: true,
    });
    const routes = await listRoutes();
    expect(routes.every(r => r.method === 'get')).toBe(true);
    for (const route of routes) {
      const res = await get(route.path);
      expect([route.route, res.status]).toEqual([
        route.route,
        UNGUARDED.includes(route.route) ? 200 : 403,
      ]);
    }
    for (const [action, input] of ACTIONS) {
      const res = await invoke(action, input);
      expect([action, res.status]).toEqual([action, 403]);
    }
    await backend.stop();
  });

  describe('a conditional policy: a team sees only the clusters its Group owns', () => {
    const start = () =>
      startKarpenterBackend(sim, {
        policy: { policy: new TeamClustersPolicy(), ownership: OWNERSHIP },
        clusterOverrides: OWNERS,
      });

    it('lists each user only the clusters of their group', async () => {
      const { backend, get } = await start();
      const names = async (user: string) =>
        (await get('/v1/clusters', user)).body.items.map((c: any) => c.name);
      expect(await names(ALICE)).toEqual(['demo']);
      expect(await names(BOB)).toEqual(['staging']);
      expect(await names(CAROL)).toEqual([]);
      await backend.stop();
    });

    it('guards every cluster route: the owner reads it, another team gets 403', async () => {
      const { backend, get } = await start();
      const clusterRoutes = (await listRoutes()).filter(r =>
        r.route.includes(':cluster'),
      );
      expect(clusterRoutes.length).toBeGreaterThanOrEqual(5);
      for (const route of clusterRoutes) {
        const staging = route.path.replace('/demo/', '/staging/');
        expect([route.route, (await get(route.path, ALICE)).status]).toEqual([
          route.route,
          200,
        ]);
        expect([route.route, (await get(route.path, BOB)).status]).toEqual([
          route.route,
          403,
        ]);
        expect([route.route, (await get(staging, ALICE)).status]).toEqual([
          route.route,
          403,
        ]);
        expect([route.route, (await get(staging, BOB)).status]).toEqual([
          route.route,
          200,
        ]);
      }
      // express matches routes case-insensitively and decodes the parameter: so does the guard
      expect((await get('/v1/CLUSTERS/staging/nodepools', ALICE)).status).toBe(
        403,
      );
      expect((await get('/v1/clusters/st%61ging/queue', ALICE)).status).toBe(
        403,
      );
      const denied = await get('/v1/clusters/staging/nodepools', ALICE);
      expect(denied.body.error.message).toContain('karpenter.cluster.read');
      await backend.stop();
    });

    it('turns a denied cluster of an entity summary into a FORBIDDEN slot; the others still answer', async () => {
      const { backend, get } = await start();
      const summary = async (user: string) =>
        (await get('/v1/entities/default/resource/both/summary', user)).body;
      const alice = await summary(ALICE);
      expect(alice.clusters.map((c: any) => c.cluster)).toEqual([
        'demo',
        'staging',
      ]);
      const [aliceDemo, aliceStaging] = alice.clusters;
      expect(aliceDemo.error).toBeUndefined();
      expect(aliceDemo.nodePools.map((p: any) => p.name)).toEqual(['general']);
      expect(aliceStaging).toEqual({
        cluster: 'staging',
        health: 'unknown',
        nodePools: [],
        error: {
          code: 'FORBIDDEN',
          message: expect.stringContaining('staging'),
          permission: 'karpenter.cluster.read',
        },
      });
      // the entity's health is that of the clusters the user may read
      expect(alice.health).toBe(aliceDemo.health);

      const bob = await summary(BOB);
      expect(bob.clusters[0].error).toMatchObject({ code: 'FORBIDDEN' });
      expect(bob.clusters[1].error).toBeUndefined();
      expect(bob.clusters[1].nodePools.map((p: any) => p.name)).toEqual([
        'general',
      ]);

      const carol = await summary(CAROL);
      expect(carol.clusters.map((c: any) => c.error?.code)).toEqual([
        'FORBIDDEN',
        'FORBIDDEN',
      ]);
      expect(carol.health).toBe('unknown');
      await backend.stop();
    });

    it('lets the permission backend decide a cluster by ref (getResources), as the frontend would ask', async () => {
      const { backend } = await start();
      const decide = async (user: string, resourceRef: string) =>
        (
          await request(backend.server)
            .post('/api/permission/authorize')
            .set('Authorization', mockCredentials.user.header(user))
            .send({
              items: [
                {
                  id: '1',
                  permission: {
                    type: 'resource',
                    name: 'karpenter.cluster.read',
                    attributes: { action: 'read' },
                    resourceType: 'karpenter-cluster',
                  },
                  resourceRef,
                },
              ],
            })
        ).body.items[0].result;
      expect(await decide(ALICE, 'demo')).toBe(AuthorizeResult.ALLOW);
      expect(await decide(ALICE, 'staging')).toBe(AuthorizeResult.DENY);
      expect(await decide(BOB, 'staging')).toBe(AuthorizeResult.ALLOW);
      await backend.stop();
    });

    it('applies the same decision to the actions', async () => {
      const { backend, invoke } = await start();
      const summary = await invoke(
        'karpenter:get-entity-summary',
        { entityRef: 'resource:default/both' },
        ALICE,
      );
      expect(summary.status).toBe(200);
      expect(
        summary.body.output.clusters.map((c: any) => [
          c.cluster,
          c.error?.code,
          c.nodePools.length,
        ]),
      ).toEqual([
        ['demo', undefined, 1],
        ['staging', 'FORBIDDEN', 0],
      ]);
      for (const [action, input] of ACTIONS.slice(1)) {
        expect([action, (await invoke(action, input, ALICE)).status]).toEqual([
          action,
          200,
        ]);
        expect([action, (await invoke(action, input, BOB)).status]).toEqual([
          action,
          403,
        ]);
      }
      await backend.stop();
    });
  });

  it('IS_ENTITY_OWNER allows a cluster only for a summary of an entity the user owns', async () => {
    const DAVE = 'user:default/dave'; // team-c owns component:default/checkout (on demo)
    const { backend, get } = await startKarpenterBackend(sim, {
      policy: {
        ownership: { [DAVE]: ['group:default/team-c'] },
        policy: {
          async handle(req, user) {
            if (req.permission.name !== 'karpenter.cluster.read')
              return { result: AuthorizeResult.ALLOW };
            return createKarpenterClusterConditionalDecision(
              req.permission as any,
              karpenterClusterConditions.isEntityOwner({
                claims: user?.info.ownershipEntityRefs ?? [],
              }),
            );
          },
        },
      },
    });
    const owned = await get(
      '/v1/entities/default/component/checkout/summary',
      DAVE,
    );
    expect(owned.body.clusters[0]).toMatchObject({ cluster: 'demo' });
    expect(owned.body.clusters[0].error).toBeUndefined();
    const other = await get(
      '/v1/entities/default/resource/demo-cluster/summary',
      DAVE,
    );
    expect(other.body.clusters[0].error).toMatchObject({ code: 'FORBIDDEN' });
    // not bound to an entity: the cluster routes are denied
    expect((await get('/v1/clusters/demo/nodepools', DAVE)).status).toBe(403);
    await backend.stop();
  });

  it('docs/permissions.md shows the tested example policy verbatim', () => {
    const docs = fs.readFileSync(
      path.resolve(__dirname, '../../../../docs/permissions.md'),
      'utf8',
    );
    const example = fs
      .readFileSync(
        path.resolve(__dirname, '../__testUtils__/teamClustersPolicy.ts'),
        'utf8',
      )
      .split('\n')
      .slice(1) // the comment line saying where the example is shown
      .join('\n');
    expect(docs).toContain(example.trim());
  });
});
