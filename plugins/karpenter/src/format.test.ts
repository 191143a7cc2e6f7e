import { cost } from './__testUtils__/fixtures';
import {
  costText,
  costUnavailable,
  formatAge,
  formatBytes,
  formatCores,
  formatHourlyCost,
  formatPercent,
  formatSavings,
  nodesText,
  pluralNoun,
  podsText,
  unpricedText,
} from './format';

describe('format', () => {
  it('counts nodes and pods, singular for one', () => {
    expect(nodesText(1)).toBe('1 node');
    expect(nodesText(0)).toBe('0 nodes');
    expect(podsText(1)).toBe('1 pod');
    expect(podsText(3)).toBe('3 pods');
    expect(pluralNoun(2, 'NodeClaim')).toBe('NodeClaims');
  });

  it('formats cores, bytes and percentages', () => {
    expect(formatCores(0.25)).toBe('250m');
    expect(formatCores(12)).toBe('12');
    expect(formatCores(7.25)).toBe('7.3');
    expect(formatBytes(1024 ** 3)).toBe('1 GiB');
    expect(formatBytes(1.5 * 1024 ** 4)).toBe('1.5 TiB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatPercent(0.934)).toBe('93 %');
  });
  it('formats ages like kubectl', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(formatAge('2026-11-24T11:59:15Z', now)).toBe('45s');
    expect(formatAge('2026-11-24T11:30:00Z', now)).toBe('30m');
    expect(formatAge('2026-11-24T02:00:00Z', now)).toBe('10h');
    expect(formatAge('2026-11-20T12:00:00Z', now)).toBe('4d');
    expect(formatAge(undefined, now)).toBe('—');
  });
  it('formats hourly costs in USD with 2 decimals', () => {
    expect(formatHourlyCost(12.4)).toBe('$12.40/h');
    expect(formatHourlyCost(0.016)).toBe('$0.02/h');
    expect(formatHourlyCost(0.004)).toBe('<$0.01/h');
    expect(formatHourlyCost(0.0099)).toBe('<$0.01/h');
    expect(formatHourlyCost(0)).toBe('$0.00/h');
    expect(formatHourlyCost(1234.5)).toBe('$1,234.50/h');
    expect(formatHourlyCost(1_234_567.891)).toBe('$1,234,567.89/h');
  });
  it('formats the spot saving like the other percentages', () => {
    expect(formatSavings(0.612)).toBe('61 % saved by spot');
    expect(formatSavings(0)).toBe('0 % saved by spot');
    expect(unpricedText(1)).toBe('+1 node unpriced');
    expect(unpricedText(2)).toBe('+2 nodes unpriced');
  });
  it('says a cost in one line, the saving only with priced spot nodes', () => {
    expect(costText(cost())).toBe('$0.72/h · 40 % saved by spot');
    expect(costText(cost({ hourly: 12.4, spotSavings: 0.61 }))).toBe(
      '$12.40/h · 61 % saved by spot',
    );
    // spot at the on-demand price: spot saves nothing, and that is said
    expect(costText(cost({ spotSavings: 0 }))).toBe(
      '$0.72/h · 0 % saved by spot',
    );
    // on-demand only: no spot, no saving to speak of
    const onDemand = cost({}, [
      {
        instanceType: 'm5.large',
        capacityType: 'on-demand',
        nodes: 2,
        hourly: 0.2,
      },
    ]);
    expect(onDemand.spotSavings).toBe(0);
    expect(costText(onDemand)).toBe('$0.20/h');
    // a cheaper reserved price is not a spot saving
    const reserved = cost({}, [
      {
        instanceType: 'm5.large',
        capacityType: 'reserved',
        nodes: 2,
        hourly: 0.1,
      },
    ]);
    expect(reserved.spotSavings).toBe(0.5);
    expect(costText(reserved)).toBe('$0.10/h');
    // spot nodes without a price and no saving known
    const unpricedSpot = cost({}, [
      {
        instanceType: 'm5.large',
        capacityType: 'on-demand',
        nodes: 1,
        hourly: 0.1,
      },
      { instanceType: 'x9.huge', capacityType: 'spot', nodes: 2 },
    ]);
    expect(costText(unpricedSpot)).toBe('$0.10/h');
    expect(costText(cost({ spotSavings: undefined }))).toBe('$0.72/h');
  });
  it('says "Cost unavailable" when no price is known, not $0.00/h', () => {
    const unavailable = cost(
      {
        unavailable: {
          code: 'PRICING_DENIED',
          message: 'AWS refused pricing:GetProducts',
        },
      },
      [{ instanceType: 'm5.large', capacityType: 'spot', nodes: 3 }],
    );
    expect(unavailable.hourly).toBe(0);
    expect(costUnavailable(unavailable)).toBe(true);
    expect(costText(unavailable)).toBe('Cost unavailable');
    // some nodes priced (another cluster, another region): their cost is a number to read
    const partly = cost({
      unpricedNodes: 2,
      unavailable: { code: 'PRICES_NOT_LOADED', message: 'not yet' },
    });
    expect(costUnavailable(partly)).toBe(false);
    expect(costText(partly)).toBe('$0.72/h · 40 % saved by spot');
  });
});
