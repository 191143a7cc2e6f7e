import { nodePoolList, timeOrDefault, timeRange } from './queryParams';

describe('the checks the spec cannot express', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');

  it('defaults the range to the 24 h before now, or before to', () => {
    expect(timeRange(undefined, undefined, now)).toEqual({
      fromMs: now - 86_400_000,
      toMs: now,
    });
    const to = '2026-11-30T00:00:00Z';
    expect(timeRange(undefined, to, now)).toEqual({
      fromMs: Date.parse(to) - 86_400_000,
      toMs: Date.parse(to),
    });
  });

  it('refuses from after to and ranges over 31 days, naming from', () => {
    expect(() =>
      timeRange('2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z', now),
    ).toThrow('from: must be before to');
    expect(() =>
      timeRange('2026-10-01T00:00:00Z', '2026-11-02T00:00:01Z', now),
    ).toThrow('from: the range may span at most 31 days');
    expect(
      timeRange('2026-10-02T00:00:00Z', '2026-11-02T00:00:00Z', now).fromMs,
    ).toBe(Date.parse('2026-10-02T00:00:00Z'));
  });

  it('splits, trims and deduplicates the NodePool list', () => {
    expect(nodePoolList(undefined)).toBeUndefined();
    expect(nodePoolList('general, batch,general')).toEqual([
      'general',
      'batch',
    ]);
  });

  it('reads since with its fallback', () => {
    expect(timeOrDefault('since', undefined, 5)).toBe(5);
    expect(timeOrDefault('since', '2026-12-01T00:00:00Z', 5)).toBe(
      Date.parse('2026-12-01T00:00:00Z'),
    );
    expect(() => timeOrDefault('since', 'x', 5)).toThrow('since: ');
  });
});
