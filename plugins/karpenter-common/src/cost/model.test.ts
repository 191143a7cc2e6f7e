import {
  BILLED_NODE_CLAIM_STATES,
  nodeHourlyPrice,
  nodesCost,
  spotSavings,
  sumCosts,
} from './model';
import { CostedNode, PriceBook } from './types';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const HOUR = 3_600_000;

const ON_DEMAND: Record<string, number> = {
  'm5.large': 0.096,
  'c5.xlarge': 0.17,
};

const book: PriceBook = {
  onDemand: type =>
    type in ON_DEMAND
      ? { usdPerHour: ON_DEMAND[type], fetchedAt: NOW - HOUR }
      : undefined,
  spot: (type, zone) =>
    type === 'm5.large' && zone === 'eu-west-1a'
      ? { usdPerHour: 0.036, fetchedAt: NOW - 2 * HOUR }
      : undefined,
};

const node = (overrides: Partial<CostedNode>): CostedNode => ({
  state: 'initialized',
  instanceType: 'm5.large',
  capacityType: 'on-demand',
  zone: 'eu-west-1a',
  ...overrides,
});

describe('nodeHourlyPrice', () => {
  it('prices on-demand at the regional price and spot at the zonal price', () => {
    expect(nodeHourlyPrice(node({}), book)?.hourly).toBeCloseTo(0.096);
    const spot = nodeHourlyPrice(node({ capacityType: 'spot' }), book);
    expect(spot?.hourly).toBeCloseTo(0.036);
    expect(spot?.onDemandEquivalent).toBeCloseTo(0.096);
  });

  it('applies the discount to both the price and its on-demand equivalent', () => {
    const spot = nodeHourlyPrice(node({ capacityType: 'spot' }), book, {
      discount: 0.85,
    });
    expect(spot?.hourly).toBeCloseTo(0.036 * 0.85);
    expect(spot?.onDemandEquivalent).toBeCloseTo(0.096 * 0.85);
  });

  it('prices reserved capacity at the on-demand price times the factor', () => {
    expect(
      nodeHourlyPrice(node({ capacityType: 'reserved' }), book)?.hourly,
    ).toBeCloseTo(0.096);
    expect(
      nodeHourlyPrice(node({ capacityType: 'reserved' }), book, {
        reservedPriceFactor: 0.6,
      })?.hourly,
    ).toBeCloseTo(0.0576);
  });

  it('has no price for an unknown type, capacity type or spot zone', () => {
    expect(
      nodeHourlyPrice(node({ instanceType: 'x9.huge' }), book),
    ).toBeUndefined();
    expect(
      nodeHourlyPrice(node({ instanceType: undefined }), book),
    ).toBeUndefined();
    expect(
      nodeHourlyPrice(node({ capacityType: 'weird' }), book),
    ).toBeUndefined();
    expect(
      nodeHourlyPrice(node({ capacityType: 'spot', zone: 'eu-west-1b' }), book),
    ).toBeUndefined();
    expect(
      nodeHourlyPrice(node({ capacityType: 'spot', zone: undefined }), book),
    ).toBeUndefined();
  });
});

describe('nodesCost', () => {
  it('sums the running nodes and counts unpriced ones apart, never as free', () => {
    const cost = nodesCost(
      [
        node({}),
        node({ capacityType: 'spot' }),
        node({ capacityType: 'spot' }),
        node({ instanceType: 'c5.xlarge' }),
        node({ instanceType: 'x9.huge' }),
      ],
      book,
      { nowMs: NOW },
    );
    expect(cost.hourly).toBeCloseTo(0.096 + 2 * 0.036 + 0.17);
    expect(cost.onDemandEquivalentHourly).toBeCloseTo(3 * 0.096 + 0.17);
    expect(cost.pricedNodes).toBe(4);
    expect(cost.unpricedNodes).toBe(1);
    expect(cost.currency).toBe('USD');
    expect(cost.spotSavings).toBeCloseTo(
      1 - (0.096 + 2 * 0.036 + 0.17) / (3 * 0.096 + 0.17),
    );
    // the oldest price used (the spot price, 2 h old)
    expect(cost.pricesAsOf).toBe(new Date(NOW - 2 * HOUR).toISOString());
    expect(cost.pricesStale).toBeUndefined();
    expect(cost.byInstanceType).toEqual([
      {
        instanceType: 'c5.xlarge',
        capacityType: 'on-demand',
        nodes: 1,
        hourly: 0.17,
      },
      {
        instanceType: 'm5.large',
        capacityType: 'on-demand',
        nodes: 1,
        hourly: 0.096,
      },
      {
        instanceType: 'm5.large',
        capacityType: 'spot',
        nodes: 2,
        hourly: expect.closeTo(0.072),
      },
      { instanceType: 'x9.huge', capacityType: 'on-demand', nodes: 1 },
    ]);
  });

  it('counts only NodeClaims that have an instance', () => {
    const states = [
      'pending',
      'failed',
      ...BILLED_NODE_CLAIM_STATES,
    ] as CostedNode['state'][];
    const cost = nodesCost(
      states.map(state => node({ state })),
      book,
      { nowMs: NOW },
    );
    expect(cost.pricedNodes).toBe(BILLED_NODE_CLAIM_STATES.length);
    expect(cost.hourly).toBeCloseTo(0.096 * BILLED_NODE_CLAIM_STATES.length);
  });

  it('marks prices older than staleAfter', () => {
    const cost = nodesCost([node({})], book, {
      nowMs: NOW,
      staleAfterMs: 30 * 60_000,
    });
    expect(cost.pricesStale).toBe(true);
  });

  it('says why nothing is priced when the book has no prices', () => {
    const empty: PriceBook = {
      onDemand: () => undefined,
      spot: () => undefined,
      unavailable: { code: 'PRICING_DENIED', message: 'denied' },
    };
    const cost = nodesCost([node({}), node({})], empty, { nowMs: NOW });
    expect(cost).toMatchObject({
      hourly: 0,
      pricedNodes: 0,
      unpricedNodes: 2,
      unavailable: { code: 'PRICING_DENIED' },
    });
    expect(cost.spotSavings).toBeUndefined();
    // no node, nothing to price: $0/h is the truth
    expect(nodesCost([], empty, { nowMs: NOW }).unavailable).toBeUndefined();
  });
});

describe('sumCosts', () => {
  it('adds costs, merges the breakdown and keeps the oldest price time', () => {
    const a = nodesCost([node({}), node({ capacityType: 'spot' })], book, {
      nowMs: NOW,
    });
    const b = nodesCost([node({}), node({ instanceType: 'x9.huge' })], book, {
      nowMs: NOW,
      staleAfterMs: 1,
    });
    const sum = sumCosts([a, undefined, b])!;
    expect(sum.hourly).toBeCloseTo(2 * 0.096 + 0.036);
    expect(sum.onDemandEquivalentHourly).toBeCloseTo(3 * 0.096);
    expect(sum.pricedNodes).toBe(3);
    expect(sum.unpricedNodes).toBe(1);
    expect(sum.pricesAsOf).toBe(a.pricesAsOf);
    expect(sum.pricesStale).toBe(true);
    expect(
      sum.byInstanceType.find(
        i => i.instanceType === 'm5.large' && i.capacityType === 'on-demand',
      ),
    ).toEqual({
      instanceType: 'm5.large',
      capacityType: 'on-demand',
      nodes: 2,
      hourly: expect.closeTo(0.192),
    });
    expect(sumCosts([undefined])).toBeUndefined();
    expect(sumCosts([a, { ...b, dataStale: true }])!.dataStale).toBe(true);
    expect(sum.dataStale).toBeUndefined();
  });
});

describe('spotSavings', () => {
  it('is 1 − hourly / on-demand equivalent, clamped to [0, 1]', () => {
    expect(
      spotSavings({ hourly: 39, onDemandEquivalentHourly: 100 }),
    ).toBeCloseTo(0.61);
    expect(
      spotSavings({ hourly: 0, onDemandEquivalentHourly: 0 }),
    ).toBeUndefined();
    expect(spotSavings({ hourly: 120, onDemandEquivalentHourly: 100 })).toBe(0);
  });
});
