import {
  createFrontendPlugin,
  createRouteRef,
  createSubRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { KarpenterApi, karpenterApiRef } from './api';
import karpenterPlugin from './alpha';
import {
  changeTemplateEntity,
  cluster,
  healthWith,
  history,
  nodePool,
  summary,
} from './__testUtils__/fixtures';
import { annotatedEntity } from './__testUtils__/renderWithApis';

jest.setTimeout(30_000);

/**
 * Stands in for `@backstage/plugin-scaffolder/alpha`: pluginId `scaffolder` with the sub route
 * `selectedTemplate` (`/templates/:namespace/:templateName` under its page), the route the
 * external `changeTemplate` ref names as its default target.
 */
const scaffolderRoot = createRouteRef();
const scaffolder = createFrontendPlugin({
  pluginId: 'scaffolder',
  routes: {
    root: scaffolderRoot,
    selectedTemplate: createSubRouteRef({
      parent: scaffolderRoot,
      path: '/templates/:namespace/:templateName',
    }),
  },
  extensions: [
    PageBlueprint.make({
      params: {
        path: '/create',
        routeRef: scaffolderRoot,
        loader: async () => <div>scaffolder</div>,
      },
    }),
  ],
});

/** Answers the card and the tab (both on the test entity page) from memory. */
const api = (answer: EntitySummary): Partial<KarpenterApi> => ({
  getEntitySummary: async () => answer,
  getNodeClasses: async () => [],
  getNodeClaims: async () => ({ cluster: 'demo', items: [], total: 0 }),
  getQueue: async () => ({
    cluster: 'demo',
    state: 'unknown',
    message: 'No samples yet',
    samples: [],
  }),
  getInterruptions: async () => history(0),
});

function render(options: { withScaffolder: boolean }) {
  return renderTestApp({
    extensions: [createTestEntityPage({ entity: annotatedEntity })],
    features: options.withScaffolder
      ? [karpenterPlugin, scaffolder]
      : [karpenterPlugin],
    apis: [
      [
        karpenterApiRef,
        api(
          summary([
            cluster('demo', {
              nodePools: [
                nodePool('batch', {
                  health: healthWith(
                    'degraded',
                    'CPU_LIMIT_NEAR',
                    'CPU usage is 93 % of the limit',
                  ),
                }),
              ],
            }),
          ]),
        ),
      ],
      [
        catalogApiRef,
        catalogApiMock({ entities: [annotatedEntity, changeTemplateEntity()] }),
      ],
    ],
  });
}

describe('change template links in the new frontend system', () => {
  it("binds changeTemplate to the scaffolder's selected-template page without app code", async () => {
    render({ withScaffolder: true });
    // the card's line and the tab's row
    const links = await screen.findAllByRole('link', {
      name: 'Raise the limit',
    });
    expect(links).toHaveLength(2);
    for (const link of links) {
      const url = new URL(link.getAttribute('href')!, 'http://backstage.test');
      expect(url.pathname).toBe(
        '/create/templates/default/karpenter-nodepools-change',
      );
      expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
        cluster: 'resource:default/demo-cluster',
        nodePool: 'batch',
      });
    }
  });

  it('shows no link in an app without the scaffolder', async () => {
    render({ withScaffolder: false });
    expect(
      await screen.findByText('CPU usage is 93 % of the limit'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'NodePools' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Raise the limit' })).toBeNull();
  });
});
