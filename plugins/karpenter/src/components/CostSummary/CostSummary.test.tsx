import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { cost, NOW } from '../../__testUtils__/fixtures';
import { CostSummary, costExplanation, staleText } from './CostSummary';

const unavailable = cost(
  {
    unavailable: {
      code: 'PRICING_DENIED',
      message: 'AWS refused the credentials (pricing:GetProducts)',
    },
  },
  [{ instanceType: 'm5.large', capacityType: 'spot', nodes: 3 }],
);

describe('CostSummary', () => {
  it('shows the cost per hour and the spot saving, with a label', async () => {
    await renderInTestApp(<CostSummary cost={cost()} label="Cost: " />);
    expect(screen.getByTestId('cost')).toHaveTextContent(
      /^Cost: \$0\.72\/h · 40 % saved by spot$/,
    );
    expect(screen.queryByTestId('cost-stale')).toBeNull();
  });

  it('explains on hover what the number means', async () => {
    await renderInTestApp(<CostSummary cost={cost()} />);
    fireEvent.mouseOver(screen.getByTestId('cost'));
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent(
      '$0.72/h: what the 12 nodes with a known price cost per hour at AWS list prices (USD), after the configured discount.',
    );
    expect(tooltip).toHaveTextContent(
      'At on-demand prices: $1.20/h — spot saves 40 %',
    );
    expect(tooltip).toHaveTextContent(
      'Savings Plans and Reserved Instances are not modelled.',
    );
  });

  it('says how many nodes have no known price', async () => {
    const partly = cost({}, [
      {
        instanceType: 'm5.large',
        capacityType: 'spot',
        nodes: 8,
        hourly: 0.32,
      },
      { instanceType: 'x9.huge', capacityType: 'spot', nodes: 2 },
    ]);
    await renderInTestApp(<CostSummary cost={partly} />);
    expect(screen.getByTestId('cost')).toHaveTextContent(
      '$0.32/h · 60 % saved by spot · +2 nodes unpriced',
    );
    expect(costExplanation(partly)).toContain(
      '2 nodes without a known price (instance type, capacity type or zone not priced): not included, never counted as free.',
    );
  });

  it('marks stale prices with their age', async () => {
    const twoDaysOld = new Date(Date.now() - 50 * 3_600_000).toISOString();
    await renderInTestApp(
      <CostSummary
        cost={cost({ pricesStale: true, pricesAsOf: twoDaysOld })}
      />,
    );
    expect(screen.getByTestId('cost-stale')).toHaveTextContent(
      'prices from 2d ago',
    );
    expect(screen.getByTestId('cost')).toHaveTextContent(
      '$0.72/h · 40 % saved by spot · prices from 2d ago',
    );
    const thirtyHours = new Date(NOW - 30 * 3_600_000).toISOString();
    expect(
      staleText(cost({ pricesStale: true, pricesAsOf: thirtyHours }), NOW),
    ).toBe('prices from 30h ago');
    expect(staleText(cost({ pricesStale: true, pricesAsOf: undefined }))).toBe(
      'prices stale',
    );
    expect(costExplanation(cost({ pricesStale: true })).join(' ')).toContain(
      'Some prices are older than the backend allows',
    );
  });

  it('marks the cost of a stale cluster as its last known', async () => {
    await renderInTestApp(<CostSummary cost={cost({ dataStale: true })} />);
    expect(screen.getByTestId('cost')).toHaveTextContent(
      '$0.72/h · 40 % saved by spot · last known',
    );
    expect(costExplanation(cost({ dataStale: true })).join(' ')).toContain(
      'last known NodeClaims of a cluster whose data is stale',
    );
  });

  it('says "Cost unavailable" with the reason, never $0.00/h', async () => {
    await renderInTestApp(
      <>
        <CostSummary cost={unavailable} label="Cost: " detailed />
        <CostSummary cost={unavailable} />
      </>,
    );
    const [detailed, compact] = screen.getAllByTestId('cost');
    expect(detailed).toHaveTextContent(
      /^Cost unavailable — AWS refused the credentials \(pricing:GetProducts\)$/,
    );
    expect(compact).toHaveTextContent(/^Cost unavailable$/);
    expect(document.body).not.toHaveTextContent('$0.00');
    expect(document.body).not.toHaveTextContent('unpriced');
    fireEvent.mouseOver(compact);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'No price is known for 3 nodes: AWS refused the credentials (pricing:GetProducts) (PRICING_DENIED).',
    );
  });

  it('renders nothing without a cost', async () => {
    const { container } = await renderInTestApp(
      <div data-testid="empty">
        <CostSummary />
      </div>,
    );
    expect(screen.getByTestId('empty')).toBeEmptyDOMElement();
    expect(container).not.toHaveTextContent('Cost');
  });
});
