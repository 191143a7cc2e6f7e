import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  cluster,
  history,
  nodeClaims,
  nodePool,
  summary,
} from '../../__testUtils__/fixtures';
import {
  annotatedEntity,
  BACKEND,
  renderWithApis,
} from '../../__testUtils__/renderWithApis';
import { EntityKarpenterContent } from './EntityKarpenterContent';

// MUI selects are slow to render on a loaded 2-core machine
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);
const API = `${BACKEND}/api/karpenter/v1`;

const twoPools: Entity = {
  ...annotatedEntity,
  metadata: {
    ...annotatedEntity.metadata,
    annotations: {
      'karpenter.sh/cluster': 'demo',
      'karpenter.sh/nodepools': 'general, batch',
    },
  },
};

/** Answers the tab's requests and keeps the query of each per-cluster one. */
function backend(answer: EntitySummary) {
  const requests: Array<{ path: string; query: URLSearchParams }> = [];
  const keep = (request: Request) => {
    const url = new URL(request.url);
    requests.push({
      path: url.pathname.replace(/^.*\/clusters\/demo\//, ''),
      query: url.searchParams,
    });
  };
  server.use(
    http.get(`${API}/entities/default/resource/demo-cluster/summary`, () =>
      HttpResponse.json(answer),
    ),
    http.get(`${API}/clusters/demo/nodeclasses`, () =>
      HttpResponse.json({ items: [] }),
    ),
    http.get(`${API}/clusters/demo/nodeclaims`, ({ request }) => {
      keep(request);
      const items = nodeClaims(3);
      return HttpResponse.json({ cluster: 'demo', items, total: 3 });
    }),
    http.get(`${API}/clusters/demo/interruptions`, ({ request }) => {
      keep(request);
      return HttpResponse.json(history(0));
    }),
    http.get(`${API}/clusters/demo/queue`, () =>
      HttpResponse.json({
        cluster: 'demo',
        state: 'unknown',
        message: 'No samples yet',
        samples: [],
      }),
    ),
  );
  return requests;
}

const scoped = (names: string[]) =>
  summary([cluster('demo', { nodePools: names.map(n => nodePool(n)) })]);

describe('EntityKarpenterContent entity scope', () => {
  it('asks for exactly the entity’s two NodePools, and "All NodePools" means both', async () => {
    const requests = backend(scoped(['general', 'batch']));
    await renderWithApis(<EntityKarpenterContent />, { entity: twoPools });
    await screen.findByText('3 NodeClaims');
    await screen.findByTestId('no-interruptions');
    const paths = new Set(requests.map(r => r.path));
    expect(paths).toEqual(new Set(['nodeclaims', 'interruptions']));
    for (const r of requests) {
      expect(r.query.getAll('nodePool')).toEqual(['general,batch']);
    }

    fireEvent.mouseDown(screen.getByRole('button', { name: /^NodePool / }));
    fireEvent.click(await screen.findByRole('option', { name: 'batch' }));
    await waitFor(() =>
      expect(requests[requests.length - 1].query.get('nodePool')).toBe('batch'),
    );
    fireEvent.mouseDown(screen.getByRole('button', { name: /^NodePool / }));
    fireEvent.click(
      await screen.findByRole('option', { name: 'All NodePools' }),
    );
    await waitFor(() =>
      expect(requests[requests.length - 1].query.get('nodePool')).toBe(
        'general,batch',
      ),
    );
    expect(
      requests.every(r =>
        ['general,batch', 'batch'].includes(r.query.get('nodePool')!),
      ),
    ).toBe(true);
  });

  it('keeps a named NodePool missing from the cluster in the scope', async () => {
    const requests = backend({
      ...scoped(['general']),
      clusters: [
        cluster('demo', {
          nodePools: [nodePool('general')],
          missingNodePools: ['batch'],
        }),
      ],
    });
    await renderWithApis(<EntityKarpenterContent />, { entity: twoPools });
    await screen.findByText('3 NodeClaims');
    await screen.findByTestId('no-interruptions');
    for (const r of requests)
      expect(r.query.get('nodePool')).toBe('general,batch');
  });

  it('asks for the whole cluster when the entity names no NodePools', async () => {
    const requests = backend(scoped(['general', 'batch', 'arm64']));
    await renderWithApis(<EntityKarpenterContent />);
    await screen.findByText('3 NodeClaims');
    await screen.findByTestId('no-interruptions');
    expect(requests.length).toBeGreaterThanOrEqual(2);
    for (const r of requests) expect(r.query.has('nodePool')).toBe(false);
  });

  it('scopes a workload-mapped entity to its NodePools, and asks for nothing without any', async () => {
    const byWorkload = backend({
      ...scoped(['arm64']),
      mapping: 'workloads',
    });
    const view = await renderWithApis(<EntityKarpenterContent />);
    await screen.findByText('3 NodeClaims');
    await screen.findByTestId('no-interruptions');
    for (const r of byWorkload) expect(r.query.get('nodePool')).toBe('arm64');
    view.unmount();

    const none = backend({ ...scoped([]), mapping: 'workloads' });
    await renderWithApis(<EntityKarpenterContent />);
    expect(
      await screen.findAllByText(
        'The entity has no NodePools in this cluster.',
      ),
    ).toHaveLength(2);
    expect(none).toEqual([]);
  });
});
