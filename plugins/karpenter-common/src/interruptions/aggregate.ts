import { RecordedReason } from './reasons';
import {
  InterruptionBucket,
  InterruptionRecord,
  InterruptionTotals,
} from './types';

type Countable = Pick<
  InterruptionRecord,
  'time' | 'reason' | 'nodePool' | 'capacityType' | 'instanceType' | 'zone'
>;

/** Label for a record whose NodePool, capacity type, instance type or zone was not known. @public */
export const UNKNOWN_LABEL = 'unknown';

function bump(map: Record<string, number>, key: string | undefined) {
  const k = key || UNKNOWN_LABEL;
  map[k] = (map[k] ?? 0) + 1;
}

/** Totals by reason, NodePool, capacity type, instance type and zone. @public */
export function totalInterruptions(
  records: Iterable<Countable>,
): InterruptionTotals {
  const totals: InterruptionTotals = {
    total: 0,
    byReason: {},
    byNodePool: {},
    byCapacityType: {},
    byInstanceType: {},
    byZone: {},
  };
  for (const r of records) {
    totals.total += 1;
    totals.byReason[r.reason] = (totals.byReason[r.reason] ?? 0) + 1;
    bump(totals.byNodePool, r.nodePool);
    bump(totals.byCapacityType, r.capacityType);
    bump(totals.byInstanceType, r.instanceType);
    bump(totals.byZone, r.zone);
  }
  return totals;
}

/**
 * Counts records into consecutive buckets of `bucketMs` covering [from, to): every bucket is
 * present (zeros included), aligned to multiples of `bucketMs` since the epoch, oldest first.
 * Records outside the range are ignored.
 *
 * @public
 */
export function bucketInterruptions(
  records: Iterable<Pick<Countable, 'time' | 'reason'>>,
  fromMs: number,
  toMs: number,
  bucketMs: number,
): InterruptionBucket[] {
  if (!(bucketMs > 0) || !(toMs > fromMs)) {
    return [];
  }
  const first = Math.floor(fromMs / bucketMs) * bucketMs;
  const count = Math.ceil((toMs - first) / bucketMs);
  const buckets: InterruptionBucket[] = Array.from(
    { length: count },
    (_, i) => ({
      start: new Date(first + i * bucketMs).toISOString(),
      total: 0,
      byReason: {},
    }),
  );
  for (const r of records) {
    const t = Date.parse(r.time);
    if (!(t >= fromMs && t < toMs)) {
      continue;
    }
    const bucket = buckets[Math.floor((t - first) / bucketMs)];
    bucket.total += 1;
    const reason = r.reason as RecordedReason;
    bucket.byReason[reason] = (bucket.byReason[reason] ?? 0) + 1;
  }
  return buckets;
}
