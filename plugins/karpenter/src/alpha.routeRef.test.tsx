import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen } from '@testing-library/react';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { KarpenterApi, karpenterApiRef } from './api';
import karpenterPlugin from './alpha';
import { cluster, nodePool, summary } from './__testUtils__/fixtures';
import { annotatedEntity } from './__testUtils__/renderWithApis';

jest.setTimeout(30_000);

/** Answers the card and the tab from memory (the HTTP client has its own tests). */
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
  getInterruptions: async () => {
    throw new Error('not needed here');
  },
});

describe('card → tab in the new frontend system', () => {
  it('links to the tab wherever app config mounts it, and the link opens the tab', async () => {
    renderTestApp({
      extensions: [createTestEntityPage({ entity: annotatedEntity })],
      features: [karpenterPlugin],
      config: {
        app: {
          extensions: [
            {
              'entity-content:karpenter/karpenter': {
                config: { path: '/nodes' },
              },
            },
          ],
        },
      },
      apis: [
        [
          karpenterApiRef,
          api(summary([cluster('demo', { nodePools: [nodePool('general')] })])),
        ],
      ],
    });
    const link = await screen.findByRole('link', {
      name: 'NodePools, NodeClaims and interruptions',
    });
    expect(link.getAttribute('href')).toMatch(/\/nodes$/);
    fireEvent.click(link);
    expect(
      await screen.findByRole('table', { name: 'NodePools' }),
    ).toBeInTheDocument();
  });
});
