import { ConsolidationSavings as Savings } from '@karpenter-backstage/plugin-karpenter-common';
import { render, screen } from '@testing-library/react';
import {
  ConsolidationSavings,
  consolidationSavingsText,
} from './ConsolidationSavings';

const savings = (s: Partial<Savings>): Savings => ({
  hourly: 0,
  currency: 'USD',
  consolidated: 0,
  fromKarpenter: 0,
  fromPrices: 0,
  unestimated: 0,
  ...s,
});

describe('ConsolidationSavings', () => {
  it('says what consolidation saved and how it was estimated', () => {
    render(
      <ConsolidationSavings
        window="24 h"
        savings={savings({
          hourly: 0.4234,
          consolidated: 4,
          fromKarpenter: 1,
          fromPrices: 2,
          unestimated: 1,
        })}
      />,
    );
    expect(screen.getByTestId('consolidation-savings')).toHaveTextContent(
      'Consolidation in 24 h saved $0.42/h: 4 nodes (1 replaced by a cheaper one, 2 removed, 1 without an estimate)',
    );
  });

  it('says when there was none, when nothing could be estimated, and a negative estimate', () => {
    expect(consolidationSavingsText(savings({}), '7 d')).toBe(
      'No consolidation in 7 d',
    );
    expect(
      consolidationSavingsText(
        savings({ consolidated: 1, unestimated: 1 }),
        '24 h',
      ),
    ).toBe('Consolidation in 24 h: 1 node, no estimate of what it saved');
    expect(
      consolidationSavingsText(
        savings({ hourly: -0.02, consolidated: 1, fromKarpenter: 1 }),
        '24 h',
      ),
    ).toBe(
      'Consolidation in 24 h added $0.02/h: 1 node (1 replaced by a cheaper one)',
    );
  });
});
