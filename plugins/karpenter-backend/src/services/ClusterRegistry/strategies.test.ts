import { KarpenterAuthStrategy } from '@karpenter-backstage/plugin-karpenter-node';
import { DefaultClusterRegistry } from './DefaultClusterRegistry';
import { ClusterConfig } from './types';

function cluster(overrides: Partial<ClusterConfig>): ClusterConfig {
  return {
    name: 'c1',
    url: 'https://k8s.example.com',
    authProvider: 'vault',
    skipTLSVerify: false,
    requestTimeoutMs: 5000,
    aws: {},
    ...overrides,
  };
}

describe('DefaultClusterRegistry with auth strategies', () => {
  it('refuses a cluster whose authProvider has no strategy, naming cluster, source and the fix', () => {
    expect(
      () =>
        new DefaultClusterRegistry([
          cluster({
            name: 'gke',
            authProvider: 'google',
            source: 'kubernetes.clusterLocatorMethods',
          }),
        ]),
    ).toThrow(
      /Cluster 'gke' \(from kubernetes.clusterLocatorMethods\) has authProvider 'google', for which the Karpenter plugin has no auth strategy.*karpenterAuthStrategyExtensionPoint/,
    );
  });

  it("sends a strategy's bearer token and passes renew after a 401", async () => {
    const getCredential = jest.fn(async (_c, { renew }) => ({
      type: 'bearer token' as const,
      token: renew ? 'fresh' : 'cached',
    }));
    const registry = new DefaultClusterRegistry([cluster({})], undefined, {
      strategies: new Map([['vault', { getCredential }]]),
    });
    const kc = await registry.kubeConfig('c1');
    expect(kc.getCurrentUser()?.token).toBe('cached');
    expect(kc.getCurrentCluster()?.server).toBe('https://k8s.example.com');
    expect(
      (await registry.kubeConfig('c1', { renew: true })).getCurrentUser()
        ?.token,
    ).toBe('fresh');
    expect(getCredential).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'c1', authProvider: 'vault' }),
      { renew: true },
    );
  });

  it('sends an x509 client certificate as base64 cert and key data', async () => {
    const strategy: KarpenterAuthStrategy = {
      getCredential: async () => ({
        type: 'x509 client certificate',
        cert: '-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n',
        key: 'S0VZ',
      }),
    };
    const registry = new DefaultClusterRegistry([cluster({})], undefined, {
      strategies: new Map([['vault', strategy]]),
    });
    const user = (await registry.kubeConfig('c1')).getCurrentUser();
    expect(Buffer.from(user!.certData!, 'base64').toString()).toContain(
      'BEGIN CERTIFICATE',
    );
    expect(user!.keyData).toBe('S0VZ');
    expect(user!.token).toBeUndefined();
  });

  it("reports a strategy's validateCluster problems at start-up", () => {
    const strategy: KarpenterAuthStrategy = {
      getCredential: async () => ({ type: 'anonymous' }),
      validateCluster: c =>
        c.authMetadata?.role ? [] : [new Error('authMetadata.role is missing')],
    };
    const strategies = new Map([['vault', strategy]]);
    expect(
      () =>
        new DefaultClusterRegistry([cluster({})], undefined, { strategies }),
    ).toThrow(
      "Cluster 'c1': authProvider 'vault' refuses its settings: authMetadata.role is missing",
    );
    expect(
      () =>
        new DefaultClusterRegistry(
          [cluster({ authMetadata: { role: 'r' } })],
          undefined,
          { strategies },
        ),
    ).not.toThrow();
  });

  it('lets a module replace a built-in strategy', async () => {
    const registry = new DefaultClusterRegistry(
      [cluster({ authProvider: 'aws' })],
      undefined,
      {
        strategies: new Map([
          [
            'aws',
            {
              getCredential: async () => ({
                type: 'bearer token' as const,
                token: 'from-module',
              }),
            },
          ],
        ]),
      },
    );
    expect((await registry.kubeConfig('c1')).getCurrentUser()?.token).toBe(
      'from-module',
    );
  });

  it('refuses credentials of a custom strategy over plain http to a remote host', () => {
    const strategies = new Map([
      [
        'vault',
        { getCredential: async () => ({ type: 'anonymous' as const }) },
      ],
    ]);
    expect(
      () =>
        new DefaultClusterRegistry(
          [cluster({ url: 'http://k8s.internal' })],
          undefined,
          { strategies },
        ),
    ).toThrow('allowInsecureHttp');
  });

  it('replaces its clusters on a refresh, keeping the old ones when the new list is invalid', () => {
    const registry = new DefaultClusterRegistry([
      cluster({ name: 'a', authProvider: 'none' }),
      cluster({ name: 'b', authProvider: 'none' }),
    ]);
    expect(
      registry.replaceClusters([
        cluster({ name: 'b', authProvider: 'none', title: 'B' }),
        cluster({ name: 'c', authProvider: 'none' }),
      ]),
    ).toEqual({ added: ['c'], removed: ['a'], changed: ['b'] });
    expect(() => registry.get('a')).toThrow("No cluster named 'a'");
    expect(() =>
      registry.replaceClusters([
        cluster({ name: 'x', authProvider: 'none', source: 'supplier 1' }),
        cluster({ name: 'x', authProvider: 'none', source: 'supplier 2' }),
      ]),
    ).toThrow("duplicate cluster name 'x' (from supplier 1 and supplier 2)");
    expect(registry.list().map(c => c.name)).toEqual(['b', 'c']);
  });
});
