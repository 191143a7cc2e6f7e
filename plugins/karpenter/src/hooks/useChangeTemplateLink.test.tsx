import { Entity } from '@backstage/catalog-model';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { act, screen, waitFor } from '@testing-library/react';
import { changeTemplateEntity, clusterEntity } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { useChangeTemplateLink } from './useChangeTemplateLink';

jest.setTimeout(20_000);

/** Shows the hook's href (or "none") for each asked cluster and NodePool. */
function Probe(props: { clusters: string[]; ask: [string, string?][] }) {
  const link = useChangeTemplateLink(props.clusters);
  return (
    <ul>
      {props.ask.map(([cluster, pool]) => (
        <li key={`${cluster}/${pool}`} data-testid={`${cluster}/${pool ?? ''}`}>
          {link(cluster, pool) ?? 'none'}
        </li>
      ))}
    </ul>
  );
}

const href = (cluster: string, pool?: string) =>
  screen.getByTestId(`${cluster}/${pool ?? ''}`).textContent;

/** The href's path and decoded `formData`. */
function decode(link: string | null) {
  const url = new URL(link!, 'http://backstage.test');
  return {
    path: url.pathname,
    formData: JSON.parse(url.searchParams.get('formData')!),
  };
}

const settle = () =>
  act(() => new Promise<void>(resolve => setTimeout(resolve, 20)));

function catalog(entities: Entity[]) {
  const api = catalogApiMock({ entities });
  return {
    api,
    getEntities: jest.spyOn(api, 'getEntities'),
    getEntityByRef: jest.spyOn(api, 'getEntityByRef'),
  };
}

describe('useChangeTemplateLink', () => {
  it('asks the catalog once per template and per cluster, however many links need them', async () => {
    const { api, getEntities, getEntityByRef } = catalog([
      changeTemplateEntity(),
      clusterEntity('prod-eu', 'prod'),
      clusterEntity('staging-eu', 'staging'),
    ]);
    const ask: [string, string?][] = [
      ['prod', 'general'],
      ['prod', 'batch'],
      ['staging', 'general'],
      ['demo', 'general'], // the current entity's cluster
    ];
    const clusters = ['prod', 'staging', 'demo'];
    const { unmount } = await renderWithApis(
      <>
        <Probe clusters={clusters} ask={ask} />
        <Probe clusters={clusters} ask={[['prod', 'gpu']]} />
      </>,
      { catalogApi: api },
    );
    await waitFor(() => expect(href('prod', 'gpu')).not.toBe('none'));
    await waitFor(() => expect(href('staging', 'general')).not.toBe('none'));
    expect(decode(href('prod', 'batch')).formData).toEqual({
      cluster: 'resource:default/prod-eu',
      nodePool: 'batch',
    });
    expect(decode(href('staging', 'general')).formData).toEqual({
      cluster: 'resource:default/staging-eu',
      nodePool: 'general',
    });
    expect(decode(href('demo', 'general')).formData).toEqual({
      cluster: 'resource:default/demo-cluster',
      nodePool: 'general',
    });
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
    // prod and staging; demo is the current entity
    expect(getEntities).toHaveBeenCalledTimes(2);

    // the answers outlive the card: the tab (same app) asks nothing again
    unmount();
    await renderWithApis(<Probe clusters={['prod']} ask={[['prod', 'x']]} />, {
      catalogApi: api,
    });
    await waitFor(() => expect(href('prod', 'x')).not.toBe('none'));
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });

  it('opens the configured template, and only preselects a NodePool when given one', async () => {
    await renderWithApis(<Probe clusters={['demo']} ask={[['demo']]} />, {
      catalogEntities: [changeTemplateEntity('nodepools', 'platform')],
      frontendConfig: { changeTemplate: 'template:platform/nodepools' },
    });
    await waitFor(() => expect(href('demo')).not.toBe('none'));
    expect(decode(href('demo'))).toEqual({
      path: '/create/templates/platform/nodepools',
      formData: { cluster: 'resource:default/demo-cluster' },
    });
  });

  it('offers no link and asks nothing when the configured ref is not a template', async () => {
    const { api, getEntityByRef } = catalog([changeTemplateEntity()]);
    await renderWithApis(<Probe clusters={['demo']} ask={[['demo', 'a']]} />, {
      catalogApi: api,
      frontendConfig: { changeTemplate: 'component:default/not-a-template' },
    });
    await settle();
    expect(href('demo', 'a')).toBe('none');
    expect(getEntityByRef).not.toHaveBeenCalled();
  });

  it('offers no link for a cluster it was not asked to look up', async () => {
    await renderWithApis(
      <Probe
        clusters={['demo']}
        ask={[
          ['demo', 'a'],
          ['other', 'a'],
        ]}
      />,
      { catalogEntities: [changeTemplateEntity()] },
    );
    await waitFor(() => expect(href('demo', 'a')).not.toBe('none'));
    expect(href('other', 'a')).toBe('none');
  });

  it('asks again after a failed lookup instead of keeping the failure', async () => {
    const { api, getEntities } = catalog([
      changeTemplateEntity(),
      clusterEntity('prod-eu', 'prod'),
    ]);
    getEntities.mockRejectedValueOnce(new Error('catalog is down'));
    const probe = <Probe clusters={['prod']} ask={[['prod', 'a']]} />;
    const { unmount } = await renderWithApis(probe, { catalogApi: api });
    await waitFor(() => expect(getEntities).toHaveBeenCalledTimes(1));
    await settle();
    expect(href('prod', 'a')).toBe('none');
    unmount();

    await renderWithApis(probe, { catalogApi: api });
    await waitFor(() => expect(href('prod', 'a')).not.toBe('none'));
    expect(getEntities).toHaveBeenCalledTimes(2);
  });
});
