import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('DefaultClusterRegistry EKS token renewal', () => {
  beforeEach(() => {
    let n = 0;
    jest
      .mocked(createEksToken)
      .mockReset()
      .mockImplementation(async () => `k8s-aws-v1.token-${++n}`);
  });

  it('reuses a token until a minute before its 14-minute expiry, then renews it', async () => {
    const clock = { now: 1_000_000 };
    const registry = new DefaultClusterRegistry([cluster({})], aws, {
      now: () => clock.now,
    });
    const token = async () =>
      (await registry.kubeConfig('prod')).getCurrentUser()?.token;
    expect(await token()).toBe('k8s-aws-v1.token-1');
    clock.now += 12 * 60_000 + 59_000; // 12:59 after issue: still current
    expect(await token()).toBe('k8s-aws-v1.token-1');
    clock.now += 1_000; // 13:00 = one minute before the 14-minute expiry
    expect(await token()).toBe('k8s-aws-v1.token-2');
    expect(createEksToken).toHaveBeenCalledTimes(2);
  });

  it('renews at once when asked (after a 401), once for the watches that got it together', async () => {
    const clock = { now: 1_000_000 };
    const registry = new DefaultClusterRegistry([cluster({})], aws, {
      now: () => clock.now,
    });
    await registry.kubeConfig('prod');
    clock.now += 5_000;
    const renewed = await Promise.all(
      [1, 2, 3].map(() => registry.kubeConfig('prod', { renew: true })),
    );
    expect(renewed.map(kc => kc.getCurrentUser()?.token)).toEqual([
      'k8s-aws-v1.token-2',
      'k8s-aws-v1.token-2',
      'k8s-aws-v1.token-2',
    ]);
    expect(createEksToken).toHaveBeenCalledTimes(2);
  });

  it('signs again after a failed signing instead of caching the failure', async () => {
    jest
      .mocked(createEksToken)
      .mockRejectedValueOnce(new Error('no credentials'));
    const registry = new DefaultClusterRegistry([cluster({})], aws);
    await expect(registry.kubeConfig('prod')).rejects.toThrow('no credentials');
    expect((await registry.kubeConfig('prod')).getCurrentUser()?.token).toBe(
      'k8s-aws-v1.token-1',
    );
  });
});

describe('DefaultClusterRegistry kubeconfig provider', () => {
  const saved = process.env.KUBECONFIG;
  afterEach(() => {
    if (saved === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = saved;
  });

  it("sends the context's user to the configured url, not to the kubeconfig's server", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kc-'));
    const file = join(dir, 'config');
    writeFileSync(
      file,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '- name: local',
        '  cluster: { server: "https://somewhere-else.example.com" }',
        'users:',
        '- name: dev',
        '  user: { token: dev-token }',
        'contexts:',
        '- name: dev-ctx',
        '  context: { cluster: local, user: dev }',
        'current-context: dev-ctx',
      ].join('\n'),
    );
    process.env.KUBECONFIG = file;
    const registry = new DefaultClusterRegistry([
      cluster({
        name: 'local',
        url: 'https://127.0.0.1:6443',
        authProvider: 'kubeconfig',
        kubeconfigContext: 'dev-ctx',
      }),
    ]);
    const kc = await registry.kubeConfig('local');
    expect(kc.getCurrentCluster()?.server).toBe('https://127.0.0.1:6443');
    expect(kc.getCurrentUser()?.token).toBe('dev-token');
  });
});
