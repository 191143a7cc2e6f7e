import { NodePoolInfo } from '@karpenter-backstage/plugin-karpenter-common';

/** The running nodes of one instance type and capacity type across NodePools. @internal */
export interface CostBreakdownRow {
  instanceType: string;
  capacityType: string;
  nodes: number;
  /** Of `nodes`, those without a known price. */
  unpricedNodes: number;
  /** USD per hour of the priced ones; undefined when none is priced. */
  hourly?: number;
}

/** The rows and their sum. @internal */
export interface CostBreakdownTotals {
  rows: CostBreakdownRow[];
  total: Required<Omit<CostBreakdownRow, 'instanceType' | 'capacityType'>>;
}

/**
 * Merges the NodePools' `cost.byInstanceType` per instance type and capacity type (a cluster's
 * NodePools, so the same instance type in two NodePools is one row), most expensive first, the
 * unpriced ones last.
 *
 * @internal
 */
export function costBreakdown(pools: NodePoolInfo[]): CostBreakdownTotals {
  const rows = new Map<string, CostBreakdownRow>();
  const total = { nodes: 0, unpricedNodes: 0, hourly: 0 };
  for (const pool of pools) {
    for (const item of pool.cost?.byInstanceType ?? []) {
      const key = `${item.instanceType}\u0000${item.capacityType}`;
      const row = rows.get(key) ?? {
        instanceType: item.instanceType,
        capacityType: item.capacityType,
        nodes: 0,
        unpricedNodes: 0,
      };
      row.nodes += item.nodes;
      total.nodes += item.nodes;
      if (item.hourly === undefined) {
        row.unpricedNodes += item.nodes;
        total.unpricedNodes += item.nodes;
      } else {
        row.hourly = (row.hourly ?? 0) + item.hourly;
        total.hourly += item.hourly;
      }
      rows.set(key, row);
    }
  }
  return {
    rows: [...rows.values()].sort(
      (a, b) =>
        (b.hourly ?? -1) - (a.hourly ?? -1) ||
        a.instanceType.localeCompare(b.instanceType) ||
        a.capacityType.localeCompare(b.capacityType),
    ),
    total,
  };
}
