import type {
  AuthenticationStrategy,
  ClusterDetails,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';
import { mockServices } from '@backstage/backend-test-utils';
import {
  fromKubernetesAuthStrategy,
  fromKubernetesClustersSupplier,
  toKubernetesClusterDetails,
} from './kubernetesPlugin';

describe('Kubernetes-plugin adapters', () => {
  it('maps a supplied cluster: provider, service account token and AWS settings from authMetadata', async () => {
    const supplier: KubernetesClustersSupplier = {
      getClusters: async ({ credentials }): Promise<ClusterDetails[]> => {
        expect(credentials.principal).toMatchObject({ type: 'service' });
        return [
          {
            name: 'prod',
            url: 'https://prod.example.com',
            caData: 'Q0E=',
            authMetadata: {
              'kubernetes.io/auth-provider': 'aws',
              'kubernetes.io/aws-assume-role': 'arn:aws:iam::1:role/r',
              'kubernetes.io/x-k8s-aws-id': 'eks-prod',
            },
          },
          {
            name: 'proxy',
            url: 'http://localhost:8001',
            authMetadata: {
              'kubernetes.io/auth-provider': 'localKubectlProxy',
            },
          },
          {
            name: 'sa',
            url: 'https://sa.example.com',
            authMetadata: { serviceAccountToken: 't' },
          },
        ];
      },
    };
    const clusters = await fromKubernetesClustersSupplier(supplier, {
      auth: mockServices.auth(),
    }).getClusters();
    expect(clusters).toEqual([
      expect.objectContaining({
        name: 'prod',
        authProvider: 'aws',
        caData: 'Q0E=',
        aws: {
          roleArn: 'arn:aws:iam::1:role/r',
          clusterName: 'eks-prod',
          externalId: undefined,
        },
      }),
      expect.objectContaining({ name: 'proxy', authProvider: 'none' }),
      expect.objectContaining({
        name: 'sa',
        authProvider: 'serviceAccount',
        serviceAccountToken: 't',
      }),
    ]);
  });

  it("calls the strategy with the cluster's details and its own authMetadata", async () => {
    const strategy: AuthenticationStrategy = {
      getCredential: jest.fn(async () => ({
        type: 'bearer token' as const,
        token: 'azure-token',
      })),
      validateCluster: jest.fn(m =>
        m.tenant ? [] : [new Error('tenant missing')],
      ),
      presentAuthMetadata: () => ({}),
    };
    const adapted = fromKubernetesAuthStrategy(strategy);
    const cluster = {
      name: 'aks',
      url: 'https://aks.example.com',
      authProvider: 'azure',
      authMetadata: { tenant: 't-1' },
    };
    await expect(
      adapted.getCredential(cluster, { renew: false }),
    ).resolves.toEqual({ type: 'bearer token', token: 'azure-token' });
    expect(strategy.getCredential).toHaveBeenCalledWith(
      toKubernetesClusterDetails(cluster),
      {},
    );
    expect(toKubernetesClusterDetails(cluster).authMetadata).toEqual({
      tenant: 't-1',
      'kubernetes.io/auth-provider': 'azure',
    });
    expect(adapted.validateCluster!(cluster)).toEqual([]);
    expect(
      adapted.validateCluster!({ ...cluster, authMetadata: {} })[0].message,
    ).toBe('tenant missing');
  });
});
