import { ConfigReader } from '@backstage/config';
import { readClusterConfigs } from './readClusterConfig';

const kubernetesPlugin = {
  clusterLocatorMethods: [
    {
      type: 'config',
      clusters: [
        {
          name: 'prod',
          url: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
          authProvider: 'aws',
          authMetadata: {
            'kubernetes.io/aws-assume-role':
              'arn:aws:iam::123456789012:role/backstage',
            'kubernetes.io/aws-external-id': 'ext-1',
            'kubernetes.io/x-k8s-aws-id': 'eks-prod-1',
          },
        },
        {
          name: 'dev',
          url: 'https://dev.example.com',
          serviceAccountToken: 't',
        },
      ],
    },
    { type: 'catalog' },
  ],
};

describe('readClusterConfigs', () => {
  it('reads karpenter.clusters with defaults and durations', () => {
    const [c] = readClusterConfigs(
      new ConfigReader({
        karpenter: {
          clusters: [
            {
              name: 'demo',
              url: 'http://127.0.0.1:6443',
              authProvider: 'none',
              requestTimeout: { seconds: 2 },
              interruptionQueue: 'karpenter-demo',
              aws: {
                region: 'eu-west-1',
                sqsEndpoint: 'http://127.0.0.1:9324',
              },
            },
          ],
        },
      }),
    );
    expect(c).toMatchObject({
      name: 'demo',
      authProvider: 'none',
      requestTimeoutMs: 2000,
      skipTLSVerify: false,
      interruptionQueue: 'karpenter-demo',
      aws: { region: 'eu-west-1', sqsEndpoint: 'http://127.0.0.1:9324' },
    });
  });

  it("includes the Kubernetes plugin's config clusters, with their AWS role, when asked", () => {
    const clusters = readClusterConfigs(
      new ConfigReader({
        kubernetes: kubernetesPlugin,
        karpenter: {
          includeKubernetesPluginClusters: true,
          clusters: [
            {
              name: 'dev',
              url: 'https://own.example.com',
              authProvider: 'none',
            },
          ],
        },
      }),
    );
    expect(clusters.map(c => [c.name, c.url])).toEqual([
      ['dev', 'https://own.example.com'], // karpenter.clusters wins on a name clash
      ['prod', 'https://ABC.gr7.eu-west-1.eks.amazonaws.com'],
    ]);
    expect(clusters[1]).toMatchObject({
      authProvider: 'aws',
      aws: {
        roleArn: 'arn:aws:iam::123456789012:role/backstage',
        externalId: 'ext-1',
        clusterName: 'eks-prod-1',
      },
    });
    expect(
      readClusterConfigs(new ConfigReader({ kubernetes: kubernetesPlugin })),
    ).toEqual([]);
  });

  it('names the field of a bad cluster', () => {
    const read = (cluster: object) => () =>
      readClusterConfigs(
        new ConfigReader({ karpenter: { clusters: [cluster] } }),
      );
    expect(read({ name: 'a', url: 'ftp://x' })).toThrow(
      "karpenter.clusters[0].url must be an http(s) URL, got 'ftp://x'",
    );
    // any authProvider key: whether a strategy serves it is the registry's check
    expect(
      read({ name: 'a', url: 'https://x', authProvider: 'oidc' })(),
    ).toEqual([expect.objectContaining({ authProvider: 'oidc' })]);
    expect(() =>
      readClusterConfigs(
        new ConfigReader({
          karpenter: {
            clusters: [
              { name: 'a', url: 'https://x' },
              { name: 'a', url: 'https://y' },
            ],
          },
        }),
      ),
    ).toThrow("karpenter.clusters: duplicate cluster name 'a'");
  });

  it('refuses credentials over plain http unless loopback or allowInsecureHttp', () => {
    const read = (cluster: object) => () =>
      readClusterConfigs(
        new ConfigReader({
          karpenter: { clusters: [{ name: 'a', ...cluster }] },
        }),
      );
    expect(
      read({ url: 'http://k8s.internal:8080', serviceAccountToken: 't' }),
    ).toThrow(
      "Cluster 'a': url http://k8s.internal:8080 is plain http and authProvider serviceAccount sends credentials",
    );
    expect(
      read({ url: 'http://k8s.internal:8080', authProvider: 'aws' }),
    ).toThrow('allowInsecureHttp: true');
    expect(
      read({ url: 'http://127.0.0.1:6443', serviceAccountToken: 't' }),
    ).not.toThrow();
    expect(
      read({ url: 'http://localhost:8001', authProvider: 'aws' }),
    ).not.toThrow();
    expect(
      read({
        url: 'http://k8s.internal:8080',
        serviceAccountToken: 't',
        allowInsecureHttp: true,
      }),
    ).not.toThrow();
    // no credentials sent: nothing to protect
    expect(
      read({ url: 'http://k8s.internal:8080', authProvider: 'none' }),
    ).not.toThrow();
  });

  it("keeps an imported cluster's auth provider and metadata for the registry's strategies", () => {
    const withProvider =
      (authProvider: string, own: object[] = []) =>
      () =>
        readClusterConfigs(
          new ConfigReader({
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'gke',
                      url: 'https://gke.example.com',
                      authProvider,
                    },
                  ],
                },
              ],
            },
            karpenter: { includeKubernetesPluginClusters: true, clusters: own },
          }),
        );
    expect(withProvider('google')()).toEqual([
      expect.objectContaining({
        name: 'gke',
        authProvider: 'google',
        authMetadata: { 'kubernetes.io/auth-provider': 'google' },
        source: 'kubernetes.clusterLocatorMethods',
      }),
    ]);
    // configured in karpenter.clusters as well: that one is used, the import is not
    expect(
      withProvider('google', [
        { name: 'gke', url: 'https://gke.example.com', authProvider: 'none' },
      ])(),
    ).toHaveLength(1);
    expect(withProvider('localKubectlProxy')()).toEqual([
      expect.objectContaining({ name: 'gke', authProvider: 'none' }),
    ]);
  });
});
