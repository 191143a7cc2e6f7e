import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import request from 'supertest';
import { karpenterPlugin } from '../plugin';
import { policyFeatures, TestPolicy } from './policy';

export const ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'demo-cluster',
      namespace: 'default',
      annotations: { 'karpenter.sh/cluster': 'demo' },
    },
    spec: {},
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'both',
      namespace: 'default',
      annotations: {
        'karpenter.sh/cluster': 'demo, staging',
        'karpenter.sh/nodepools': 'general',
      },
    },
    spec: {},
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': 'checkout',
        'karpenter.sh/cluster': 'demo',
      },
    },
    spec: { owner: 'team-c' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'plain', namespace: 'default' },
    spec: {},
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'evil',
      namespace: 'default',
      annotations: { 'karpenter.sh/cluster': 'http://169.254.169.254/latest' },
    },
    spec: {},
  },
];

function authProviderOf(c: Simulator['clusters'][number]) {
  if (c.eksTokens) return 'aws';
  return c.token ? 'serviceAccount' : 'none';
}

/** Cluster config for the simulator's clusters (as app-config would have it). */
export function clustersConfig(
  sim: Simulator,
  overrides: Record<string, object> = {},
) {
  return sim.clusters.map(c => ({
    name: c.name,
    title: c.title,
    url: c.url,
    // a cluster that requires EKS tokens gets them signed with the aws.mainAccount credentials
    authProvider: authProviderOf(c),
    serviceAccountToken: c.eksTokens ? undefined : c.token,
    requestTimeout: 2000,
    interruptionQueue: c.queueName,
    aws: {
      region: c.region,
      sqsEndpoint: sim.sqsEndpoint,
      pricingEndpoint: sim.pricingEndpoint,
      ec2Endpoint: sim.ec2Endpoint,
    },
    ...overrides[c.name],
  }));
}

export async function startKarpenterBackend(
  sim: Simulator,
  options: {
    deny?: boolean;
    /**
     * A real permission policy, evaluated by the permission backend (`permission.enabled`), with
     * each user's ownership refs.
     */
    policy?: TestPolicy;
    config?: object;
    clusterOverrides?: Record<string, object>;
    /** A database service factory (e.g. `mockServices.database.factory`). */
    database?: BackendFeature;
    /** More features (modules using the extension points; a rootConfig mock replaces this one). */
    features?: BackendFeature[];
    /** Config beside `karpenter` (e.g. `kubernetes`). */
    rootConfig?: object;
    /** Catalog entities beside {@link ENTITIES}. */
    entities?: Entity[];
  } = {},
) {
  const backend = await startTestBackend({
    features: [
      karpenterPlugin,
      catalogServiceMock.factory({
        entities: [...ENTITIES, ...(options.entities ?? [])],
      }),
      mockServices.rootConfig.factory({
        data: {
          karpenter: {
            clusters: clustersConfig(sim, options.clusterOverrides),
            interruptions: {
              queueSampleInterval: { seconds: 1 },
              queueBacklogWindow: { seconds: 30 },
            },
            ...options.config,
          },
          ...options.rootConfig,
          ...(options.policy ? { permission: { enabled: true } } : undefined),
          aws: {
            mainAccount: {
              accessKeyId: 'simulator',
              secretAccessKey: 'simulator',
            },
          },
        },
      }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
      ...(options.policy ? policyFeatures(options.policy) : []),
      ...(options.database ? [options.database] : []),
      ...(options.features ?? []),
    ],
  });
  const get = (path: string, user?: string) =>
    request(backend.server)
      .get(`/api/karpenter${path}`)
      .set('Authorization', mockCredentials.user.header(user));
  /** Invokes an action through the actions registry's HTTP API (as an assistant would). */
  const invoke = (action: string, input: object, user?: string) =>
    request(backend.server)
      .post(`/api/karpenter/.backstage/actions/v1/actions/${action}/invoke`)
      .set('Authorization', mockCredentials.user.header(user))
      .send(input);
  return { backend, get, invoke };
}
