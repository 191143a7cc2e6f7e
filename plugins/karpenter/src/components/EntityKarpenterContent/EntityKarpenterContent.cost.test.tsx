import { registerMswTestHooks } from '@backstage/test-utils';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  cluster,
  cost,
  history,
  nodeClaims,
  nodePool,
  summary,
} from '../../__testUtils__/fixtures';
import { BACKEND, renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityKarpenterContent } from './EntityKarpenterContent';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);
const API = `${BACKEND}/api/karpenter/v1`;

/** The cost history requests the tab makes (answered with one bucket an hour ago). */
let costRequests: URL[] = [];

function backend(answer: EntitySummary) {
  costRequests = [];
  server.use(
    http.get(`${API}/clusters/demo/cost`, ({ request }) => {
      costRequests.push(new URL(request.url));
      return HttpResponse.json({
        cluster: 'demo',
        bucketMs: 3_600_000,
        points: [
          {
            time: new Date(Date.now() - 3_600_000).toISOString(),
            hourly: 2.26,
            onDemandEquivalentHourly: 3.5,
            pricedNodes: 15,
            unpricedNodes: 3,
          },
        ],
      });
    }),
    http.get(`${API}/entities/default/resource/demo-cluster/summary`, () =>
      HttpResponse.json(answer),
    ),
    http.get(`${API}/clusters/demo/nodeclasses`, () =>
      HttpResponse.json({ items: [] }),
    ),
    http.get(`${API}/clusters/demo/nodeclaims`, () =>
      HttpResponse.json({ cluster: 'demo', items: nodeClaims(3), total: 3 }),
    ),
    http.get(`${API}/clusters/demo/interruptions`, () =>
      HttpResponse.json(history(0)),
    ),
    http.get(`${API}/clusters/demo/queue`, () =>
      HttpResponse.json({
        cluster: 'demo',
        state: 'unknown',
        message: 'No samples yet',
        samples: [],
      }),
    ),
  );
}

const batchCost = cost({}, [
  {
    instanceType: 'c5.xlarge',
    capacityType: 'on-demand',
    nodes: 2,
    hourly: 1.5,
  },
  { instanceType: 'm5.large', capacityType: 'spot', nodes: 1, hourly: 0.04 },
  { instanceType: 'x9.huge', capacityType: 'spot', nodes: 2 },
]);
const unavailable = cost(
  {
    unavailable: {
      code: 'PRICES_NOT_LOADED',
      message: 'No price fetched yet',
    },
  },
  [{ instanceType: 'm5.large', capacityType: 'spot', nodes: 1 }],
);

const withCost = summary([
  cluster('demo', {
    nodePools: [
      nodePool('general', { cost: cost() }),
      nodePool('batch', { cost: batchCost }),
      nodePool('arm64', { cost: unavailable }),
    ],
    cost: cost({ hourly: 2.26, unpricedNodes: 3 }),
  }),
]);

const poolOrder = () =>
  within(screen.getByRole('table', { name: 'NodePools' }))
    .getAllByRole('row')
    .slice(1)
    .map(r => r.getAttribute('data-testid'));

describe('EntityKarpenterContent cost', () => {
  it('shows a Cost column, sortable by $/h, unpriced and unavailable said as such', async () => {
    backend(withCost);
    await renderWithApis(<EntityKarpenterContent />);
    expect(
      await screen.findByTestId('nodepool-cost-general'),
    ).toHaveTextContent(/^\$0\.72\/h · 40 % saved by spot$/);
    expect(screen.getByTestId('nodepool-cost-batch')).toHaveTextContent(
      /^\$1\.54\/h · .* saved by spot · \+2 nodes unpriced$/,
    );
    expect(screen.getByTestId('nodepool-cost-arm64')).toHaveTextContent(
      /^Cost unavailable$/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cost' }));
    expect(poolOrder()).toEqual([
      'nodepool-row-arm64',
      'nodepool-row-general',
      'nodepool-row-batch',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Cost' }));
    expect(poolOrder()).toEqual([
      'nodepool-row-batch',
      'nodepool-row-general',
      'nodepool-row-arm64',
    ]);
  });

  it('breaks the cost down by instance type and capacity type', async () => {
    backend(withCost);
    await renderWithApis(<EntityKarpenterContent />);
    const table = await screen.findByRole('table', {
      name: 'Cost by instance type',
    });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(r =>
        within(r)
          .getAllByRole('cell')
          .map(c => c.textContent),
      );
    expect(rows).toEqual([
      ['c5.xlarge', 'on-demand', '2', '$1.50/h', '66 %'],
      ['m5.large', 'on-demand', '4', '$0.40/h', '18 %'],
      ['m5.large', 'spot', '10', '$0.36/h (+1 unpriced)', '16 %'],
      ['x9.huge', 'spot', '2', 'unpriced', '—'],
      ['Total', '18', '$2.26/h (+3 unpriced)', '100 %'],
    ]);
    expect(screen.getByText('Cost by instance type')).toBeInTheDocument();
  });

  it('shows the cost trend of the cluster under the breakdown', async () => {
    backend(withCost);
    await renderWithApis(<EntityKarpenterContent />);
    expect(await screen.findByTestId('cost-trend-latest')).toHaveTextContent(
      'Latest: $2.26/h · on-demand equivalent $3.50/h · +3 nodes unpriced',
    );
    expect(screen.getByText('Cost trend')).toBeInTheDocument();
    expect(screen.getByTestId('cost-trend-hourly')).toBeInTheDocument();
    // the entity is the cluster: the whole cluster, hourly buckets over 24 h
    expect(costRequests).toHaveLength(1);
    expect(costRequests[0].searchParams.get('bucket')).toBe('1h');
    expect(costRequests[0].searchParams.has('nodePool')).toBe(false);
  });

  it('shows no Cost column and no breakdown when the backend computes no cost', async () => {
    backend(summary([cluster('demo')]));
    await renderWithApis(<EntityKarpenterContent />);
    await screen.findByTestId('nodepool-row-general');
    const header = within(screen.getByRole('table', { name: 'NodePools' }))
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(header).toEqual([
      'NodePool',
      'Health',
      'Nodes',
      'CPU',
      'Memory',
      'NodeClaims',
    ]);
    expect(screen.queryByText('Cost by instance type')).toBeNull();
    expect(screen.queryByTestId('cost')).toBeNull();
    expect(screen.queryByText('Cost trend')).toBeNull();
    expect(screen.queryByTestId('cost-trend')).toBeNull();
    expect(costRequests).toHaveLength(0);
  });
});
