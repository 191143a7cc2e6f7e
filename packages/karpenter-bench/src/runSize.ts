import { mockCredentials } from '@backstage/backend-test-utils';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import { startBenchBackend } from './benchBackend';
import { ENTITY, WORKLOAD } from './entities';
import { BenchSize, WAITING_PODS, scenarioFor } from './sizes';
import { latencies, LatencyStats, throughput } from './stats';

export interface SizeResult {
  size: BenchSize;
  objects: {
    nodePools: number;
    nodeClaims: number;
    nodes: number;
    events: number;
    rawJsonBytes: number;
  };
  floorMs: number;
  coldMs: number;
  /** Warm requests once the recorder's start-up catch-up is stored (steady state). */
  warm: LatencyStats;
  /**
   * The same warm requests timed right after the cold one, while the event recorder catches up
   * (stores the cluster's events in SQLite, which better-sqlite3 does synchronously), and how long
   * after the cold request that catch-up ended. Optional: results before 2026-12-02 (night) lack it;
   * their `warm` was timed at this moment.
   */
  warmDuringCatchUp?: LatencyStats & { catchUpEndedMs: number };
  throughput: {
    clients: number;
    seconds: number;
    requests: number;
    rps: number;
    errors: number;
  };
  peer: LatencyStats;
  /**
   * `GET /v1/clusters/bench/interruptions` (the tab's timeline: 24 h of hourly buckets and totals)
   * after the recorder has stored the cluster's events. Optional: results before 2026-12-02 lack it.
   */
  timeline?: LatencyStats & { events: number };
  /**
   * The summary of a workload-mapped Component (`backstage.io/kubernetes-id`: its pods, 10 running
   * on one NodePool and 500 waiting, explained). Optional: results before 2026-12-04 lack it.
   */
  workload?: LatencyStats & { pendingPods: number };
  memory: {
    rssMb: number;
    heapUsedMb: number;
    rssGrowthMb: number;
    heapGrowthMb: number;
    /** RSS growth after the 50-client throughput run as well. */
    rssGrowthAfterLoadMb: number;
    /**
     * RSS growth after warm-up read after a plain full GC (the reading before 2026-12-02 evening):
     * plus the young generation V8 grew and keeps until idle. Optional: older results lack it.
     */
    rssGrowthPlainGcMb?: number;
    rawJsonMb: number;
  };
}

async function floor(url: string) {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'b', server: url, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'b', cluster: 'b', user: 'u' }],
    currentContext: 'b',
  });
  const custom = kc.makeApiClient(CustomObjectsApi);
  const core = kc.makeApiClient(CoreV1Api);
  const start = performance.now();
  const [pools, claims, classes, nodes] = await Promise.all([
    custom.listClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodepools',
    }),
    custom.listClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodeclaims',
    }),
    custom.listClusterCustomObject({
      group: 'karpenter.k8s.aws',
      version: 'v1',
      plural: 'ec2nodeclasses',
    }),
    core.listNode(),
  ]);
  const ms = performance.now() - start;
  const raw = JSON.stringify([pools, claims, classes, nodes]).length;
  return { ms, raw };
}

/** Raw event occurrences the timeline answer counted (older answers call it `total`). */
function eventCount(body: {
  totals?: { events?: number; total?: number };
}): number {
  return body.totals?.events ?? body.totals?.total ?? 0;
}

const timelineUrl = (base: string) =>
  `${base}/api/karpenter/v1/clusters/bench/interruptions`;

/**
 * Waits (up to 90 s) until the recorder's start-up catch-up is stored: the timeline counts events
 * and the count stays the same for two seconds. Resolves with that count.
 */
async function recorderCaughtUp(
  base: string,
  headers: Record<string, string>,
): Promise<number> {
  const deadline = Date.now() + 90_000;
  let last = -1;
  let sameSince = Date.now();
  for (;;) {
    const res = await fetch(timelineUrl(base), { headers });
    const events = res.ok ? eventCount(await res.json()) : 0;
    if (events !== last) sameSince = Date.now();
    last = events;
    if (events > 0 && Date.now() - sameSince >= 2_000) return events;
    if (Date.now() > deadline) return events;
    await new Promise(r => setTimeout(r, 250));
  }
}

/** The timeline request, warm (after the catch-up): `n` sequential requests. */
async function timelineLatencies(
  base: string,
  headers: Record<string, string>,
  n: number,
  events: number,
) {
  const stats = await latencies(n, async () => {
    const res = await fetch(timelineUrl(base), { headers });
    await res.arrayBuffer();
    return res.ok;
  });
  return { ...stats, events };
}

/**
 * The workload entity's summary, warm (after a first request that starts the pod watches): every
 * answer must carry its 500 waiting pods.
 */
async function workloadLatencies(
  base: string,
  headers: Record<string, string>,
  n: number,
) {
  const url = `${base}/api/karpenter/v1/entities/default/component/${WORKLOAD.metadata.name}/summary`;
  let pendingPods = 0;
  const probe = async () => {
    const res = await fetch(url, { headers });
    const body = await res.json();
    pendingPods = body.clusters?.[0]?.pendingPods?.total ?? 0;
    return res.ok && pendingPods === WAITING_PODS;
  };
  const deadline = Date.now() + 60_000;
  while (!(await probe())) {
    if (Date.now() > deadline)
      throw new Error(
        `workload summary: ${pendingPods} waiting pods, not ${WAITING_PODS}`,
      );
    await new Promise(r => setTimeout(r, 250));
  }
  return { ...(await latencies(n, probe)), pendingPods };
}

/**
 * With cost on, the warm answers are measured with prices: waits until the summary prices its
 * nodes (the price task fetched from the simulator and the model was rebuilt with them).
 */
async function pricesLoaded(base: string, auth: Record<string, string>) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(
      `${base}/api/karpenter/v1/entities/default/resource/bench-cluster/summary`,
      { headers: auth },
    );
    const body = await res.json();
    if (body.cost?.pricedNodes > 0) return;
    if (Date.now() > deadline)
      throw new Error(`no prices after 60 s: ${JSON.stringify(body.cost)}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

/** One size: floor, ours cold/warm/throughput, the Kubernetes plugin, memory. */
export async function runSize(
  size: BenchSize,
  options: {
    warmRequests: number;
    throughputSeconds: number;
    /** Cost on (prices from the simulator); default true. */
    cost?: boolean;
  },
): Promise<SizeResult> {
  const sim = new Simulator({ scenario: scenarioFor(size) });
  await sim.start();
  const url = sim.clusters[0].url;
  try {
    const c = sim.cluster('bench');
    const f = await floor(url);
    // The backend runs in its own process: its RSS is then the backend's alone. Growth is
    // measured from the started, idle backend (plugins loaded, nothing cached).
    const backend = await startBenchBackend(
      url,
      options.cost === false
        ? undefined
        : {
            pricingEndpoint: sim.pricingEndpoint,
            ec2Endpoint: sim.ec2Endpoint,
          },
    );
    const base = backend.baseUrl;
    const before = await backend.memory();
    const auth = { Authorization: mockCredentials.user.header() };
    let lastAnswer = '';
    const summary = async () => {
      const res = await fetch(
        `${base}/api/karpenter/v1/entities/default/resource/bench-cluster/summary`,
        { headers: auth },
      );
      const body = await res.json();
      const ok =
        res.ok && body.clusters?.[0]?.nodePools?.length === size.nodePools;
      if (!ok)
        lastAnswer = `${res.status} ${JSON.stringify(body).slice(0, 500)}`;
      return ok;
    };
    const coldStart = performance.now();
    const coldOk = await summary();
    const coldMs = performance.now() - coldStart;
    if (!coldOk) throw new Error(`cold summary failed: ${lastAnswer}`);
    const during = await latencies(options.warmRequests, summary);
    const events = await recorderCaughtUp(base, auth);
    const catchUpEndedMs = Math.round(performance.now() - coldStart);
    if (options.cost !== false) await pricesLoaded(base, auth);
    const warm = await latencies(options.warmRequests, summary);
    // After warm-up: what the caches hold. After the load: plus the allocator's high-water mark
    // of 50 concurrent clients (freed heap V8 and malloc keep), which grows with requests served.
    const mem = await backend.memory();
    const tp = await throughput(50, options.throughputSeconds, summary);
    const loaded = await backend.memory();
    const peer = await latencies(options.warmRequests, async () => {
      const res = await fetch(`${base}/api/kubernetes/services/checkout`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ entity: ENTITY }),
      });
      await res.arrayBuffer();
      return res.ok;
    });
    const workload = await workloadLatencies(base, auth, options.warmRequests);
    const timeline = await timelineLatencies(
      base,
      auth,
      options.warmRequests,
      events,
    );
    await backend.stop();
    const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
    return {
      size,
      objects: {
        nodePools: c.list('NodePool').length,
        nodeClaims: c.list('NodeClaim').length,
        nodes: c.list('Node').length,
        events: c.list('Event').length,
        rawJsonBytes: f.raw,
      },
      floorMs: Math.round(f.ms * 10) / 10,
      coldMs: Math.round(coldMs * 10) / 10,
      warm,
      warmDuringCatchUp: { ...during, catchUpEndedMs },
      throughput: tp,
      peer,
      timeline,
      workload,
      memory: {
        rssMb: mb(mem.held.rss),
        heapUsedMb: mb(mem.held.heapUsed),
        rssGrowthMb: mb(mem.held.rss - before.held.rss),
        heapGrowthMb: mb(mem.held.heapUsed - before.held.heapUsed),
        rssGrowthAfterLoadMb: mb(loaded.held.rss - before.held.rss),
        rssGrowthPlainGcMb: mb(mem.plainGc.rss - before.plainGc.rss),
        rawJsonMb: mb(f.raw),
      },
    };
  } finally {
    await sim.stop();
  }
}
