import {
  bucketInterruptions,
  totalInterruptions,
  UNKNOWN_LABEL,
} from './aggregate';

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

  it('returns no buckets for an empty or inverted range', () => {
    expect(bucketInterruptions(records, base, base, HOUR)).toEqual([]);
    expect(bucketInterruptions(records, base, base + HOUR, 0)).toEqual([]);
  });
});

describe('totalInterruptions', () => {
  it('counts by every dimension and labels missing values', () => {
    const totals = totalInterruptions([
      {
        time: at(0),
        reason: 'SpotInterrupted',
        nodePool: 'general',
        capacityType: 'spot',
        instanceType: 'm5.large',
        zone: 'eu-west-1a',
      },
      {
        time: at(1),
        reason: 'SpotInterrupted',
        nodePool: 'general',
        capacityType: 'spot',
        instanceType: 'm5.xlarge',
        zone: 'eu-west-1b',
      },
      { time: at(2), reason: 'InstanceStopping' },
    ]);
    expect(totals).toEqual({
      total: 3,
      byReason: { SpotInterrupted: 2, InstanceStopping: 1 },
      byNodePool: { general: 2, [UNKNOWN_LABEL]: 1 },
      byCapacityType: { spot: 2, [UNKNOWN_LABEL]: 1 },
      byInstanceType: { 'm5.large': 1, 'm5.xlarge': 1, [UNKNOWN_LABEL]: 1 },
      byZone: { 'eu-west-1a': 1, 'eu-west-1b': 1, [UNKNOWN_LABEL]: 1 },
    });
  });
});
