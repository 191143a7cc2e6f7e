import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { cluster, cost, nodePool, summary } from '../../__testUtils__/fixtures';
import { BACKEND, renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityKarpenterCard } from './EntityKarpenterCard';

const server = setupServer();
registerMswTestHooks(server);
const SUMMARY_URL = `${BACKEND}/api/karpenter/v1/entities/default/resource/demo-cluster/summary`;

function answer(body: EntitySummary) {
  server.use(http.get(SUMMARY_URL, () => HttpResponse.json(body)));
}

const old = new Date(Date.now() - 50 * 3_600_000).toISOString();

describe('EntityKarpenterCard cost', () => {
  it('shows what the entity and each NodePool cost per hour', async () => {
    const batch = cost({}, [
      {
        instanceType: 'c5.xlarge',
        capacityType: 'spot',
        nodes: 3,
        hourly: 0.2,
      },
      { instanceType: 'x9.huge', capacityType: 'spot', nodes: 2 },
    ]);
    answer(
      summary(
        [
          cluster('demo', {
            nodePools: [
              nodePool('general', { cost: cost() }),
              nodePool('batch', { cost: batch }),
            ],
          }),
        ],
        {
          cost: cost({ hourly: 12.4, spotSavings: 0.612, unpricedNodes: 2 }, [
            ...cost().byInstanceType,
            ...batch.byInstanceType,
          ]),
        },
      ),
    );
    await renderWithApis(<EntityKarpenterCard />);
    expect(await screen.findByTestId('entity-cost')).toHaveTextContent(
      /^Cost: \$12\.40\/h · 61 % saved by spot · \+2 nodes unpriced$/,
    );
    const general = screen.getByTestId('nodepool-general');
    expect(within(general).getByTestId('cost')).toHaveTextContent(
      /^\$0\.72\/h · 40 % saved by spot$/,
    );
    const pool = screen.getByTestId('nodepool-batch');
    expect(within(pool).getByTestId('cost')).toHaveTextContent(
      /^\$0\.20\/h · 33 % saved by spot · \+2 nodes unpriced$/,
    );
  });

  it('marks stale prices and says when no price is known', async () => {
    const unavailable = cost(
      {
        unavailable: {
          code: 'PRICING_UNAVAILABLE',
          message: 'The AWS pricing endpoints failed',
        },
      },
      [{ instanceType: 'm5.large', capacityType: 'spot', nodes: 4 }],
    );
    answer(
      summary(
        [
          cluster('demo', {
            nodePools: [
              nodePool('general', {
                cost: cost({ pricesStale: true, pricesAsOf: old }),
              }),
              nodePool('batch', { cost: unavailable }),
            ],
          }),
        ],
        { cost: unavailable },
      ),
    );
    await renderWithApis(<EntityKarpenterCard />);
    expect(await screen.findByTestId('entity-cost')).toHaveTextContent(
      /^Cost unavailable — The AWS pricing endpoints failed$/,
    );
    const general = screen.getByTestId('nodepool-general');
    expect(within(general).getByTestId('cost-stale')).toHaveTextContent(
      'prices from 2d ago',
    );
    const batch = screen.getByTestId('nodepool-batch');
    expect(within(batch).getByTestId('cost')).toHaveTextContent(
      /^Cost unavailable$/,
    );
    expect(document.body).not.toHaveTextContent('$0.00/h');
  });

  it('says nothing about cost when the backend computes none', async () => {
    answer(summary([cluster('demo')]));
    await renderWithApis(<EntityKarpenterCard />);
    expect(await screen.findByTestId('nodepool-general')).toBeInTheDocument();
    expect(screen.queryByTestId('entity-cost')).toBeNull();
    expect(screen.queryByTestId('cost')).toBeNull();
    expect(document.body).not.toHaveTextContent(/\/h\b|unpriced|Cost/);
  });
});
