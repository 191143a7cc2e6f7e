import { DESIGN_NOTES } from './designNotes';
import type { FrontendResult } from './frontend';
import {
  BaselineRun,
  baselineSection,
  routesSection,
  TARGETS_TEXT,
  verdictAtL,
} from './reportRoutes';
import { SizeResult } from './runSize';
import type { LatencyStats } from './stats';

function frontendSection(f: FrontendResult | undefined): string {
  if (!f) return 'The browser run was not part of this run (`--no-frontend`).';
  if (f.skipped) return `The browser run was skipped: ${f.skipped}.`;
  const cell = (v?: { p50: number; max: number }) =>
    v ? `${v.p50} / ${v.max}` : 'n/a';
  const ok = (f.tabInApp?.p50 ?? Infinity) <= 300;
  return `Chromium (headless, Debian), the real portal backend serving the built frontend, size ${
    f.size
  }, median / max of ${
    f.runs
  } runs. Times come from the plugin's User Timing marks
(\`KARPENTER_PERFORMANCE_MARKS\`: \`karpenter:tab:mounted\`, \`karpenter:tab:nodeclaims-rendered\`,
\`karpenter:card:rendered\`), set after React commits the rows.

| Measure | ms (median / max) |
| --- | --- |
| Tab interactive: click on the entity page's Karpenter tab → first NodeClaims page rendered | ${cell(
    f.tabInApp,
  )} |
| The plugin's share: tab mounted → NodeClaims rendered | ${cell(f.tabPlugin)} |
| Cold page load of the tab URL (download and start the whole Backstage app, sign-in check) → NodeClaims rendered | ${cell(
    f.tabFullLoad,
  )} |
| Cold page load of the entity overview → card rendered | ${cell(
    f.cardFullLoad,
  )} |

- ${ok ? '✅' : '❌'} tab interactive ${
    f.tabInApp?.p50
  } ms (target ≤ 300 ms)${requestTable(f)}`;
}

function requestTable(f: FrontendResult): string {
  if (!f.requests?.length) return '';
  const rows = [...f.requests]
    .sort((a, b) => a.startMs - b.startMs)
    .map(
      r => `| \`${r.path}\` | ${r.startMs} | ${r.durationMs} | ${r.bytes} |`,
    );
  return `

The plugin's requests in the last click-to-tab run (Resource Timing):

| Request (\`/api/karpenter…\`) | starts (ms after the click) | takes (ms) | body (bytes, compressed) |
| --- | --- | --- | --- |
${rows.join('\n')}`;
}

function catchUpSection(results: SizeResult[]): string {
  const rows = results
    .filter(r => r.warmDuringCatchUp)
    .map(r => {
      const d = r.warmDuringCatchUp!;
      return `| ${r.size.name} | ${d.p50} / ${d.p95} / ${d.p99} | ${
        d.errors
      } | ${(d.catchUpEndedMs / 1000).toFixed(1)} |`;
    });
  if (!rows.length) return '';
  return `Warm above is timed once the event recorder has stored the cluster's events. Right after the
cold request, a started backend is still catching up: the recorder lists the cluster's events and
stores them, and better-sqlite3 (the embedded database) runs each insert synchronously on the event
loop the summary requests share. The same ${
    results[0].warmDuringCatchUp ? results[0].warm.count : 200
  } warm requests timed then:

| Size | Warm during the catch-up p50 / p95 / p99 (ms) | Errors | Catch-up stored (s after the cold request) |
| --- | --- | --- | --- |
${rows.join('\n')}

`;
}

/** Rows `| size | count | p50 / p95 / p99 | errors |` of the results that measured `stats`. */
function latencyRows(
  results: SizeResult[],
  stats: (r: SizeResult) => LatencyStats | undefined,
  counted: (r: SizeResult) => number,
): string[] {
  return results.flatMap(r => {
    const s = stats(r);
    return s
      ? [
          `| ${r.size.name} | ${counted(r)} | ${s.p50} / ${s.p95} / ${
            s.p99
          } | ${s.errors} |`,
        ]
      : [];
  });
}

function workloadSection(results: SizeResult[]): string {
  const rows = latencyRows(
    results,
    r => r.workload,
    r => r.workload!.pendingPods,
  );
  if (!rows.length) return '';
  return `

A workload-mapped Component (\`backstage.io/kubernetes-id\`: 10 pods running on one NodePool and
the waiting pods of a NodePool that does not exist), \`GET …/entities/default/component/checkout-service/summary\`,
warm, sequential; every answer carries the waiting pods explained (target p95 ≤ 25 ms):

| Size | Waiting pods | p50 / p95 / p99 (ms) | Errors |
| --- | --- | --- | --- |
${rows.join('\n')}`;
}

function timelineSection(results: SizeResult[]): string {
  const rows = latencyRows(
    results,
    r => r.timeline,
    r => r.timeline!.events,
  );
  if (!rows.length) return '';
  return `The tab's interruption timeline, \`GET /api/karpenter/v1/clusters/bench/interruptions\` as the
tab asks it (the 24 hours ending with the current hour, hourly buckets, 20 rows; counts from the
hourly rollup since 2026-12-04), warm, sequential, after the recorder stored the cluster's events:

| Size | Event occurrences counted | p50 / p95 / p99 (ms) | Errors |
| --- | --- | --- | --- |
${rows.join('\n')}`;
}

/** docs/benchmarks.md from a run. */
export function renderMarkdown(report: {
  date: string;
  node: string;
  results: SizeResult[];
  frontend?: FrontendResult;
  /** The run to compare with (`yarn bench --baseline <results.json>`). */
  baseline?: BaselineRun;
}): string {
  const rows = report.results.map(
    r =>
      `| ${r.size.name} | ${r.objects.nodePools} / ${r.objects.nodeClaims} / ${
        r.objects.nodes
      } / ${r.objects.events} | ${r.floorMs} | ${r.coldMs} | ${r.warm.p50} / ${
        r.warm.p95
      } / ${r.warm.p99} | ${r.throughput.rps} (${
        r.throughput.errors
      } errors) | ${r.peer.p50} / ${r.peer.p95} | ${r.memory.rssGrowthMb}${
        r.memory.rssGrowthPlainGcMb === undefined
          ? ''
          : ` (${r.memory.rssGrowthPlainGcMb})`
      } / ${r.memory.heapGrowthMb} / ${r.memory.rawJsonMb} | ${
        r.memory.rssGrowthAfterLoadMb
      } |`,
  );
  const l =
    report.results.find(r => r.size.name === 'L') ??
    report.results[report.results.length - 1];
  const s = report.results.find(r => r.size.name === 'S');
  return `# Benchmarks

Measured with \`yarn bench\` on ${report.date.slice(0, 10)} (Node ${
    report.node
  }, 2 cores), against the simulator on loopback. The floor is \`@kubernetes/client-node\` listing
and parsing the same NodePools, NodeClaims, EC2NodeClasses and Nodes once — what any reader pays
cold. *Ours* is \`GET /api/karpenter/v1/entities/…/summary\` for the cluster's Resource, which
covers every NodePool; the other routes follow below. Every request goes the way a browser's does:
the portal's backend (\`createBackend()\` with the auth, catalog, permission, Kubernetes and
Karpenter plugins, in its own process), a user token of the guest provider, the catalog looking the
entity up, the permission framework deciding. The *peer* is \`@backstage/plugin-kubernetes-backend\`
in the same backend (\`POST /api/kubernetes/services/:id\`, objectTypes pods, custom resources
nodepools + nodeclaims), which fans out to the cluster on every request. It applies the entity's
\`backstage.io/kubernetes-label-selector\` to every kind it lists, so the bench entity carries
\`karpenter.sh/nodepool\` (an exists-selector): the peer then lists every NodeClaim, as ours reads
them all; NodePools carry no label, so it lists none of those. Both run the same number of requests.
Memory growth is from the started, idle backend to the backend after warm-up (the cold request,
the recorder's start-up catch-up and the warm requests: what the caches hold), both read after V8's
last-resort GC — the collection V8 runs itself under memory pressure, which also shrinks the young
generation a burst of parsing grew. In brackets: the same growth read after a plain full GC, as
runs before 2026-12-02 (evening) read it; it adds that young generation, which V8 keeps in reserve
until the process idles for a while. In the last column: after the 50-client throughput run as
well: that adds the heap V8 and malloc keep after a burst of concurrent requests (freed, not
returned to the system), which grows with the number of requests served — S serves the most — not
with the cluster.

| Size | NodePools / NodeClaims / Nodes / Events | Floor (ms) | Ours cold (ms) | Ours warm p50 / p95 / p99 (ms) | Ours at 50 clients (req/s) | Peer p50 / p95 (ms) | After warm-up: RSS growth (plain GC) / heap growth / raw JSON (MB) | RSS growth after the 50-client run (MB) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

![Latency vs size: ours warm p95 and cold, the peer's p95, the floor](images/benchmarks.png)

${TARGETS_TEXT}

At ${l.size.name}:

${verdictAtL(l, s, report.frontend)
  .map(v => `- ${v}`)
  .join('\n')}

${baselineSection(report.baseline, report)}${routesSection(report.results)}

${catchUpSection(report.results)}${timelineSection(
    report.results,
  )}${workloadSection(report.results)}

## Frontend

${frontendSection(report.frontend)}

${DESIGN_NOTES}

Raw results: \`bench/results/${report.date.slice(0, 10)}.json\`.
`;
}
