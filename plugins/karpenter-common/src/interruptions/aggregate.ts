import { emptyNodeClaimCounts, NodeClaimCounts } from './counting';
import { RecordedReason } from './reasons';
import { InterruptionBucket } from './types';

/** Label for a record whose NodePool, capacity type, instance type or zone was not known. @public */
export const UNKNOWN_LABEL = 'unknown';

/**
 * Counts into consecutive buckets of `bucketMs` covering [from, to): every bucket is present
 * (zeros included), aligned to multiples of `bucketMs` since the epoch, oldest first. `records`
 * are event occurrences (`total`, `byReason`); `firsts` are distinct NodeClaims at the time of
 * their first event of a kind (`nodeClaims`). Anything outside the range is ignored. An entry
 * with a `count` stands for that many (pre-aggregated counts, e.g. from a database).
 *
 * @public
 */
export function bucketInterruptions(
  records: Iterable<{ time: string; reason: RecordedReason; count?: number }>,
  fromMs: number,
  toMs: number,
  bucketMs: number,
  firsts: Iterable<{
    time: string;
    kind: keyof NodeClaimCounts;
    count?: number;
  }> = [],
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
      nodeClaims: emptyNodeClaimCounts(),
    }),
  );
  const bucketOf = (time: string) => {
    const t = Date.parse(time);
    return t >= fromMs && t < toMs
      ? buckets[Math.floor((t - first) / bucketMs)]
      : undefined;
  };
  for (const r of records) {
    const bucket = bucketOf(r.time);
    if (!bucket) continue;
    const n = r.count ?? 1;
    bucket.total += n;
    bucket.byReason[r.reason] = (bucket.byReason[r.reason] ?? 0) + n;
  }
  for (const f of firsts) {
    const bucket = bucketOf(f.time);
    if (bucket) bucket.nodeClaims[f.kind] += f.count ?? 1;
  }
  return buckets;
}
