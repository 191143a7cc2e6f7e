import { cost, nodePool } from '../../__testUtils__/fixtures';
import { sortNodePools } from './NodePoolsTable';

describe('sortNodePools', () => {
  const pools = [
    nodePool('a', { nodeCount: 5 }),
    nodePool('b', {
      nodeCount: 1,
      health: { status: 'unhealthy', reasons: [] },
    }),
    nodePool('c', {
      nodeCount: 9,
      health: { status: 'degraded', reasons: [] },
    }),
  ];
  it('sorts by severity, then name', () => {
    expect(
      sortNodePools([...pools], 'health', 'desc', 'all').map(p => p.name),
    ).toEqual(['b', 'c', 'a']);
  });
  it('sorts by node count both ways', () => {
    expect(
      sortNodePools([...pools], 'nodes', 'asc', 'all').map(p => p.name),
    ).toEqual(['b', 'a', 'c']);
    expect(
      sortNodePools([...pools], 'nodes', 'desc', 'all').map(p => p.name),
    ).toEqual(['c', 'a', 'b']);
  });
  it('filters by health', () => {
    expect(
      sortNodePools([...pools], 'name', 'asc', 'degraded').map(p => p.name),
    ).toEqual(['c']);
  });
  it('sorts by $/h, NodePools without a known price below $0.00/h', () => {
    const priced = [
      nodePool('cheap', { cost: cost({ hourly: 0.5 }) }),
      nodePool('none', { cost: cost({ hourly: 0 }) }),
      nodePool('dear', { cost: cost({ hourly: 9 }) }),
      nodePool('unknown', {
        cost: cost(
          { unavailable: { code: 'PRICING_DENIED', message: 'denied' } },
          [{ instanceType: 'm5.large', capacityType: 'spot', nodes: 1 }],
        ),
      }),
    ];
    expect(
      sortNodePools([...priced], 'cost', 'desc', 'all').map(p => p.name),
    ).toEqual(['dear', 'cheap', 'none', 'unknown']);
  });
});
