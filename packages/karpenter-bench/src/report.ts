import type { FrontendResult } from './frontend';
import { SizeResult } from './runSize';

const TARGETS =
  'Targets at L: warm p95 ≤ 25 ms; cold ≤ 1.5× floor; warm p95 ≥ 10× lower than the peer; RSS growth ≤ 3× the raw JSON held; zero errors at 50 concurrent clients; tab interactive ≤ 500 ms.';

function verdict(r: SizeResult): string[] {
  const out: string[] = [];
  const check = (ok: boolean, text: string) =>
    out.push(`${ok ? '✅' : '❌'} ${text}`);
  check(r.warm.p95 <= 25, `warm p95 ${r.warm.p95} ms (target ≤ 25 ms)`);
  check(
    r.coldMs <= 1.5 * r.floorMs,
    `cold ${r.coldMs} ms vs floor ${r.floorMs} ms (${(
      r.coldMs / r.floorMs
    ).toFixed(2)}×, target ≤ 1.5×)`,
  );
  check(
    r.peer.p95 >= 10 * r.warm.p95,
    `peer p95 ${r.peer.p95} ms is ${(r.peer.p95 / r.warm.p95).toFixed(
      1,
    )}× ours (target ≥ 10×)`,
  );
  check(
    r.memory.rssGrowthMb <= 3 * r.memory.rawJsonMb,
    `RSS growth ${r.memory.rssGrowthMb} MB vs raw JSON ${r.memory.rawJsonMb} MB (target ≤ 3×)`,
  );
  check(
    r.throughput.errors === 0,
    `${r.throughput.errors} errors in ${r.throughput.requests} requests at 50 clients (${r.throughput.rps} req/s)`,
  );
  return out;
}

function frontendSection(f: FrontendResult | undefined): string {
  if (!f) return 'The browser run was not part of this run (`--no-frontend`).';
  if (f.skipped) return `The browser run was skipped: ${f.skipped}.`;
  const cell = (v?: { p50: number; max: number }) =>
    v ? `${v.p50} / ${v.max}` : 'n/a';
  const ok = (f.tabInApp?.p50 ?? Infinity) <= 500;
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

- ${ok ? '✅' : '❌'} tab interactive ${f.tabInApp?.p50} ms (target ≤ 500 ms)`;
}

/** docs/benchmarks.md from a run. */
export function renderMarkdown(report: {
  date: string;
  node: string;
  results: SizeResult[];
  frontend?: FrontendResult;
}): string {
  const rows = report.results.map(
    r =>
      `| ${r.size.name} | ${r.objects.nodePools} / ${r.objects.nodeClaims} / ${r.objects.nodes} / ${r.objects.events} | ${r.floorMs} | ${r.coldMs} | ${r.warm.p50} / ${r.warm.p95} / ${r.warm.p99} | ${r.throughput.rps} (${r.throughput.errors} errors) | ${r.peer.p50} / ${r.peer.p95} | ${r.memory.rssGrowthMb} / ${r.memory.heapGrowthMb} / ${r.memory.rawJsonMb} |`,
  );
  const l =
    report.results.find(r => r.size.name === 'L') ??
    report.results[report.results.length - 1];
  return `# Benchmarks

Measured with \`yarn bench\` on ${report.date.slice(0, 10)} (Node ${
    report.node
  }, 2 cores), against the
simulator, all in one process: the floor is \`@kubernetes/client-node\` listing and parsing the
same NodePools, NodeClaims, EC2NodeClasses and Nodes once; *ours* is
\`GET /api/karpenter/v1/entities/…/summary\` for an entity covering every NodePool; the *peer* is
\`@backstage/plugin-kubernetes-backend\` in the same backend (\`POST /api/kubernetes/services/:id\`,
custom resources nodepools + nodeclaims, objectTypes pods), which fans out to the cluster on every
request.

| Size | NodePools / NodeClaims / Nodes / Events | Floor (ms) | Ours cold (ms) | Ours warm p50 / p95 / p99 (ms) | Ours at 50 clients (req/s) | Peer p50 / p95 (ms) | RSS growth / heap growth / raw JSON (MB) |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

![Latency vs size: ours warm p95 and cold, the peer's p95, the floor](images/benchmarks.png)

${TARGETS}

At ${l.size.name}:

${verdict(l)
  .map(v => `- ${v}`)
  .join('\n')}

## Frontend

${frontendSection(report.frontend)}

Raw results: \`bench/results/${report.date.slice(0, 10)}.json\`.
`;
}
