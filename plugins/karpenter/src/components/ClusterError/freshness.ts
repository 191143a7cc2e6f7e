import {
  ClusterError,
  ClusterSummary,
  EntitySummary,
} from '@karpenter-backstage/plugin-karpenter-common';
import { formatTime } from '../../format';

/** Why a cluster's data is stale, in words (the code is shown beside it). @internal */
export function staleReason(error: ClusterError | undefined): string {
  switch (error?.code) {
    case 'UNREACHABLE':
    case 'TIMEOUT':
      return 'cannot reach the cluster';
    case 'UNAUTHORIZED':
      return "the cluster rejects the backend's credentials";
    case 'FORBIDDEN':
      return 'the backend may no longer read Karpenter resources';
    case 'NO_UPDATES':
      return 'no updates from the cluster';
    default:
      return 'the cluster cannot be read';
  }
}

/** "Data from 12:03 — cannot reach the cluster (TIMEOUT)" for a stale cluster. @internal */
export function staleText(summary: ClusterSummary): string {
  const from = summary.updatedAt
    ? `Data from ${formatTime(summary.updatedAt)}`
    : 'Last known data';
  const code = summary.error?.code ? ` (${summary.error.code})` : '';
  return `${from} — ${staleReason(summary.error)}${code}`;
}

/**
 * The header line of the card and the tab: the age of the data, not of the request. A stale
 * cluster names its reason ("Data from 12:03 — cannot reach the cluster (TIMEOUT)"); otherwise
 * "Updated" with the oldest data time of the clusters (the fetch time when none has one).
 *
 * @internal
 */
export function freshnessText(
  summary: EntitySummary,
  fetchedAt: Date | undefined,
): string | undefined {
  const stale = summary.clusters.filter(c => c.stale);
  if (stale.length === 1 && summary.clusters.length === 1)
    return staleText(stale[0]);
  if (stale.length > 0)
    return stale
      .map(c => `${c.title ?? c.cluster}: ${staleText(c)}`)
      .join('; ');
  const times = summary.clusters
    .map(c => (c.updatedAt ? Date.parse(c.updatedAt) : NaN))
    .filter(t => !Number.isNaN(t));
  if (times.length)
    return `Updated ${formatTime(new Date(Math.min(...times)).toISOString())}`;
  return fetchedAt
    ? `Updated ${formatTime(fetchedAt.toISOString())}`
    : undefined;
}
