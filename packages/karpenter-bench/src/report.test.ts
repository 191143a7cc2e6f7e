import { renderChartSvg } from './chart';
import { renderMarkdown } from './report';
import { SizeResult } from './runSize';

function result(name: string, warmP95: number, peerP95: number): SizeResult {
  return {
    size: { name, nodePools: 1, nodesPerPool: 1, events: 1 },
    objects: {
      nodePools: 1,
      nodeClaims: 10,
      nodes: 10,
      events: 1,
      rawJsonBytes: 1000,
    },
    floorMs: 40,
    coldMs: 50,
    warm: {
      count: 200,
      p50: warmP95 / 2,
      p95: warmP95,
      p99: warmP95,
      errors: 0,
    },
    throughput: { clients: 50, seconds: 30, requests: 900, rps: 30, errors: 0 },
    peer: {
      count: 20,
      p50: peerP95 / 2,
      p95: peerP95,
      p99: peerP95,
      errors: 0,
    },
    memory: {
      rssMb: 200,
      heapUsedMb: 100,
      rssGrowthMb: 2,
      heapGrowthMb: 1.5,
      rssGrowthAfterLoadMb: 9,
      rawJsonMb: 1,
    },
  };
}

describe('renderMarkdown', () => {
  const base = { date: '2026-12-01T00:00:00Z', node: 'v22' };

  it('checks the L targets and says which are missed', () => {
    const md = renderMarkdown({
      ...base,
      results: [result('S', 2, 100), result('L', 30, 200)],
    });
    expect(md).toContain(
      '❌ all-NodePools summary warm p95 30 ms (target ≤ 20 ms)',
    );
    expect(md).toContain('❌ peer p95 200 ms is 6.7× ours (target ≥ 10×)');
    expect(md).toContain('✅ cold 50 ms vs floor 40 ms (1.25×');
    expect(md).toContain('bench/results/2026-12-01.json');
  });

  it('reports warm requests during the recorder catch-up apart from the steady-state target', () => {
    const during = {
      ...result('L', 3, 400),
      warmDuringCatchUp: {
        count: 200,
        p50: 3,
        p95: 70,
        p99: 90,
        errors: 0,
        catchUpEndedMs: 12_340,
      },
    };
    const md = renderMarkdown({ ...base, results: [during] });
    expect(md).toContain(
      '✅ all-NodePools summary warm p95 3 ms (target ≤ 20 ms)',
    );
    expect(md).toContain('| L | 3 / 70 / 90 | 0 | 12.3 |');
    // older results without the field render without the table
    expect(
      renderMarkdown({ ...base, results: [result('L', 3, 400)] }),
    ).not.toContain('Warm during the catch-up');
  });

  it('reports the browser timings, or why they are missing', () => {
    const md = renderMarkdown({
      ...base,
      results: [result('L', 3, 400)],
      frontend: {
        size: 'L',
        runs: 5,
        tabInApp: { p50: 620, max: 700 },
        tabPlugin: { p50: 300, max: 350 },
        tabFullLoad: { p50: 2100, max: 2500 },
        cardFullLoad: { p50: 1900, max: 2000 },
        requests: [
          {
            path: '/v1/clusters/bench/nodeclaims',
            startMs: 210,
            durationMs: 60,
            bytes: 700,
          },
          {
            path: '/v1/entities/x/summary',
            startMs: 40,
            durationMs: 9,
            bytes: 3,
          },
        ],
      },
    });
    expect(md).toContain('| 620 / 700 |');
    expect(md).toMatch(
      /\| `\/v1\/entities\/x\/summary` \| 40 \| 9 \| 3 \|\n\| `\/v1\/clusters\/bench\/nodeclaims` \| 210 \| 60 \| 700 \|/,
    );
    expect(md).toContain('## What this benchmark changed');
    expect(md).toContain('❌ tab interactive 620 ms (target ≤ 300 ms)');
    expect(md).toContain('❌ tab interactive p50 620 ms (target ≤ 300 ms)');
    expect(
      renderMarkdown({
        ...base,
        results: [result('L', 3, 400)],
        frontend: { size: 'L', runs: 0, skipped: 'no dist' },
      }),
    ).toContain('The browser run was skipped: no dist.');
  });
});

describe('renderMarkdown timeline', () => {
  it('reports the timeline request where a size measured it, and nothing where none did', () => {
    const base = { date: '2026-12-01T00:00:00Z', node: 'v22' };
    const l = {
      ...result('L', 3, 400),
      timeline: {
        count: 200,
        p50: 4.5,
        p95: 9.25,
        p99: 12,
        errors: 0,
        events: 20000,
      },
    };
    const md = renderMarkdown({ ...base, results: [result('S', 2, 100), l] });
    expect(md).toContain('| L | 20000 | 4.5 / 9.25 / 12 | 0 |');
    // S has no timeline row (its main-table row has 9 columns, a timeline row 4).
    expect(md).not.toMatch(
      /^\| S \| \d+ \| [\d.]+ \/ [\d.]+ \/ [\d.]+ \| \d+ \|$/m,
    );
    expect(
      renderMarkdown({ ...base, results: [result('L', 3, 400)] }),
    ).not.toContain('interruption timeline');
  });
});

describe('renderChartSvg', () => {
  it('draws one line per series with a point per size, on a log scale', () => {
    const svg = renderChartSvg([result('S', 2, 100), result('L', 30, 2000)]);
    expect(svg.match(/<polyline/g)).toHaveLength(4);
    expect(svg.match(/<circle/g)).toHaveLength(8);
    expect(svg).toContain('1000 ms');
    expect(svg).toContain('L (10 NodeClaims)');
  });
});

describe('renderMarkdown workload entity', () => {
  it('reports the workload summary with its waiting pods, and its target in the verdict', () => {
    const base = { date: '2026-12-01T00:00:00Z', node: 'v22' };
    const l = {
      ...result('L', 3, 400),
      workload: {
        count: 200,
        p50: 3.4,
        p95: 30,
        p99: 40,
        errors: 0,
        pendingPods: 500,
      },
    };
    const md = renderMarkdown({ ...base, results: [l] });
    expect(md).toContain('| L | 500 | 3.4 / 30 / 40 | 0 |');
    expect(md).toContain(
      '❌ workload entity (500 waiting pods) warm p95 30 ms (target ≤ 25 ms)',
    );
    expect(
      renderMarkdown({ ...base, results: [result('L', 3, 400)] }),
    ).not.toContain('workload-mapped Component');
  });
});

describe('renderMarkdown routes, churn and baseline', () => {
  const base = { date: '2026-12-04T00:00:00Z', node: 'v22' };
  const stats = (p50: number, p95: number) => ({
    count: 200,
    p50,
    p95,
    p99: p95,
    errors: 0,
  });
  const withRoutes = (
    name: string,
    onePoolP95: number,
    churnOnePoolP95: number,
  ): SizeResult => ({
    ...result(name, 4, 400),
    timeline: { ...stats(5, 12), events: 26000 },
    routes: {
      health: stats(1, 2),
      catalogEntity: stats(1.5, 3),
      onePool: stats(onePoolP95 / 2, onePoolP95),
      nodePools: stats(6, 9),
    },
    churn: {
      intervalMs: 250,
      steps: 40,
      stepErrors: 0,
      interrupted: 20,
      launched: 20,
      seconds: 10,
      routes: {
        onePool: stats(2, churnOnePoolP95),
        interruptions: stats(5, 13),
      },
    },
  });

  it('shows every route at every size, the churn ratios, and the L targets of both', () => {
    const md = renderMarkdown({
      ...base,
      results: [withRoutes('S', 2, 2.2), withRoutes('L', 4, 6)],
    });
    expect(md).toContain(
      '| summary, a Component of **one** NodePool | 1 / 2 | 2 / 4 |',
    );
    expect(md).toContain(
      '| catalog entity fetch (for comparison) | 1.5 / 3 | 1.5 / 3 |',
    );
    // Churn p95 and its ratio to the static p95: 2.2 / 2 and 6 / 4.
    expect(md).toContain(
      '| summary, a Component of **one** NodePool | 2.2 (1.10×) | 6 (1.50×) |',
    );
    expect(md).toContain(
      '✅ one-NodePool summary warm p95 4 ms (target ≤ 10 ms)',
    );
    expect(md).toContain(
      '❌ one-NodePool summary p95 at L is 2.00× its S figure 2 ms (target ≤ 1.5×)',
    );
    expect(md).toContain(
      '❌ onePool under churn p95 6 ms is 1.50× its static 4 ms (target ≤ 1.3×)',
    );
    expect(md).toContain(
      '✅ interruptions under churn p95 13 ms is 1.08× its static 12 ms (target ≤ 1.3×)',
    );
    expect(md).toContain(
      '✅ interruption route p95 12 ms over 26000 event occurrences (target ≤ 15 ms)',
    );
    expect(md).toContain(
      '- L: 40 steps in 10 s (20 NodeClaims interrupted, 20 launched, 0 steps failed).',
    );
    expect(md).not.toContain('## Before and after');
  });

  it('compares with a baseline run per size both measured', () => {
    const md = renderMarkdown({
      ...base,
      results: [withRoutes('L', 4, 5)],
      baseline: {
        date: '2026-12-03T00:00:00Z',
        label: 'main at f59e10d',
        results: [withRoutes('L', 20, 27), withRoutes('S', 1, 1)],
        frontend: { size: 'L', runs: 5, tabInApp: { p50: 366, max: 501 } },
      },
    });
    expect(md).toContain('## Before and after');
    expect(md).toContain('Before: main at f59e10d; after: this run.');
    expect(md).toContain(
      '| L | summary, a Component of **one** NodePool | 10 / 20 | 2 / 4 |',
    );
    expect(md).toContain(
      '| L | summary, a Component of **one** NodePool, under churn | 2 / 27 | 2 / 5 |',
    );
    expect(md).toContain(
      '| L | Tab interactive, median / max (ms) | 366 / 501 | – |',
    );
    // S is only in the baseline: no rows for it.
    expect(md).not.toMatch(/^\| S \| summary/m);
  });
});
