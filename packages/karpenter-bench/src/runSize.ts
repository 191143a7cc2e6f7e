/* One size of `yarn bench`: the floor, then the portal-built backend (its own process) over the
 * real request path — static phase (cold, warm routes, memory, 50 clients, the peer), then the
 * churn phase (the same summaries and the timeline again while the cluster changes). */
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import { startBenchBackend } from './benchBackend';
import { startChurn } from './churn';
import { onePoolName } from './entities';
import { CHURN_ROUTE_IDS, ChurnResult, RouteId, SizeResult } from './results';
import {
  measureRoutes,
  pendingPodsOf,
  probe,
  request,
  routesOf,
  warmUp,
} from './routes';
import { AuthHeaders, catalogIngested, signInAsGuest } from './session';
import { BenchSize, WAITING_PODS, scenarioFor } from './sizes';
import { latencies, throughput } from './stats';

export type { SizeResult } from './results';

/** Milliseconds between two churn steps (an interruption, then a launch, and so on). */
const CHURN_INTERVAL_MS = 250;

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
function eventCount(body: unknown): number {
  const totals = (body as { totals?: { events?: number; total?: number } })
    ?.totals;
  return totals?.events ?? totals?.total ?? 0;
}

/**
 * Waits (up to 90 s) until the recorder's start-up catch-up is stored: the timeline counts events
 * and the count stays the same for two seconds. Resolves with that count.
 */
async function recorderCaughtUp(
  base: string,
  auth: AuthHeaders,
  size: BenchSize,
): Promise<number> {
  const timeline = routesOf(size).interruptions;
  const deadline = Date.now() + 90_000;
  let last = -1;
  let sameSince = Date.now();
  for (;;) {
    const { status, body } = await request(base, auth, timeline);
    const events = status === 200 ? eventCount(body) : 0;
    if (events !== last) sameSince = Date.now();
    last = events;
    if (events > 0 && Date.now() - sameSince >= 2_000) return events;
    if (Date.now() > deadline) return events;
    await new Promise(r => setTimeout(r, 250));
  }
}

/**
 * With cost on, the warm answers are measured with prices: waits until the summary prices its
 * nodes (the price task fetched from the simulator and the model was rebuilt with them).
 */
async function pricesLoaded(base: string, auth: AuthHeaders, size: BenchSize) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await request(base, auth, routesOf(size).allPools);
    const cost = (body as { cost?: { pricedNodes?: number } })?.cost;
    if ((cost?.pricedNodes ?? 0) > 0) return;
    if (Date.now() > deadline)
      throw new Error(`no prices after 60 s: ${JSON.stringify(cost)}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

/**
 * The workload entity's waiting pods once its pod watches have listed them all: exactly the
 * scenario's 500 (the static cluster does not change).
 */
async function waitingPods(base: string, auth: AuthHeaders, size: BenchSize) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await request(base, auth, routesOf(size).workload);
    const pods = pendingPodsOf(body) ?? 0;
    if (pods === WAITING_PODS) return pods;
    if (Date.now() > deadline)
      throw new Error(
        `workload summary: ${pods} waiting pods, not ${WAITING_PODS}`,
      );
    await new Promise(r => setTimeout(r, 250));
  }
}

/**
 * The churn phase: the simulator's control API started in this process, a step every 250 ms
 * (churn.ts), and, once the first steps ran, the churn routes timed again, `n` requests each.
 */
async function churnPhase(
  sim: Simulator,
  size: BenchSize,
  base: string,
  auth: AuthHeaders,
  n: number,
): Promise<ChurnResult> {
  const churn = await startChurn(sim, {
    cluster: 'bench',
    nodePools: sim
      .cluster('bench')
      .list('NodePool')
      .map((p: { metadata: { name: string } }) => p.metadata.name),
    intervalMs: CHURN_INTERVAL_MS,
  });
  try {
    // A second of churn first: its watch events reach the backend before the first timing.
    await churn.started(4);
    const routes = await measureRoutes(
      base,
      auth,
      routesOf(size),
      CHURN_ROUTE_IDS,
      n,
    );
    return { intervalMs: CHURN_INTERVAL_MS, ...(await churn.stop()), routes };
  } catch (error) {
    await churn.stop();
    throw error;
  }
}

/** Our routes of the static phase besides the all-pools summary (timed first, as `warm`). */
const OUR_ROUTES = [
  'onePool',
  'workload',
  'nodePools',
  'interruptions',
  'health',
  'catalogEntity',
] as const satisfies readonly RouteId[];

/** One size: floor, ours cold/warm/throughput over every route, the Kubernetes plugin, memory, churn. */
export async function runSize(
  size: BenchSize,
  options: {
    warmRequests: number;
    throughputSeconds: number;
    /** Cost on (prices from the simulator); default true. */
    cost?: boolean;
  },
): Promise<SizeResult> {
  const n = options.warmRequests;
  const sim = new Simulator({ scenario: scenarioFor(size) });
  await sim.start();
  const url = sim.clusters[0].url;
  try {
    const c = sim.cluster('bench');
    const f = await floor(url);
    // Counted now: the churn phase changes the NodeClaims, Nodes and Events.
    const objects = {
      nodePools: c.list('NodePool').length,
      nodeClaims: c.list('NodeClaim').length,
      nodes: c.list('Node').length,
      events: c.list('Event').length,
      rawJsonBytes: f.raw,
    };
    const root = path.resolve(
      resolvePackagePath('@karpenter-backstage/karpenter-bench'),
      '..',
      '..',
    );
    // The backend runs in its own process: its RSS is then the backend's alone. Growth is
    // measured from the started, idle backend (plugins loaded, nothing cached).
    const backend = await startBenchBackend({
      size,
      clusterUrl: url,
      pricing:
        options.cost === false
          ? undefined
          : {
              pricingEndpoint: sim.pricingEndpoint,
              ec2Endpoint: sim.ec2Endpoint,
            },
      logFile: path.join(root, 'bench', 'tmp', `backend-${size.name}.log`),
    });
    const base = backend.baseUrl;
    const before = await backend.memory();
    const auth = await signInAsGuest(base);
    await catalogIngested(base, auth, size);
    const routes = routesOf(size);
    const summary = probe(base, auth, routes.allPools);
    const coldStart = performance.now();
    const cold = await request(base, auth, routes.allPools);
    const coldMs = performance.now() - coldStart;
    if (!routes.allPools.check(cold.status, cold.body))
      throw new Error(
        `cold summary failed: ${cold.status} ${JSON.stringify(cold.body)?.slice(
          0,
          500,
        )}`,
      );
    const during = await latencies(n, summary);
    const events = await recorderCaughtUp(base, auth, size);
    const catchUpEndedMs = Math.round(performance.now() - coldStart);
    if (options.cost !== false) await pricesLoaded(base, auth, size);
    // Every route answered right once before it is timed (warm): the workload entity's first
    // answers come before its pod watches have listed the 500 waiting pods.
    for (const id of OUR_ROUTES) await warmUp(base, auth, routes[id]);
    const workloadPods = await waitingPods(base, auth, size);
    const warm = await latencies(n, summary);
    const ours = await measureRoutes(base, auth, routes, OUR_ROUTES, n);
    // After warm-up: what the caches hold. After the load: plus the allocator's high-water mark
    // of 50 concurrent clients (freed heap V8 and malloc keep), which grows with requests served.
    const mem = await backend.memory();
    const tp = await throughput(50, options.throughputSeconds, summary);
    const loaded = await backend.memory();
    const { peer } = await measureRoutes(base, auth, routes, ['peer'], n);
    const churn = await churnPhase(sim, size, base, auth, n);
    await backend.stop();
    const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
    return {
      size,
      backend: 'portal',
      objects,
      floorMs: Math.round(f.ms * 10) / 10,
      coldMs: Math.round(coldMs * 10) / 10,
      warm,
      warmDuringCatchUp: { ...during, catchUpEndedMs },
      throughput: tp,
      peer,
      timeline: { ...ours.interruptions, events },
      workload: { ...ours.workload, pendingPods: workloadPods },
      routes: {
        health: ours.health,
        catalogEntity: ours.catalogEntity,
        onePool: ours.onePool,
        nodePools: ours.nodePools,
      },
      onePoolNodePool: onePoolName(size),
      churn,
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
