/* The report's route tables (every route at every size, static and under churn), the targets of
 * issue 22 checked against them, and the before/after table of a `--baseline` run. */
import type { FrontendResult } from './frontend';
import {
  CHURN_ROUTE_IDS,
  churnStats,
  ROUTE_IDS,
  RouteId,
  SizeResult,
  staticStats,
} from './results';

/** What each route is, as the report names it. */
const ROUTE_NAMES: Record<RouteId, string> = {
  health: '`GET /api/karpenter/health` (baseline)',
  catalogEntity: 'catalog entity fetch (for comparison)',
  allPools: 'summary, the cluster Resource (every NodePool)',
  onePool: 'summary, a Component of **one** NodePool',
  workload: 'summary, the workload Component (its pods, 500 waiting)',
  nodePools: '`/v1/clusters/bench/nodepools` (every NodePool)',
  interruptions: '`/v1/clusters/bench/interruptions` (the tab’s timeline)',
  peer: 'the Kubernetes plugin, `POST /api/kubernetes/services/checkout`',
};

/** The targets at L (issue 22), as the report states them. */
export const TARGETS_TEXT = `Targets at L: one-NodePool summary warm p95 ≤ 10 ms and ≤ 1.5× its S figure; all-NodePools
summary ≤ 20 ms; interruption route p95 ≤ 15 ms; under churn each p95 ≤ 1.3× its static figure; tab
interactive p50 ≤ 300 ms; the all-NodePools p95 ≥ 10× lower than the Kubernetes plugin's; RSS growth
≤ 3× the raw JSON held. Kept from before: cold ≤ 1.5× the floor, no errors at 50 concurrent clients,
the workload summary p95 ≤ 25 ms.`;

const ratio = (a: number, b: number) => (b > 0 ? a / b : Infinity);
const times = (x: number) => `${x.toFixed(2)}×`;

/** The ✅/❌ lines of the targets at L (`s` is the S result, when the run has one). */
export function verdictAtL(
  l: SizeResult,
  s: SizeResult | undefined,
  frontend: FrontendResult | undefined,
): string[] {
  const out: string[] = [];
  const check = (ok: boolean, text: string) =>
    out.push(`${ok ? '✅' : '❌'} ${text}`);
  const one = staticStats(l, 'onePool');
  if (one) {
    check(
      one.p95 <= 10,
      `one-NodePool summary warm p95 ${one.p95} ms (target ≤ 10 ms)`,
    );
    const oneS = s && staticStats(s, 'onePool');
    if (oneS)
      check(
        one.p95 <= 1.5 * oneS.p95,
        `one-NodePool summary p95 at L is ${times(
          ratio(one.p95, oneS.p95),
        )} its S figure ${oneS.p95} ms (target ≤ 1.5×)`,
      );
  }
  check(
    l.warm.p95 <= 20,
    `all-NodePools summary warm p95 ${l.warm.p95} ms (target ≤ 20 ms)`,
  );
  if (l.timeline)
    check(
      l.timeline.p95 <= 15,
      `interruption route p95 ${l.timeline.p95} ms over ${l.timeline.events} event occurrences (target ≤ 15 ms)`,
    );
  for (const id of CHURN_ROUTE_IDS) {
    const before = staticStats(l, id);
    const during = churnStats(l, id);
    if (before && during)
      check(
        during.p95 <= 1.3 * before.p95,
        `${id} under churn p95 ${during.p95} ms is ${times(
          ratio(during.p95, before.p95),
        )} its static ${before.p95} ms (target ≤ 1.3×)`,
      );
  }
  if (frontend?.tabInApp)
    check(
      frontend.tabInApp.p50 <= 300,
      `tab interactive p50 ${frontend.tabInApp.p50} ms (target ≤ 300 ms)`,
    );
  check(
    l.peer.p95 >= 10 * l.warm.p95,
    `peer p95 ${l.peer.p95} ms is ${ratio(l.peer.p95, l.warm.p95).toFixed(
      1,
    )}× ours (target ≥ 10×)`,
  );
  check(
    l.memory.rssGrowthMb <= 3 * l.memory.rawJsonMb,
    `RSS growth ${l.memory.rssGrowthMb} MB vs raw JSON ${l.memory.rawJsonMb} MB (target ≤ 3×)`,
  );
  check(
    l.coldMs <= 1.5 * l.floorMs,
    `cold ${l.coldMs} ms vs floor ${l.floorMs} ms (${times(
      ratio(l.coldMs, l.floorMs),
    )}, target ≤ 1.5×)`,
  );
  check(
    l.throughput.errors === 0,
    `${l.throughput.errors} errors in ${l.throughput.requests} requests at 50 clients (${l.throughput.rps} req/s)`,
  );
  if (l.workload)
    check(
      l.workload.p95 <= 25,
      `workload entity (${l.workload.pendingPods} waiting pods) warm p95 ${l.workload.p95} ms (target ≤ 25 ms)`,
    );
  return out;
}

const cell = (s?: { p50: number; p95: number }) =>
  s ? `${s.p50} / ${s.p95}` : '–';

/** Every route (rows) at every size (columns), p50 / p95, static. */
export function routesSection(results: SizeResult[]): string {
  const measured = results.filter(r => r.routes);
  if (!measured.length) return '';
  const header = `| Route | ${measured
    .map(r => `${r.size.name} p50 / p95 (ms)`)
    .join(' | ')} |\n| --- |${measured.map(() => ' --- |').join('')}`;
  const rows = ROUTE_IDS.map(
    id =>
      `| ${ROUTE_NAMES[id]} | ${measured
        .map(r => cell(staticStats(r, id)))
        .join(' | ')} |`,
  );
  const churnRows = CHURN_ROUTE_IDS.map(
    id =>
      `| ${ROUTE_NAMES[id]} | ${measured
        .map(r => {
          const before = staticStats(r, id);
          const during = churnStats(r, id);
          return during && before
            ? `${during.p95} (${times(ratio(during.p95, before.p95))})`
            : '–';
        })
        .join(' | ')} |`,
  );
  const churn = measured.find(r => r.churn)?.churn;
  return `## Every route, as a browser's request goes

The portal's backend (\`createBackend()\` with the auth, catalog and permission plugins, the guest
provider's user token on every request, the allow-all policy answering over the permission
backend's HTTP API, as \`app-config.yaml\` has it), ${
    measured[0].warm.count
  } sequential requests of each route, warm, the cluster static:

${header}
${rows.join('\n')}

Under churn: the same requests again while the simulator's control API (\`POST /step\`) alternates a
spot interruption of one NodeClaim and the launch of another every ${
    churn?.intervalMs ?? 250
  } ms, with simulated time running at real speed (launches register, interrupted NodeClaims go), p95
(ms) and its ratio to the static p95:

${header.replace(/p50 \/ p95 \(ms\)/g, 'p95 under churn (ms)')}
${churnRows.join('\n')}

${measured
  .filter(r => r.churn)
  .map(
    r =>
      `- ${r.size.name}: ${r.churn!.steps} steps in ${r.churn!.seconds} s (${
        r.churn!.interrupted
      } NodeClaims interrupted, ${r.churn!.launched} launched, ${
        r.churn!.stepErrors
      } steps failed).`,
  )
  .join('\n')}
`;
}

/** The parts of a saved run the before/after table reads. */
export interface BaselineRun {
  date: string;
  results: SizeResult[];
  frontend?: FrontendResult;
  /** What the baseline run measured (e.g. the commit); shown above the table. */
  label?: string;
}

/** Before (a saved run, `--baseline`) and after (this run), per size both measured. */
export function baselineSection(
  before: BaselineRun | undefined,
  after: { results: SizeResult[]; frontend?: FrontendResult },
): string {
  if (!before) return '';
  const rows: string[] = [];
  for (const a of after.results) {
    const b = before.results.find(r => r.size.name === a.size.name);
    if (!b) continue;
    for (const id of ROUTE_IDS) {
      const was = staticStats(b, id);
      const now = staticStats(a, id);
      if (was || now)
        rows.push(
          `| ${a.size.name} | ${ROUTE_NAMES[id]} | ${cell(was)} | ${cell(
            now,
          )} |`,
        );
    }
    for (const id of CHURN_ROUTE_IDS) {
      const was = churnStats(b, id);
      const now = churnStats(a, id);
      if (was || now)
        rows.push(
          `| ${a.size.name} | ${ROUTE_NAMES[id]}, under churn | ${cell(
            was,
          )} | ${cell(now)} |`,
        );
    }
    rows.push(
      `| ${a.size.name} | RSS growth after warm-up (MB) | ${b.memory.rssGrowthMb} | ${a.memory.rssGrowthMb} |`,
    );
  }
  if (!rows.length) return '';
  const tab = (f?: FrontendResult) =>
    f?.tabInApp ? `${f.tabInApp.p50} / ${f.tabInApp.max}` : '–';
  return `## Before and after

Before: ${
    before.label ?? `the run of ${before.date.slice(0, 10)}`
  }; after: this run. p50 / p95 (ms):

| Size | Route | Before | After |
| --- | --- | --- | --- |
${rows.join('\n')}
| ${after.frontend?.size ?? 'L'} | Tab interactive, median / max (ms) | ${tab(
    before.frontend,
  )} | ${tab(after.frontend)} |

`;
}
