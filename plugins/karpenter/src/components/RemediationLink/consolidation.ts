/**
 * How many consolidations in 24 h make a NodePool's consolidation "too aggressive": its current
 * node count, but at least 5.
 *
 * The count compared with it is `InterruptionActivity.totals.consolidationsByNodePool[pool]` of
 * the summary: the pool's NodeClaims Karpenter disrupted by consolidation (disruption reason
 * `Underutilized` or `Empty`) in the last 24 h. Reaching the node count means that, on average,
 * every node of the pool was consolidated away within a day — nodes churn faster than workloads
 * settle (often `consolidateAfter` is too short or the budgets too permissive). The floor of 5
 * keeps small or scaled-down pools, where a few routine consolidations already equal the node
 * count, from being flagged.
 *
 * @param nodeCount - the pool's current node count (`NodePoolInfo.nodeCount`, from the
 *   NodePool's `status.resources.nodes`).
 * @returns the number of consolidations at or above which the hint is shown.
 * @internal
 */
export function consolidationHintThreshold(nodeCount: number): number {
  return Math.max(5, nodeCount);
}
