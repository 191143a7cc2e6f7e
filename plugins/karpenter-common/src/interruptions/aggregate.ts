import { RecordedReason } from './reasons';
import { InterruptionBucket } from './types';

/** Label for a record whose NodePool, capacity type, instance type or zone was not known. @public */
export const UNKNOWN_LABEL = 'unknown';

/**
 * Counts records into consecutive buckets of `bucketMs` covering [from, to): every bucket is
 * present (zeros included), aligned to multiples of `bucketMs` since the epoch, oldest first.
 * Records outside the range are ignored. A record with a `count` stands for that many records
 * (pre-aggregated counts, e.g. from a database).
 *
 * @public
 */
export function bucketInterruptions(
  records: Iterable<{ time: string; reason: RecordedReason; count?: number }>,
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
    const n = r.count ?? 1;
    bucket.total += n;
    bucket.byReason[r.reason] = (bucket.byReason[r.reason] ?? 0) + n;
  }
  return buckets;
}
