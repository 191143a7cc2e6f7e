import { Entity } from '@backstage/catalog-model';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { act, screen, waitFor, within } from '@testing-library/react';
import {
  changeTemplateEntity,
  clusterEntity,
  healthWith,
  nodePool,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { consolidationHintThreshold } from './consolidation';
import { RemediationLink } from './RemediationLink';

jest.setTimeout(20_000);

const TEMPLATE_PATH = '/create/templates/default/karpenter-nodepools-change';

/** A component of some team whose workloads run in cluster `demo` (not the cluster's entity). */
const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'karpenter.sh/cluster': 'demo' },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

const nearCpuLimit = nodePool('batch', {
  health: healthWith(
    'degraded',
    'CPU_LIMIT_NEAR',
    'CPU usage is 93 % of the limit (93 / 100 cores)',
  ),
});

/** The link's path and its decoded `formData`, as the scaffolder's form reads it. */
function target(link: HTMLElement) {
  const url = new URL(link.getAttribute('href')!, 'http://backstage.test');
  return {
    path: url.pathname,
    formData: JSON.parse(url.searchParams.get('formData')!),
  };
}

/** Lets the catalog's pending answers land (the in-memory catalog answers in microtasks). */
const settle = () =>
  act(() => new Promise<void>(resolve => setTimeout(resolve, 20)));

/** A catalog whose requests can be counted. */
function catalog(entities: Entity[]) {
  const api = catalogApiMock({ entities });
  return {
    api,
    getEntities: jest.spyOn(api, 'getEntities'),
    getEntityByRef: jest.spyOn(api, 'getEntityByRef'),
  };
}

describe('RemediationLink', () => {
  it.each([
    'CPU_LIMIT_NEAR',
    'CPU_LIMIT_REACHED',
    'MEMORY_LIMIT_NEAR',
    'MEMORY_LIMIT_REACHED',
  ])(
    'links %s to the change template with the cluster entity from the catalog and the pool',
    async code => {
      const { api, getEntities } = catalog([
        changeTemplateEntity(),
        clusterEntity('prod-eu', 'demo'),
        clusterEntity('staging-eu', 'staging'),
      ]);
      await renderWithApis(
        <RemediationLink
          pool={nodePool('batch', {
            health: healthWith('degraded', code, 'limit'),
          })}
        />,
        { entity: service, catalogApi: api },
      );
      const link = await screen.findByRole('link', { name: 'Raise the limit' });
      expect(target(link)).toEqual({
        path: TEMPLATE_PATH,
        formData: { cluster: 'resource:default/prod-eu', nodePool: 'batch' },
      });
      expect(getEntities).toHaveBeenCalledTimes(1);
      expect(getEntities).toHaveBeenCalledWith(
        expect.objectContaining({
          filter: {
            kind: 'Resource',
            'spec.type': 'kubernetes-cluster',
            'metadata.annotations.karpenter.sh/cluster': 'demo',
          },
        }),
      );
    },
  );

  it('uses the current entity when it is the cluster, without looking it up', async () => {
    const { api, getEntities, getEntityByRef } = catalog([
      changeTemplateEntity(),
      // would make a catalog lookup ambiguous
      clusterEntity('prod-eu', 'demo'),
      clusterEntity('prod-eu-copy', 'demo'),
    ]);
    // the default entity: resource:default/demo-cluster with karpenter.sh/cluster: demo
    await renderWithApis(<RemediationLink pool={nearCpuLimit} />, {
      catalogApi: api,
    });
    const link = await screen.findByRole('link', { name: 'Raise the limit' });
    expect(target(link).formData).toEqual({
      cluster: 'resource:default/demo-cluster',
      nodePool: 'batch',
    });
    expect(getEntities).not.toHaveBeenCalled();
    expect(getEntityByRef).toHaveBeenCalledWith(
      'template:default/karpenter-nodepools-change',
    );
  });

  it('shows no link when the template is not in the catalog', async () => {
    const { api, getEntityByRef, getEntities } = catalog([
      clusterEntity('prod-eu', 'demo'),
    ]);
    await renderWithApis(<RemediationLink pool={nearCpuLimit} />, {
      entity: service,
      catalogApi: api,
    });
    await waitFor(() => expect(getEntityByRef).toHaveBeenCalled());
    await settle();
    expect(screen.queryByRole('link')).toBeNull();
    expect(getEntities).not.toHaveBeenCalled();
  });

  it.each([
    [
      'several',
      [clusterEntity('prod-eu', 'demo'), clusterEntity('dr', 'demo')],
    ],
    ['no', [clusterEntity('staging-eu', 'staging')]],
  ])(
    'shows no link when %s catalog entities stand for the cluster',
    async (_, clusters) => {
      const { api, getEntities } = catalog([
        changeTemplateEntity(),
        ...clusters,
      ]);
      await renderWithApis(<RemediationLink pool={nearCpuLimit} />, {
        entity: service,
        catalogApi: api,
      });
      await waitFor(() => expect(getEntities).toHaveBeenCalledTimes(1));
      await settle();
      expect(screen.queryByRole('link')).toBeNull();
    },
  );

  it('shows no link when the app does not bind the change template route', async () => {
    const { api, getEntityByRef } = catalog([changeTemplateEntity()]);
    await renderWithApis(<RemediationLink pool={nearCpuLimit} />, {
      catalogApi: api,
      changeTemplatePath: false,
    });
    await settle();
    expect(screen.queryByRole('link')).toBeNull();
    // nothing to link to: nothing asked
    expect(getEntityByRef).not.toHaveBeenCalled();
  });

  it('renders nothing and asks nothing for a healthy pool with few consolidations', async () => {
    const { api, getEntityByRef } = catalog([changeTemplateEntity()]);
    await renderWithApis(
      <RemediationLink pool={nodePool('general')} consolidations={11} />,
      { catalogApi: api },
    );
    expect(screen.queryByTestId('remediation-general')).toBeNull();
    expect(getEntityByRef).not.toHaveBeenCalled();
  });

  it('hints at too aggressive consolidation with a link to the disruption settings', async () => {
    const { api } = catalog([changeTemplateEntity()]);
    await renderWithApis(
      <RemediationLink
        pool={nodePool('general', { nodeCount: 6 })}
        consolidations={14}
      />,
      { catalogApi: api },
    );
    const link = await screen.findByRole('link', {
      name: 'Change disruption settings',
    });
    expect(target(link)).toEqual({
      path: TEMPLATE_PATH,
      formData: {
        cluster: 'resource:default/demo-cluster',
        nodePool: 'general',
      },
    });
    expect(screen.getByTestId('consolidation-hint-general')).toHaveTextContent(
      'Consolidation too aggressive: 14 nodes consolidated in 24 h, the pool has 6 nodes Change disruption settings',
    );
    // not near a limit: no "Raise the limit"
    expect(screen.queryByRole('link', { name: 'Raise the limit' })).toBeNull();
  });

  it.each([
    // [node count, consolidations]: at or above max(5, node count)
    [6, 6],
    [6, 14],
    [2, 5],
    [0, 5],
  ])(
    'shows the hint for %i nodes and %i consolidations',
    async (nodeCount, consolidations) => {
      expect(consolidationHintThreshold(nodeCount)).toBeLessThanOrEqual(
        consolidations,
      );
      await renderWithApis(
        <RemediationLink
          pool={nodePool('general', { nodeCount })}
          consolidations={consolidations}
        />,
        { catalogEntities: [changeTemplateEntity()] },
      );
      const hint = await screen.findByTestId('consolidation-hint-general');
      expect(hint).toHaveTextContent(
        `${consolidations} nodes consolidated in 24 h`,
      );
      expect(
        await within(hint).findByRole('link', {
          name: 'Change disruption settings',
        }),
      ).toBeInTheDocument();
    },
  );

  it.each([
    // [node count, consolidations]: below max(5, node count)
    [6, 5],
    [2, 4],
    [0, 4],
    [40, 39],
  ])(
    'shows no hint for %i nodes and %i consolidations',
    async (nodeCount, consolidations) => {
      expect(consolidationHintThreshold(nodeCount)).toBeGreaterThan(
        consolidations,
      );
      await renderWithApis(
        <RemediationLink
          pool={nodePool('general', { nodeCount })}
          consolidations={consolidations}
        />,
        { catalogEntities: [changeTemplateEntity()] },
      );
      await settle();
      expect(screen.queryByTestId('consolidation-hint-general')).toBeNull();
      expect(screen.queryByTestId('remediation-general')).toBeNull();
    },
  );

  it('keeps the consolidation hint, without a link, when the template is missing', async () => {
    const { api, getEntityByRef } = catalog([]);
    await renderWithApis(
      <RemediationLink
        pool={nodePool('general', { nodeCount: 1 })}
        consolidations={5}
      />,
      { catalogApi: api },
    );
    expect(
      await screen.findByTestId('consolidation-hint-general'),
    ).toHaveTextContent(
      'Consolidation too aggressive: 5 nodes consolidated in 24 h, the pool has 1 node',
    );
    await waitFor(() => expect(getEntityByRef).toHaveBeenCalled());
    await settle();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
