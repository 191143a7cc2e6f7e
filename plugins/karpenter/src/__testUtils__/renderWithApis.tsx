import { Entity } from '@backstage/catalog-model';
import {
  CatalogApi,
  catalogApiRef,
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
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
import { changeTemplateRouteRef, rootRouteRef } from '../routes';

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
     * app's routes are flat, so the entity page's nesting is tested in packages/app); `false`:
     * the app does not mount the tab.
     */
    tabPath?: string | false;
    /**
     * The catalog (default: an in-memory catalog of `catalogEntities`, empty by default) the
     * remediation links look up the change template and cluster entities in.
     */
    catalogApi?: CatalogApi;
    catalogEntities?: Entity[];
    /**
     * Where the app binds the change template's external route ref (default: the scaffolder's
     * selected-template path `/create/templates/:namespace/:templateName`); `false`: not bound.
     */
    changeTemplatePath?: string | false;
    /** The URL the app starts at (e.g. `/karpenter-tab?cluster=staging`). */
    route?: string;
    /** More `karpenter.frontend.*` config. */
    frontendConfig?: { changeTemplate?: string; troubleshootingUrl?: string };
  } = {},
) {
  const catalogApi =
    options.catalogApi ??
    catalogApiMock({ entities: options.catalogEntities ?? [] });
  const changeTemplatePath =
    options.changeTemplatePath ?? '/create/templates/:namespace/:templateName';
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
                  ...options.frontendConfig,
                },
              },
            },
          }),
        ],
        [karpenterApiRef, new KarpenterClient({ discoveryApi, fetchApi })],
        [catalogApiRef, catalogApi],
      ]}
    >
      <EntityProvider entity={options.entity ?? annotatedEntity}>
        {element}
      </EntityProvider>
    </TestApiProvider>,
    {
      ...(options.route ? { routeEntries: [options.route] } : {}),
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(options.tabPath === false
          ? {}
          : { [options.tabPath ?? '/karpenter-tab']: rootRouteRef }),
        ...(changeTemplatePath
          ? { [changeTemplatePath]: changeTemplateRouteRef }
          : {}),
      },
    },
  );
}
