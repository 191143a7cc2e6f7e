import { registerMswTestHooks } from '@backstage/test-utils';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import {
  EntitySummary,
  NodePoolInfo,
} from '@karpenter-backstage/plugin-karpenter-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  cluster,
  forbiddenCluster,
  healthWith,
  history,
  nodeClaims,
  nodeClass,
  nodePool,
  notConfiguredSummary,
  summary,
  timeOfDay,
} from '../../__testUtils__/fixtures';
import { BACKEND, renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityKarpenterContent } from './EntityKarpenterContent';
import { withFakeRefreshTimers } from '../../__testUtils__/refreshTimers';

const server = setupServer();
registerMswTestHooks(server);
const API = `${BACKEND}/api/karpenter/v1`;

const SUMMARY_URL = `${API}/entities/default/resource/demo-cluster/summary`;

/** The demo cluster (general healthy, batch unhealthy) and a failing staging cluster. */
function demoSummary(batch: Partial<NodePoolInfo> = {}): EntitySummary {
  return summary([
    cluster('demo', {
      health: 'unhealthy',
      nodePools: [
        nodePool('general'),
        nodePool('batch', {
          health: healthWith(
            'unhealthy',
            'NODECLASS_NOT_READY',
            'EC2NodeClass batch is not ready',
          ),
          ...batch,
        }),
      ],
    }),
    cluster('staging', {
      error: { code: 'TIMEOUT', message: 'no answer within 5 s' },
      nodePools: [],
      health: 'unknown',
    }),
  ]);
}

/** A promise the test settles: an msw handler awaiting it keeps its request pending. */
function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

function backend(
  options: {
    interruptions?: number;
    claims?: number;
    /** The summary of the n-th request (0-based). */
    summary?: (call: number) => EntitySummary;
    nodeClasses?: () => Promise<Response>;
  } = {},
) {
  const claims = nodeClaims(options.claims ?? 250);
  const seen: URL[] = [];
  let summaryCalls = 0;
  server.use(
    http.get(SUMMARY_URL, () =>
      HttpResponse.json((options.summary ?? demoSummary)(summaryCalls++)),
    ),
    http.get(
      `${API}/clusters/demo/nodeclasses`,
      options.nodeClasses ??
        (() =>
          HttpResponse.json({
            items: [nodeClass('general'), nodeClass('batch', false)],
          })),
    ),
    http.get(`${API}/clusters/demo/nodeclaims`, ({ request }) => {
      const url = new URL(request.url);
      seen.push(url);
      const limit = Number(url.searchParams.get('limit'));
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const filtered = claims.filter(
        c =>
          !url.searchParams.get('state') ||
          c.state === url.searchParams.get('state'),
      );
      const page = filtered.slice(start, start + limit);
      return HttpResponse.json({
        cluster: 'demo',
        items: page,
        total: filtered.length,
        nextCursor:
          start + limit < filtered.length ? String(start + limit) : undefined,
      });
    }),
    http.get(`${API}/clusters/demo/interruptions`, () =>
      HttpResponse.json(history(options.interruptions ?? 0)),
    ),
    http.get(`${API}/clusters/demo/queue`, () =>
      HttpResponse.json({
        cluster: 'demo',
        state: 'ok',
        message: 'Queue is drained',
        samples: [
          {
            time: '2026-11-24T11:00:00Z',
            visible: 2,
            notVisible: 0,
            delayed: 0,
          },
          {
            time: '2026-11-24T11:30:00Z',
            visible: 0,
            notVisible: 0,
            delayed: 0,
          },
        ],
        latest: {
          time: '2026-11-24T11:30:00Z',
          visible: 0,
          notVisible: 0,
          delayed: 0,
        },
      }),
    ),
  );
  return { seen };
}

describe('EntityKarpenterContent', () => {
  it('lists NodePools worst first, filters by health and opens details with the EC2NodeClass', async () => {
    backend();
    await renderWithApis(<EntityKarpenterContent />);
    const table = await screen.findByRole('table', { name: 'NodePools' });
    const rows = within(table).getAllByTestId(/nodepool-row-/);
    expect(rows.map(r => r.getAttribute('data-testid'))).toEqual([
      'nodepool-row-batch',
      'nodepool-row-general',
    ]);

    fireEvent.mouseDown(screen.getByRole('button', { name: /^Health / }));
    fireEvent.click(await screen.findByRole('option', { name: 'healthy' }));
    await waitFor(() =>
      expect(within(table).queryByTestId('nodepool-row-batch')).toBeNull(),
    );
    fireEvent.mouseDown(screen.getByRole('button', { name: /^Health / }));
    fireEvent.click(await screen.findByRole('option', { name: 'All' }));

    fireEvent.click(await within(table).findByTestId('nodepool-row-batch'));
    const details = await screen.findByTestId('nodepool-details-batch');
    expect(details).toHaveTextContent(
      'karpenter.sh/capacity-type In spot, on-demand',
    );
    expect(details).toHaveTextContent('nodes 10% — allows 1 now');
    expect(details).toHaveTextContent(
      'Not ready; role KarpenterNodeRole-demo; 0 subnets',
    );
  });

  it('pages NodeClaims from the backend 50 at a time and filters by state', async () => {
    const { seen } = backend({ claims: 250 });
    await renderWithApis(<EntityKarpenterContent />);
    expect(await screen.findByText('250 NodeClaims')).toBeInTheDocument();
    expect(screen.getAllByTestId('nodeclaim-row')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2');
    await waitFor(() =>
      expect(screen.getAllByTestId('nodeclaim-row')[0]).toHaveTextContent(
        'general-00050',
      ),
    );
    fireEvent.mouseDown(screen.getByRole('button', { name: /State/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'drifted' }));
    expect(await screen.findByText('25 NodeClaims')).toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    expect(seen[seen.length - 1].searchParams.get('state')).toBe('drifted');
  });

  it('shows the interruption timeline with breakdowns, or an empty history', async () => {
    backend({ interruptions: 4 });
    await renderWithApis(<EntityKarpenterContent />);
    expect(
      await screen.findByRole('img', {
        name: 'NodeClaims per hour (Interruptions, Rebalance warnings, Disruptions): 4 in total',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Interruptions' }),
    ).toHaveTextContent('Interruptions: 4');
    expect(screen.getByTestId('interruption-summary')).toHaveTextContent(
      '4 nodes interrupted in 24h',
    );
    expect(screen.getAllByTestId('interruption-row')).toHaveLength(4);
    expect(screen.getByRole('table', { name: 'NodePool' })).toHaveTextContent(
      'general4',
    );
  });

  it('says so when no interruptions were recorded', async () => {
    backend({ interruptions: 0 });
    await renderWithApis(<EntityKarpenterContent />);
    expect(await screen.findByTestId('no-interruptions')).toBeInTheDocument();
  });

  it('shows the failing cluster as its own tab with the error', async () => {
    backend();
    await renderWithApis(<EntityKarpenterContent />);
    fireEvent.click(
      await screen.findByRole('tab', { name: 'staging (EKS) (error)' }),
    );
    expect(
      await screen.findByTestId('cluster-error-staging'),
    ).toHaveTextContent('TIMEOUT');
  });

  it('shows a cluster the user may not read as "no access", without asking the backend for it', async () => {
    const asked: string[] = [];
    backend({
      summary: () => summary([cluster('demo'), forbiddenCluster('staging')]),
    });
    server.use(
      http.get(`${API}/clusters/staging/*`, ({ request }) => {
        asked.push(request.url);
        return HttpResponse.json(
          { error: { message: 'denied' } },
          { status: 403 },
        );
      }),
    );
    await renderWithApis(<EntityKarpenterContent />);
    fireEvent.click(
      await screen.findByRole('tab', { name: 'staging (EKS) (no access)' }),
    );
    expect(
      await screen.findByTestId('cluster-forbidden-staging'),
    ).toHaveTextContent('You do not have access to cluster staging');
    await new Promise(r => setTimeout(r, 300)); // the tab's requests start after it rendered
    expect(asked).toEqual([]);
  });

  it('shows a stale cluster with the time of its data, the reason and its last known NodePools', async () => {
    const dataTime = '2026-12-02T12:03:00.000Z';
    backend({
      summary: () =>
        summary([
          cluster('demo', {
            health: 'unknown',
            stale: true,
            updatedAt: dataTime,
            error: {
              code: 'UNREACHABLE',
              message:
                'The API server of demo cannot be reached (ECONNREFUSED)',
            },
            nodePools: [nodePool('general', { stale: true })],
          }),
        ]),
    });
    await renderWithApis(<EntityKarpenterContent />);
    const time = timeOfDay(dataTime);
    expect(await screen.findByTestId('karpenter-freshness')).toHaveTextContent(
      `Data from ${time} — cannot reach the cluster (UNREACHABLE)`,
    );
    expect(screen.getByTestId('cluster-stale-demo')).toHaveTextContent(
      'cannot be reached',
    );
    expect(
      await screen.findByRole('table', { name: 'NodePools' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Updated /)).toBeNull();
  });

  it('shows progress while the summary loads', async () => {
    const answer = deferred();
    backend();
    server.use(
      http.get(SUMMARY_URL, async () => {
        await answer.promise;
        return HttpResponse.json(demoSummary());
      }),
    );
    await renderWithApis(<EntityKarpenterContent />);
    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'NodePools' })).toBeNull();
    expect(screen.queryByText(/^Updated /)).toBeNull();
    answer.resolve();
    expect(
      await screen.findByRole('table', { name: 'NodePools' }),
    ).toBeInTheDocument();
  });

  it('explains which annotation to add when the entity is not configured', async () => {
    backend({
      summary: notConfiguredSummary,
    });
    await renderWithApis(<EntityKarpenterContent />);
    expect(
      await screen.findByText(/No karpenter.sh\/cluster annotation\./),
    ).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      'karpenter.sh/cluster: <cluster name from app-config>',
    );
    expect(screen.queryByRole('table', { name: 'NodePools' })).toBeNull();
  });

  it('shows the error when the backend fails', async () => {
    backend();
    server.use(
      http.get(SUMMARY_URL, () =>
        HttpResponse.json({ error: { message: 'boom' } }, { status: 500 }),
      ),
    );
    await renderWithApis(<EntityKarpenterContent />);
    expect(
      await screen.findByText(
        'Error: Request failed with 500 Internal Server Error',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'NodePools' })).toBeNull();
  });

  it('shows progress in the EC2NodeClasses panel until its answer arrives', async () => {
    const answer = deferred();
    backend({
      nodeClasses: async () => {
        await answer.promise;
        return HttpResponse.json({ items: [nodeClass('general')] });
      },
    });
    await renderWithApis(<EntityKarpenterContent />);
    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading EC2NodeClasses',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No EC2NodeClasses/)).toBeNull();
    answer.resolve();
    expect(await screen.findByTestId('nodeclass-general')).toBeInTheDocument();
    expect(
      screen.queryByRole('progressbar', { name: 'Loading EC2NodeClasses' }),
    ).toBeNull();
  });

  it('shows the EC2NodeClasses error instead of "no EC2NodeClasses" when that request fails', async () => {
    backend({
      nodeClasses: async () =>
        HttpResponse.json({ error: { message: 'boom' } }, { status: 503 }),
    });
    await renderWithApis(<EntityKarpenterContent />);
    expect(
      await screen.findByText(
        'Error: Request failed with 503 Service Unavailable',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No EC2NodeClasses/)).toBeNull();
    expect(screen.queryByTestId(/^nodeclass-/)).toBeNull();
  });

  describe('auto-refresh', () => {
    withFakeRefreshTimers();

    it('keeps the last answer and says so when a refresh fails', async () => {
      backend({ claims: 10 });
      await renderWithApis(<EntityKarpenterContent />, { refreshSeconds: 30 });
      const table = await screen.findByRole('table', { name: 'NodePools' });
      expect(screen.queryByTestId('tab-refresh-error')).toBeNull();
      server.use(
        http.get(SUMMARY_URL, () =>
          HttpResponse.json(
            { error: { name: 'Error', message: 'backend restarting' } },
            { status: 503 },
          ),
        ),
      );

      act(() => void jest.advanceTimersByTime(30_000));

      expect(await screen.findByTestId('tab-refresh-error')).toHaveTextContent(
        /^Refresh failed: .*\(showing the last answer\)$/,
      );
      expect(
        within(table).getByTestId('nodepool-row-batch'),
      ).toBeInTheDocument();
    });

    it('keeps open NodePool details and the health filter when it refreshes', async () => {
      backend({
        claims: 10,
        summary: call =>
          demoSummary(
            call === 0
              ? {}
              : {
                  nodeCount: 13,
                  nodesByCapacityType: { spot: 9, 'on-demand': 4 },
                },
          ),
      });
      await renderWithApis(<EntityKarpenterContent />, { refreshSeconds: 30 });
      const table = await screen.findByRole('table', { name: 'NodePools' });
      fireEvent.mouseDown(screen.getByRole('button', { name: /^Health / }));
      fireEvent.click(await screen.findByRole('option', { name: 'unhealthy' }));
      await waitFor(() =>
        expect(within(table).queryByTestId('nodepool-row-general')).toBeNull(),
      );
      fireEvent.click(within(table).getByTestId('nodepool-row-batch'));
      expect(
        await screen.findByTestId('nodepool-details-batch'),
      ).toBeInTheDocument();
      expect(
        within(table).getByText('12 nodes: 4 on-demand, 8 spot'),
      ).toBeInTheDocument();

      act(() => void jest.advanceTimersByTime(30_000));

      expect(
        await within(table).findByText('13 nodes: 4 on-demand, 9 spot'),
      ).toBeInTheDocument();
      expect(screen.getByTestId('nodepool-details-batch')).toBeInTheDocument();
      expect(within(table).getByTestId('nodepool-row-batch')).toHaveAttribute(
        'aria-expanded',
        'true',
      );
      expect(screen.getByTestId('nodepool-health-filter')).toHaveValue(
        'unhealthy',
      );
      expect(within(table).queryByTestId('nodepool-row-general')).toBeNull();
    });
  });
});
