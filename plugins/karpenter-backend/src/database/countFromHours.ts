import {
  NodeClaimCounts,
  RecordedReason,
} from '@karpenter-backstage/plugin-karpenter-common';
import { Knex } from 'knex';
import {
  DIMENSION_METRICS,
  EVERY_POOL,
  HOUR_MS,
  HOURS,
  Metric,
} from './aggregateScopes';
import { emptyCounts, labelled } from './countLabels';
import { InterruptionCounts, InterruptionQuery } from './InterruptionStore';

/**
 * Whether the hourly rollup answers a query exactly: whole hours, buckets of whole hours, no
 * reason filter (the rollup does not keep the dimensions per reason).
 *
 * @internal
 */
export function hoursAnswer(query: InterruptionQuery, bucketMs: number) {
  return (
    !query.reason &&
    query.fromMs % HOUR_MS === 0 &&
    query.toMs % HOUR_MS === 0 &&
    bucketMs % HOUR_MS === 0
  );
}

type HourRow = {
  metric: Metric;
  label: string;
  bucket_start: number | string;
  n: number | string;
};

/**
 * The counts of whole hours from the hourly rollup: the cluster-wide rows, or the rows of the
 * asked NodePools (each first notice is under one NodePool, so their sum counts it once). One
 * GROUP BY over at most (hours × NodePools × metrics × labels) rows, never over the records.
 *
 * @internal
 */
export async function countFromHours(
  db: Knex,
  query: InterruptionQuery,
  bucketMs: number,
): Promise<InterruptionCounts> {
  const rows = (await db(HOURS)
    .where('cluster', query.cluster)
    .whereIn('node_pool', query.nodePools ?? [EVERY_POOL])
    .where('hour_start', '>=', query.fromMs)
    .where('hour_start', '<', query.toMs)
    .select({
      metric: 'metric',
      label: 'label',
      bucket_start: db.raw('hour_start - (hour_start % ?)', [bucketMs]),
    })
    .sum({ n: 'n' })
    .groupBy('metric', 'label', 'bucket_start')) as HourRow[];
  const counts = emptyCounts();
  const of = (metric: Metric) =>
    rows
      .filter(r => r.metric === metric)
      .map(r => ({ value: r.label, n: r.n }));
  for (const r of rows) {
    const startMs = Number(r.bucket_start);
    const count = Number(r.n);
    if (r.metric === 'events')
      counts.perBucket.push({
        startMs,
        reason: r.label as RecordedReason,
        count,
      });
    else if (r.metric === 'kind')
      counts.firsts.push({
        startMs,
        kind: r.label as keyof NodeClaimCounts,
        count,
      });
  }
  counts.byReason = labelled(of('reason')) as InterruptionCounts['byReason'];
  counts.disruptionsByReason = labelled(of('disruption'));
  counts.consolidationsByNodePool = labelled(of('consolidation'));
  for (const [metric, , key] of DIMENSION_METRICS)
    counts[key] = labelled(of(metric));
  return counts;
}
