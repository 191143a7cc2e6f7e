import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { DefaultClusterRegistry } from './DefaultClusterRegistry';
import { createEksToken } from './eksToken';
import { ClusterConfig } from './types';

jest.mock('./eksToken', () => ({
  createEksToken: jest.fn(async () => 'k8s-aws-v1.signed'),
}));

const aws: AwsCredentialsManager = {
  getCredentialProvider: async () => ({
    sdkCredentialProvider: async () => ({
      accessKeyId: 'AKID',
      secretAccessKey: 's',
    }),
  }),
};

function cluster(overrides: Partial<ClusterConfig>): ClusterConfig {
  return {
    name: 'prod',
    url: 'https://ABCDEF.gr7.eu-central-1.eks.amazonaws.com',
    authProvider: 'aws',
    skipTLSVerify: false,
    requestTimeoutMs: 5000,
    aws: {},
    ...overrides,
  };
}

describe('DefaultClusterRegistry', () => {
  beforeEach(() => jest.mocked(createEksToken).mockClear());

  it('signs an EKS token for the cluster name and the region of its endpoint, and reuses it', async () => {
    const registry = new DefaultClusterRegistry([cluster({})], aws);
    const kc = await registry.kubeConfig('prod');
    expect(kc.getCurrentUser()?.token).toBe('k8s-aws-v1.signed');
    expect(createEksToken).toHaveBeenCalledWith(
      expect.objectContaining({ clusterName: 'prod', region: 'eu-central-1' }),
    );
    await registry.kubeConfig('prod');
    expect(createEksToken).toHaveBeenCalledTimes(1);
  });

  it('uses aws.clusterName and aws.region when set', async () => {
    const registry = new DefaultClusterRegistry(
      [cluster({ aws: { clusterName: 'eks-prod-1', region: 'eu-west-1' } })],
      aws,
    );
    await registry.kubeConfig('prod');
    expect(createEksToken).toHaveBeenCalledWith(
      expect.objectContaining({
        clusterName: 'eks-prod-1',
        region: 'eu-west-1',
      }),
    );
  });

  it('sends a service account token, and no token for authProvider none', async () => {
    const registry = new DefaultClusterRegistry([
      cluster({
        name: 'sa',
        url: 'https://k8s.example.com',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'sa-token',
      }),
      cluster({
        name: 'open',
        url: 'http://127.0.0.1:6443',
        authProvider: 'none',
      }),
    ]);
    expect((await registry.kubeConfig('sa')).getCurrentUser()?.token).toBe(
      'sa-token',
    );
    const open = await registry.kubeConfig('open');
    expect(open.getCurrentUser()?.token).toBeUndefined();
    expect(open.getCurrentCluster()?.skipTLSVerify).toBe(true); // plain http
    expect(createEksToken).not.toHaveBeenCalled();
  });

  it('names an unknown cluster in a NotFoundError', () => {
    expect(() => new DefaultClusterRegistry([]).get('nope')).toThrow(
      "No cluster named 'nope' is configured",
    );
  });
});
