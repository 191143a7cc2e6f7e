import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Scenario, Simulator } from '@karpenter-backstage/karpenter-simulator';
import request from 'supertest';
import { karpenterPlugin } from '../plugin';
import { clustersConfig, ENTITIES } from './testBackend';

/** One cluster, one spot NodePool, no events yet: every record in the history comes from the test. */
export const STORM: Scenario = {
  name: 'storm',
  seed: 5,
  clusters: [
    {
      name: 'demo',
      queueName: 'karpenter-demo',
      nodeClasses: [{ name: 'default' }],
      nodePools: [
        {
          name: 'general',
          nodeClass: 'default',
          capacityTypes: ['spot'],
          instanceTypes: ['m5.large'],
          nodes: { spot: 10 },
        },
      ],
    },
  ],
};

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

export async function startWithScheduler(
  sim: Simulator,
  extra: BackendFeature[] = [],
) {
  const backend = await startTestBackend({
    features: [
      karpenterPlugin,
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities: ENTITIES }),
      mockServices.rootConfig.factory({
        data: {
          karpenter: {
            clusters: clustersConfig(sim),
            interruptions: {
              queueSampleInterval: { seconds: 1 },
              queueBacklogWindow: { seconds: 3 },
            },
          },
          aws: {
            mainAccount: {
              accessKeyId: 'simulator',
              secretAccessKey: 'simulator',
            },
          },
        },
      }),
      ...extra,
    ],
  });
  const get = (path: string) =>
    request(backend.server)
      .get(`/api/karpenter${path}`)
      .set('Authorization', mockCredentials.user.header());
  return { backend, get };
}
