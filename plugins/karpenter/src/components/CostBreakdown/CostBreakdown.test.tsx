import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { cost, nodePool } from '../../__testUtils__/fixtures';
import { CostBreakdown } from './CostBreakdown';
import { costBreakdown } from './breakdown';

const general = nodePool('general', { cost: cost() });
const batch = nodePool('batch', {
  cost: cost({}, [
    { instanceType: 'm5.large', capacityType: 'spot', nodes: 2, hourly: 0.1 },
    {
      instanceType: 'c5.xlarge',
      capacityType: 'on-demand',
      nodes: 1,
      hourly: 0.17,
    },
    { instanceType: 'x9.huge', capacityType: 'spot', nodes: 1 },
  ]),
});

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map(c => c.textContent);

describe('CostBreakdown', () => {
  it('merges the NodePools per instance type and capacity type', () => {
    const { rows, total } = costBreakdown([general, batch, nodePool('none')]);
    expect(rows.map(r => [r.instanceType, r.capacityType, r.nodes])).toEqual([
      ['m5.large', 'spot', 10],
      ['m5.large', 'on-demand', 4],
      ['c5.xlarge', 'on-demand', 1],
      ['x9.huge', 'spot', 1],
    ]);
    expect(rows[0].hourly).toBeCloseTo(0.42);
    expect(rows[3]).toEqual({
      instanceType: 'x9.huge',
      capacityType: 'spot',
      nodes: 1,
      unpricedNodes: 1,
    });
    expect(total.nodes).toBe(16);
    expect(total.unpricedNodes).toBe(1);
    expect(total.hourly).toBeCloseTo(0.99);
  });

  it('lists nodes, $/h and share, the sums in the last row', async () => {
    await renderInTestApp(
      <CostBreakdown
        pools={[general, batch]}
        total={cost({ hourly: 0.99, unpricedNodes: 1, pricedNodes: 15 })}
      />,
    );
    const table = screen.getByRole('table', { name: 'Cost by instance type' });
    const [, ...rows] = within(table).getAllByRole('row');
    expect(rows.map(cells)).toEqual([
      ['m5.large', 'spot', '10', '$0.42/h', '42 %'],
      ['m5.large', 'on-demand', '4', '$0.40/h', '40 %'],
      ['c5.xlarge', 'on-demand', '1', '$0.17/h', '17 %'],
      ['x9.huge', 'spot', '1', 'unpriced', '—'],
      ['Total', '16', '$0.99/h (+1 unpriced)', '100 %'],
    ]);
    expect(screen.getByTestId('cost')).toHaveTextContent(
      /^Total: \$0\.99\/h · .* saved by spot · \+1 node unpriced$/,
    );
    expect(
      screen.getByText(/Savings Plans and Reserved Instances are not modelled/),
    ).toBeInTheDocument();
  });

  it('says when no price is known at all', async () => {
    const unavailable = cost(
      {
        unavailable: {
          code: 'PRICES_NOT_LOADED',
          message: 'No price fetched for eu-west-1 yet',
        },
      },
      [{ instanceType: 'm5.large', capacityType: 'spot', nodes: 3 }],
    );
    await renderInTestApp(
      <CostBreakdown
        pools={[nodePool('general', { cost: unavailable })]}
        total={unavailable}
      />,
    );
    expect(screen.getByTestId('cost')).toHaveTextContent(
      'Cost unavailable — No price fetched for eu-west-1 yet',
    );
    expect(cells(screen.getByTestId('cost-breakdown-total'))).toEqual([
      'Total',
      '3',
      'unpriced',
      '—',
    ]);
    expect(document.body).not.toHaveTextContent('$0.00');
  });

  it('renders nothing when no NodePool has a cost', async () => {
    const { container } = await renderInTestApp(
      <div data-testid="empty">
        <CostBreakdown pools={[nodePool('general'), nodePool('batch')]} />
      </div>,
    );
    expect(screen.getByTestId('empty')).toBeEmptyDOMElement();
    expect(container.querySelector('table')).toBeNull();
  });
});
