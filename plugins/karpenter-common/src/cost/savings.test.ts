import { consolidationSavings } from './savings';
import { PriceBook } from './types';

const at = 1_700_000_000_000;
const onDemand: Record<string, number> = {
  'm5.large': 0.096,
  'c5.xlarge': 0.17,
};
const book: PriceBook = {
  onDemand: type =>
    type in onDemand
      ? { usdPerHour: onDemand[type], fetchedAt: at }
      : undefined,
  spot: (type, zone) =>
    type === 'm5.large' && zone === 'eu-west-1a'
      ? { usdPerHour: 0.04, fetchedAt: at }
      : undefined,
};

describe('consolidationSavings', () => {
  it("takes Karpenter's estimate for a replacement and the node's price for a deletion", () => {
    const savings = consolidationSavings(
      [
        // replaced: Karpenter estimated $0.05/h
        {
          instanceType: 'c5.xlarge',
          capacityType: 'on-demand',
          karpenterSavings: 0.05,
        },
        // deleted on-demand m5.large: its price
        { instanceType: 'm5.large', capacityType: 'on-demand' },
        // deleted spot m5.large in eu-west-1a: its spot price
        { instanceType: 'm5.large', capacityType: 'spot', zone: 'eu-west-1a' },
        // deleted, no price known: not counted as free
        { instanceType: 'x9.huge', capacityType: 'on-demand' },
      ],
      book,
    );
    expect(savings).toEqual({
      hourly: expect.any(Number),
      currency: 'USD',
      consolidated: 4,
      fromKarpenter: 1,
      fromPrices: 2,
      unestimated: 1,
    });
    expect(savings.hourly).toBeCloseTo(0.05 + 0.096 + 0.04, 9);
  });

  it('applies the discount to both kinds of estimate', () => {
    const savings = consolidationSavings(
      [
        { karpenterSavings: 0.1 },
        { instanceType: 'm5.large', capacityType: 'on-demand' },
      ],
      book,
      { discount: 0.5 },
    );
    expect(savings.hourly).toBeCloseTo((0.1 + 0.096) * 0.5, 9);
  });

  it('is zero with nothing consolidated', () => {
    expect(consolidationSavings([], book)).toMatchObject({
      hourly: 0,
      consolidated: 0,
    });
  });
});
