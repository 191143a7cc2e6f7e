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
    expect(md).toContain('❌ warm p95 30 ms (target ≤ 25 ms)');
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
    expect(md).toContain('✅ warm p95 3 ms (target ≤ 25 ms)');
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
    expect(md).toContain('❌ tab interactive 620 ms (target ≤ 500 ms)');
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
