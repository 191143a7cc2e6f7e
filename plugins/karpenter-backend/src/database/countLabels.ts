import { UNKNOWN_LABEL } from '@karpenter-backstage/plugin-karpenter-common';
import { InterruptionCounts } from './InterruptionStore';

/** A counted value: a label ('' or null when unknown) and its count (strings from PostgreSQL). */
export type LabelRow = { value: string | null; n: number | string };

/** Counts per label, an unknown one ('' or null) under `UNKNOWN_LABEL`. @internal */
export function labelled(rows: LabelRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const label = row.value || UNKNOWN_LABEL;
    counts[label] = (counts[label] ?? 0) + Number(row.n);
  }
  return counts;
}

/** Counts of nothing. @internal */
export function emptyCounts(): InterruptionCounts {
  return {
    perBucket: [],
    firsts: [],
    byReason: {},
    byNodePool: {},
    byCapacityType: {},
    byInstanceType: {},
    byZone: {},
    disruptionsByReason: {},
    consolidationsByNodePool: {},
  };
}
