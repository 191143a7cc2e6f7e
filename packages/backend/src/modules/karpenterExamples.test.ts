import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import karpenterPlugin from '@karpenter-backstage/plugin-karpenter-backend';
import request from 'supertest';
import {
  karpenterCatalogClustersModule,
  urlPattern,
} from './karpenterCatalogClusters';
import { karpenterTokenFileAuthModule } from './karpenterTokenFileAuth';

jest.setTimeout(60_000);

async function start(options: {
  karpenter: object;
  entities?: Entity[];
  features: BackendFeature[];
}) {
  const backend = await startTestBackend({
    features: [
      karpenterPlugin,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      mockServices.rootConfig.factory({
        data: { karpenter: options.karpenter },
      }),
      ...options.features,
    ],
  });
  const get = (path: string) =>
    request(backend.server)
      .get(`/api/karpenter${path}`)
      .set('Authorization', mockCredentials.user.header());
  return { backend, get };
}

const clusterResource = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'kubernetes-cluster', owner: 'platform' },
});

describe('example module: clusters from catalog kubernetes-cluster Resources', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await new Simulator({ scenario: 'demo' }).start();
  });
  afterAll(() => sim.stop());

  const url = (name: string) => sim.clusters.find(c => c.name === name)!.url;
  const entities = () => [
    clusterResource('staging', { 'kubernetes.io/api-server': url('staging') }),
    // not on the allow-list: never contacted
    clusterResource('metadata', {
      'kubernetes.io/api-server': 'http://169.254.169.254/latest',
    }),
    // user info would make a naive pattern match another host
    clusterResource('sneaky', {
      'kubernetes.io/api-server': `http://127.0.0.1:1@169.254.169.254`,
    }),
    clusterResource('no-url', {}),
  ];

  it('adds the allow-listed catalog clusters when enabled, and reads them', async () => {
    const { backend, get } = await start({
      karpenter: {
        clusters: [{ name: 'demo', url: url('demo'), authProvider: 'none' }],
        catalogClusters: {
          enabled: true,
          allowedUrls: ['http://127.0.0.1:*'],
          authProvider: 'none',
        },
      },
      entities: entities(),
      features: [karpenterCatalogClustersModule],
    });
    const names = (await get('/v1/clusters')).body.items.map(
      (c: any) => c.name,
    );
    // metadata, sneaky and no-url are skipped: their URLs are not on the allow-list
    expect(names).toEqual(['demo', 'staging']);
    const res = await get('/v1/clusters/staging/nodepools');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    await backend.stop();
  });

  it('adds nothing unless karpenter.catalogClusters.enabled', async () => {
    const { backend, get } = await start({
      karpenter: {
        clusters: [{ name: 'demo', url: url('demo'), authProvider: 'none' }],
      },
      entities: entities(),
      features: [karpenterCatalogClustersModule],
    });
    expect(
      (await get('/v1/clusters')).body.items.map((c: any) => c.name),
    ).toEqual(['demo']);
    await backend.stop();
  });

  it('matches URL patterns on whole URLs, * not crossing /', () => {
    const p = urlPattern('https://*.eks.amazonaws.com');
    expect(p.test('https://ABC.gr7.eu-west-1.eks.amazonaws.com')).toBe(true);
    expect(p.test('https://evil.com/x.eks.amazonaws.com')).toBe(false);
    expect(p.test('https://eks.amazonaws.com.evil.com')).toBe(false);
  });
});

describe('example module: tokenFile auth strategy', () => {
  let sim: Simulator;
  let dir: string;
  beforeAll(async () => {
    sim = await new Simulator({ scenario: 'faults' }).start();
    dir = mkdtempSync(join(tmpdir(), 'karpenter-token-'));
  });
  afterAll(async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const secured = () => sim.clusters.find(c => c.name === 'secured')!;
  const withTokenFile = (content: string) => {
    const file = join(dir, `token-${Math.random()}`);
    writeFileSync(file, `${content}\n`);
    return {
      clusters: [
        {
          name: 'secured',
          url: secured().url,
          authProvider: 'tokenFile',
          authMetadata: { tokenFile: file },
        },
      ],
    };
  };

  it("sends the file's token: accepted by the simulator; another token is refused", async () => {
    const ok = await start({
      karpenter: withTokenFile(secured().token!),
      features: [karpenterTokenFileAuthModule],
    });
    expect((await ok.get('/v1/clusters/secured/nodepools')).status).toBe(200);
    await ok.backend.stop();

    const wrong = await start({
      karpenter: withTokenFile('not-the-token'),
      features: [karpenterTokenFileAuthModule],
    });
    const res = await wrong.get('/v1/clusters/secured/nodepools');
    expect(res.status).toBe(503);
    expect(res.body.error.message).toContain('UNAUTHORIZED');
    await wrong.backend.stop();
  });

  it('fails start-up when the cluster names neither a token file nor a variable', async () => {
    await expect(
      start({
        karpenter: {
          clusters: [
            { name: 'secured', url: secured().url, authProvider: 'tokenFile' },
          ],
        },
        features: [karpenterTokenFileAuthModule],
      }),
    ).rejects.toThrow(
      "Cluster 'secured' (from karpenter.clusters): authProvider 'tokenFile' refuses its settings: set exactly one of authMetadata.tokenFile and tokenEnv",
    );
  });
});
