import { Entity } from '@backstage/catalog-model';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { TeamClustersPolicy } from '../__testUtils__/teamClustersPolicy';
import { startKarpenterBackend } from '../__testUtils__/testBackend';

jest.setTimeout(90_000);

/** A cluster repository's values file, as the create template writes it (karpenter:values:render). */
const VALUES = (
  clusterName: string,
) => `# The values this repository was rendered from
clusterName: ${clusterName}
awsRegion: eu-west-1
environment: prod
namespace: karpenter
serviceAccountName: karpenter
helmChartVersion: 1.14.1
moduleSource: git::https://example.com/karpenter.git?ref=v1.0.0
nodePools:
  - name: general
    preset: general
    limits:
      cpu: "100"
  - name: batch
    preset: batch
`;

/** Files of repositories served over plain HTTP on loopback (as a raw file host would). */
function startFileServer(files: Record<string, string>) {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files[req.url ?? ''];
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/yaml' }).end(body);
  });
  return new Promise<{ base: string; requests: string[]; close(): void }>(
    resolve =>
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        resolve({
          base: `http://127.0.0.1:${port}`,
          requests,
          close: () => server.close(),
        });
      }),
  );
}

function clusterEntity(
  name: string,
  cluster: string,
  location: string,
  extra: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'karpenter.sh/cluster': cluster,
        'backstage.io/managed-by-location': location,
        ...extra,
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'team-a' },
  };
}

describe('GET /v1/entities/:namespace/:kind/:name/values', () => {
  let sim: Simulator;
  let files: Awaited<ReturnType<typeof startFileServer>>;
  let other: Awaited<ReturnType<typeof startFileServer>>;

  beforeAll(async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 200 });
    await sim.start();
    files = await startFileServer({
      '/acme/prod-eu/karpenter-values.yaml': VALUES('prod-eu'),
      '/acme/demo/karpenter-values.yaml': VALUES('demo'),
      '/acme/broken/karpenter-values.yaml': VALUES('broken').replace(
        'cpu: "100"',
        'cpu: "lots"',
      ),
      '/acme/other/karpenter-values.yaml': VALUES('somewhere-else'),
    });
    // a host the backend may not read (not in backend.reading.allow)
    other = await startFileServer({
      '/acme/hidden/karpenter-values.yaml': VALUES('hidden'),
    });
  });
  afterAll(async () => {
    files.close();
    other.close();
    await sim.stop();
  });

  const start = () => {
    const at = (repo: string, base = files.base) =>
      `url:${base}/acme/${repo}/catalog-info.yaml`;
    return startKarpenterBackend(sim, {
      rootConfig: {
        backend: {
          reading: { allow: [{ host: new URL(files.base).host }] },
        },
      },
      entities: [
        clusterEntity('prod-eu', 'prod-eu', at('prod-eu'), {
          'github.com/project-slug': 'acme/prod-eu',
        }),
        clusterEntity('demo-repo', 'demo', at('demo')),
        clusterEntity('broken', 'broken', at('broken')),
        clusterEntity('mismatch', 'mismatch', at('other')),
        clusterEntity('created-by-hand', 'by-hand', at('by-hand')),
        clusterEntity('hidden', 'hidden', at('hidden', other.base)),
        clusterEntity('from-a-file', 'local', 'file:/tmp/catalog-info.yaml'),
      ],
      policy: {
        policy: new TeamClustersPolicy(),
        ownership: {
          'user:default/alice': ['group:default/team-a'],
          'user:default/bob': ['group:default/team-b'],
        },
      },
      clusterOverrides: { demo: { owner: 'team-a' } },
    });
  };

  it('reads karpenter-values.yaml beside the catalog file and says where a change goes', async () => {
    const { backend, get } = await start();
    const res = await get('/v1/entities/default/resource/prod-eu/values');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'resource:default/prod-eu',
      clusterName: 'prod-eu',
      valuesUrl: `${files.base}/acme/prod-eu/karpenter-values.yaml`,
      catalogInfoUrl: `${files.base}/acme/prod-eu/catalog-info.yaml`,
      repoUrl: 'github.com?owner=acme&repo=prod-eu',
      values: expect.objectContaining({
        clusterName: 'prod-eu',
        awsRegion: 'eu-west-1',
        nodePools: [
          expect.objectContaining({
            name: 'general',
            preset: 'general',
            limits: { cpu: '100' },
          }),
          expect.objectContaining({ name: 'batch', preset: 'batch' }),
        ],
      }),
    });
    await backend.stop();
  });

  it('answers 404 naming the file when the repository has none, and for an unknown entity', async () => {
    const { backend, get } = await start();
    const missing = await get(
      '/v1/entities/default/resource/created-by-hand/values',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain(
      `has no karpenter-values.yaml (looked at ${files.base}/acme/by-hand/karpenter-values.yaml)`,
    );
    const unknown = await get('/v1/entities/default/resource/nope/values');
    expect(unknown.status).toBe(404);
    await backend.stop();
  });

  it('answers 400 naming the invalid field, a values file of another cluster, and a non-cluster entity', async () => {
    const { backend, get } = await start();
    const broken = await get('/v1/entities/default/resource/broken/values');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(
      /^karpenter-values\.yaml of resource:default\/broken is invalid: nodePools\[0\]\.limits\.cpu: /,
    );
    const mismatch = await get('/v1/entities/default/resource/mismatch/values');
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.message).toContain(
      'is for cluster somewhere-else',
    );
    // a service that runs on a cluster carries karpenter.sh/cluster too: not a cluster entity
    const service = await get('/v1/entities/default/component/checkout/values');
    expect(service.status).toBe(400);
    expect(service.body.error.message).toContain(
      'is not a Karpenter cluster entity',
    );
    const local = await get('/v1/entities/default/resource/from-a-file/values');
    expect(local.status).toBe(400);
    expect(local.body.error.message).toContain('from a file location');
    await backend.stop();
  });

  it('reads only what the URL reader allows, and keeps its error text in the log', async () => {
    const { backend, get } = await start();
    const res = await get('/v1/entities/default/resource/hidden/values');
    expect(res.status).toBe(503);
    expect(res.body.error.message).toContain(
      'Could not read karpenter-values.yaml of resource:default/hidden',
    );
    // the reader's own words ("Reading from '…' is not allowed …") stay in the log
    expect(res.body.error.message).not.toMatch(/is not allowed/);
    expect(other.requests).toEqual([]);
    await backend.stop();
  });

  it('needs karpenter.cluster.read for a cluster of app-config, not for one the portal does not read', async () => {
    const { backend, get } = await start();
    const path = '/v1/entities/default/resource/demo-repo/values';
    expect((await get(path, 'user:default/alice')).status).toBe(200);
    expect((await get(path, 'user:default/bob')).status).toBe(403);
    expect(
      (
        await get(
          '/v1/entities/default/resource/prod-eu/values',
          'user:default/bob',
        )
      ).status,
    ).toBe(200);
    await backend.stop();
  });
});
