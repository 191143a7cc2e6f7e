import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import {
  fromKubernetesAuthStrategy,
  KarpenterAuthStrategy,
  karpenterAuthStrategyExtensionPoint,
  KarpenterClusterDetails,
  karpenterClusterSupplierExtensionPoint,
  DefaultKarpenterQueueClientFactory,
  karpenterQueueClientFactoryServiceRef,
  KarpenterQueueTarget,
} from '@karpenter-backstage/plugin-karpenter-node';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import {
  clustersConfig,
  startKarpenterBackend,
} from '../__testUtils__/testBackend';
import {
  startWithScheduler,
  STORM,
  until,
} from '../__testUtils__/interruptionsBackend';

jest.setTimeout(60_000);

const supplierModule = (
  getClusters: () => Promise<KarpenterClusterDetails[]>,
) =>
  createBackendModule({
    pluginId: 'karpenter',
    moduleId: 'test-supplier',
    register(env) {
      env.registerInit({
        deps: { clusters: karpenterClusterSupplierExtensionPoint },
        async init({ clusters }) {
          clusters.addClusterSupplier({ name: 'test', getClusters });
        },
      });
    },
  });

const strategyModule = (key: string, strategy: KarpenterAuthStrategy) =>
  createBackendModule({
    pluginId: 'karpenter',
    moduleId: `test-auth-${key}`,
    register(env) {
      env.registerInit({
        deps: { auth: karpenterAuthStrategyExtensionPoint },
        async init({ auth }) {
          auth.addAuthStrategy(key, strategy);
        },
      });
    },
  });

const names = (body: any) => body.items.map((c: any) => c.name);
const nodePools = (body: any) => body.items.map((p: any) => p.name);

describe('cluster supplier extension point', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await new Simulator({ scenario: 'demo' }).start();
  });
  afterAll(() => sim.stop());

  const [demo, staging] = ['demo', 'staging'].map(
    name => (): KarpenterClusterDetails => {
      const c = clustersConfig(sim).find(x => x.name === name)!;
      return { name: c.name, url: c.url, authProvider: 'none' };
    },
  );

  it('adds the clusters of a module next to app-config, and reads them', async () => {
    const { backend, get } = await startKarpenterBackend(sim, {
      config: { clusters: [clustersConfig(sim)[0]] },
      features: [supplierModule(async () => [staging()])],
    });
    expect(names((await get('/v1/clusters')).body)).toEqual([
      'demo',
      'staging',
    ]);
    const res = await get('/v1/clusters/staging/nodepools');
    expect(res.status).toBe(200);
    expect(nodePools(res.body).sort()).toEqual(
      sim
        .cluster('staging')
        .list('NodePool')
        .map(p => p.metadata.name)
        .sort(),
    );
    await backend.stop();
  });

  it('refreshes: a cluster the supplier drops goes away, one it adds appears', async () => {
    let supplied = [staging()];
    const { backend, get } = await startKarpenterBackend(sim, {
      config: { clusters: [], clusterRefreshInterval: { seconds: 1 } },
      // the real scheduler: the mock one runs tasks only at start-up
      features: [schedulerServiceFactory, supplierModule(async () => supplied)],
    });
    expect(names((await get('/v1/clusters')).body)).toEqual(['staging']);
    supplied = [{ ...demo(), title: 'Demo (supplied)' }];
    await new Promise(r => setTimeout(r, 2_500));
    expect((await get('/v1/clusters')).body.items).toEqual([
      expect.objectContaining({ name: 'demo', title: 'Demo (supplied)' }),
    ]);
    expect((await get('/v1/clusters/staging/nodepools')).status).toBe(404);
    expect((await get('/v1/clusters/demo/nodepools')).status).toBe(200);
    await backend.stop();
  });

  it('fails start-up on a cluster name that app-config and a supplier both use', async () => {
    await expect(
      startKarpenterBackend(sim, {
        config: { clusters: [clustersConfig(sim)[0]] },
        features: [supplierModule(async () => [demo()])],
      }),
    ).rejects.toThrow(
      "duplicate cluster name 'demo' (from karpenter.clusters and cluster supplier 'test')",
    );
  });
});

describe('auth strategy extension point', () => {
  let sim: Simulator;
  let token: string;
  beforeAll(async () => {
    sim = await new Simulator({ scenario: 'faults' }).start();
    token = sim.clusters.find(c => c.name === 'secured')!.token!;
  });
  afterAll(() => sim.stop());

  const vault = (issued: string): KarpenterAuthStrategy => ({
    getCredential: async () => ({ type: 'bearer token', token: issued }),
  });
  const viaVault = () => ({
    secured: { authProvider: 'vault', serviceAccountToken: undefined },
  });

  it("sends the strategy's token for the cluster: the simulator accepts it and refuses others", async () => {
    sim.requests.splice(0);
    const ok = await startKarpenterBackend(sim, {
      clusterOverrides: viaVault(),
      features: [strategyModule('vault', vault(token))],
    });
    const res = await ok.get('/v1/clusters/secured/nodepools');
    expect(res.status).toBe(200);
    expect(nodePools(res.body)).toEqual(['general']);
    const statuses = () =>
      sim.requests
        .splice(0)
        .filter(r => r.cluster === 'secured' && r.service === 'k8s')
        .map(r => r.status);
    expect(statuses()).not.toContain(401);
    await ok.backend.stop();

    const wrong = await startKarpenterBackend(sim, {
      clusterOverrides: viaVault(),
      features: [strategyModule('vault', vault('not-the-token'))],
    });
    const refused = await wrong.get('/v1/clusters/secured/nodepools');
    expect(refused.status).toBe(503);
    expect(refused.body.error.message).toContain('UNAUTHORIZED');
    expect(statuses()).toContain(401); // the simulator checked the token
    await wrong.backend.stop();
  });

  it('fails start-up for a cluster whose authProvider has no strategy', async () => {
    await expect(
      startKarpenterBackend(sim, { clusterOverrides: viaVault() }),
    ).rejects.toThrow(
      "Cluster 'secured' (from karpenter.clusters) has authProvider 'vault', for which the Karpenter plugin has no auth strategy",
    );
  });

  const kubernetesPluginConfig = () => ({
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'gke-imported',
              url: sim.clusters.find(c => c.name === 'secured')!.url,
              authProvider: 'google',
              authMetadata: { 'example.com/project': 'p-1' },
            },
          ],
        },
      ],
    },
  });

  it('fails start-up for an imported Kubernetes-plugin cluster with an unsupported provider, telling how to add one', async () => {
    const started = startKarpenterBackend(sim, {
      config: { clusters: [], includeKubernetesPluginClusters: true },
      rootConfig: kubernetesPluginConfig(),
    });
    await expect(started).rejects.toThrow(
      "Cluster 'gke-imported' (from kubernetes.clusterLocatorMethods) has authProvider 'google'",
    );
    await expect(started).rejects.toThrow(
      'karpenterAuthStrategyExtensionPoint',
    );
  });

  it("serves the imported cluster with the Kubernetes plugin's own strategy, adapted", async () => {
    const seen: Array<Record<string, string>> = [];
    const google: AuthenticationStrategy = {
      async getCredential(cluster) {
        seen.push(cluster.authMetadata);
        return { type: 'bearer token', token };
      },
      validateCluster: () => [],
      presentAuthMetadata: () => ({}),
    };
    const { backend, get } = await startKarpenterBackend(sim, {
      config: { clusters: [], includeKubernetesPluginClusters: true },
      rootConfig: kubernetesPluginConfig(),
      features: [strategyModule('google', fromKubernetesAuthStrategy(google))],
    });
    const res = await get('/v1/clusters/gke-imported/nodepools');
    expect(res.status).toBe(200);
    expect(nodePools(res.body)).toEqual(['general']);
    expect(seen[0]).toMatchObject({
      'kubernetes.io/auth-provider': 'google',
      'example.com/project': 'p-1',
    });
    await backend.stop();
  });
});

describe('queue client factory service', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await new Simulator({ scenario: STORM }).start();
  });
  afterAll(() => sim.stop());

  it('is replaced by a service factory of the integrator, and its clients read the queue', async () => {
    const targets: KarpenterQueueTarget[] = [];
    const ownFactory = createServiceFactory({
      service: karpenterQueueClientFactoryServiceRef,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) => {
        const fallback = DefaultKarpenterQueueClientFactory.fromConfig(config);
        return {
          clientFor: async target => {
            targets.push(target);
            return fallback.clientFor(target);
          },
        };
      },
    });
    const { backend, get } = await startWithScheduler(sim, [ownFactory]);
    const status = await until('a queue sample', async () => {
      const res = await get('/v1/clusters/demo/queue');
      return res.body.latest ? res.body : undefined;
    });
    expect(status.state).toBe('ok');
    expect(targets[0]).toMatchObject({
      cluster: 'demo',
      queue: 'karpenter-demo',
      endpoint: sim.sqsEndpoint,
    });
    // read-only: the backend's calls are GetQueueUrl and GetQueueAttributes only
    const calls = sim.requests.filter(r => r.service === 'sqs' && !r.by);
    expect(calls.length).toBeGreaterThan(0);
    expect([...new Set(calls.map(r => r.action))].sort()).toEqual([
      'GetQueueAttributes',
      'GetQueueUrl',
    ]);
    await backend.stop();
  });
});
