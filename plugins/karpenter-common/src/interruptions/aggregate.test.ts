import { bucketInterruptions } from './aggregate';

const HOUR = 3600_000;
const base = Date.parse('2026-11-24T00:00:00Z');
const at = (ms: number) => new Date(base + ms).toISOString();

describe('bucketInterruptions', () => {
  const records = [
    { time: at(5 * 60_000), reason: 'SpotInterrupted' as const },
    { time: at(10 * 60_000), reason: 'SpotInterrupted' as const },
    { time: at(HOUR + 1), reason: 'DisruptionTerminating' as const },
    { time: at(3 * HOUR), reason: 'SpotInterrupted' as const }, // outside [0, 3h)
    { time: at(-1), reason: 'SpotInterrupted' as const }, // before range
  ];

  it('fills every hourly bucket, zeros included, oldest first', () => {
    const buckets = bucketInterruptions(records, base, base + 3 * HOUR, HOUR);
    expect(buckets.map(b => b.start)).toEqual([at(0), at(HOUR), at(2 * HOUR)]);
    expect(buckets.map(b => b.total)).toEqual([2, 1, 0]);
    expect(buckets[0].byReason).toEqual({ SpotInterrupted: 2 });
    expect(buckets[1].byReason).toEqual({ DisruptionTerminating: 1 });
  });

  it('aligns buckets to the bucket size and includes a partial first bucket', () => {
    const buckets = bucketInterruptions(
      records,
      base + 30 * 60_000,
      base + 2 * HOUR,
      HOUR,
    );
    expect(buckets.map(b => b.start)).toEqual([at(0), at(HOUR)]);
    // the record at 05:00 is before `from` and is not counted
    expect(buckets.map(b => b.total)).toEqual([0, 1]);
  });

  it('adds pre-aggregated counts', () => {
    const buckets = bucketInterruptions(
      [
        { time: at(0), reason: 'SpotInterrupted', count: 40 },
        { time: at(0), reason: 'InstanceStopping', count: 2 },
        { time: at(HOUR), reason: 'SpotInterrupted' },
      ],
      base,
      base + 2 * HOUR,
      HOUR,
    );
    expect(buckets.map(b => b.total)).toEqual([42, 1]);
    expect(buckets[0].byReason).toEqual({
      SpotInterrupted: 40,
      InstanceStopping: 2,
    });
  });

  it('returns no buckets for an empty or inverted range', () => {
    expect(bucketInterruptions(records, base, base, HOUR)).toEqual([]);
    expect(bucketInterruptions(records, base, base + HOUR, 0)).toEqual([]);
  });
});

describe('bucketInterruptions with first-notice counts', () => {
  it('counts distinct NodeClaims by the bucket of their first event, apart from events', () => {
    const buckets = bucketInterruptions(
      [{ time: at(0), reason: 'SpotInterrupted', count: 4 }],
      base,
      base + 2 * HOUR,
      HOUR,
      [
        { time: at(0), kind: 'interrupted', count: 2 },
        { time: at(HOUR), kind: 'disrupted' },
        { time: at(2 * HOUR), kind: 'interrupted' }, // outside
      ],
    );
    expect(buckets.map(b => b.nodeClaims)).toEqual([
      { interrupted: 2, rebalanceRecommended: 0, disrupted: 0 },
      { interrupted: 0, rebalanceRecommended: 0, disrupted: 1 },
    ]);
    expect(buckets[0].total).toBe(4);
  });
});
