import { Entity } from '@backstage/catalog-model';
import {
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  MockFetchApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  configApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ReactElement } from 'react';
import { karpenterApiRef, KarpenterClient } from '../api';
import { rootRouteRef } from '../routes';

/** Where msw answers the backend in tests. */
export const BACKEND = 'http://karpenter.test';

export const annotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'demo-cluster',
    namespace: 'default',
    annotations: { 'karpenter.sh/cluster': 'demo' },
  },
  spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
};

/** Renders a component the way the entity page does, with the real client over msw. */
export function renderWithApis(
  element: ReactElement,
  options: {
    entity?: Entity;
    refreshSeconds?: number;
    /**
     * Where the app mounts the Karpenter tab's route ref (default `/karpenter-tab`; the test
     * app's routes are flat, so the entity page's nesting is tested in packages/app).
     */
    tabPath?: string;
  } = {},
) {
  const discoveryApi = mockApis.discovery({ baseUrl: BACKEND });
  const fetchApi = new MockFetchApi();
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [
          configApiRef,
          mockApis.config({
            data: {
              karpenter: {
                frontend: {
                  refreshIntervalSeconds: options.refreshSeconds ?? 0,
                },
              },
            },
          }),
        ],
        [karpenterApiRef, new KarpenterClient({ discoveryApi, fetchApi })],
      ]}
    >
      <EntityProvider entity={options.entity ?? annotatedEntity}>
        {element}
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        [options.tabPath ?? '/karpenter-tab']: rootRouteRef,
      },
    },
  );
}
