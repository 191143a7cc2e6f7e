import { SizeResult } from './runSize';

const TARGETS =
  'Targets at L: warm p95 ≤ 25 ms; cold ≤ 1.5× floor; warm p95 ≥ 10× lower than the peer; RSS growth ≤ 3× the raw JSON held; zero errors at 50 concurrent clients.';

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

/** docs/benchmarks.md from a run. */
export function renderMarkdown(report: {
  date: string;
  node: string;
  results: SizeResult[];
}): string {
  const rows = report.results.map(
    r =>
      `| ${r.size.name} | ${r.objects.nodePools} / ${r.objects.nodeClaims} / ${r.objects.nodes} / ${r.objects.events} | ${r.floorMs} | ${r.coldMs} | ${r.warm.p50} / ${r.warm.p95} / ${r.warm.p99} | ${r.throughput.rps} (${r.throughput.errors} errors) | ${r.peer.p50} / ${r.peer.p95} | ${r.memory.rssGrowthMb} MB / ${r.memory.rawJsonMb} MB |`,
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

| Size | NodePools / NodeClaims / Nodes / Events | Floor (ms) | Ours cold (ms) | Ours warm p50 / p95 / p99 (ms) | Ours at 50 clients (req/s) | Peer p50 / p95 (ms) | RSS growth / raw JSON |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

${TARGETS}

At ${l.size.name}:

${verdict(l)
  .map(v => `- ${v}`)
  .join('\n')}

Raw results: \`bench/results/${report.date.slice(
    0,
    10,
  )}.json\`. The browser timing of the tab is
covered by the end-to-end tests (NodeClaims are paged by the backend, 100 rows per page, so the
tab renders the same amount of DOM at every size); it is not part of this run.
`;
}
