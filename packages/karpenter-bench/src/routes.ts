/* The routes the bench times, as the frontend calls them (a user's bearer token), each with the
 * check its answers must pass to count as answered (an answer that fails it is an error). */
import { ENTITY, ONE_POOL_ENTITY, WORKLOAD } from './entities';
import type { RouteId } from './results';
import type { AuthHeaders } from './session';
import { BenchSize, WAITING_PODS } from './sizes';
import { latencies, LatencyStats } from './stats';

interface Route {
  path: string;
  /** POST with this JSON body (the peer); GET without. */
  body?: unknown;
  /** Whether an answer (status and parsed body) is a right one. */
  check(status: number, body: unknown): boolean;
}

/** The parts of the answers the checks read. */
interface SummaryBody {
  clusters?: {
    nodePools?: unknown[];
    pendingPods?: { total?: number };
  }[];
}

const summaryPath = (kind: string, name: string) =>
  `/api/karpenter/v1/entities/default/${kind}/${name}/summary`;

const ok = (status: number) => status === 200;

const nodePoolsOf = (body: unknown) =>
  (body as SummaryBody).clusters?.[0]?.nodePools?.length;

const HOUR_MS = 3_600_000;

/**
 * The tab's timeline request for a whole-cluster entity, as the plugin's InterruptionTimeline
 * asks it: the 24 hours ending with the current hour, hourly buckets, 20 rows.
 */
export function timelinePath(nowMs: number): string {
  const to = Math.ceil((nowMs + 1) / HOUR_MS) * HOUR_MS;
  const query = new URLSearchParams({
    from: new Date(to - 24 * HOUR_MS).toISOString(),
    to: new Date(to).toISOString(),
    bucket: '1h',
    limit: '20',
  });
  return `/api/karpenter/v1/clusters/bench/interruptions?${query}`;
}

/** The routes of a size. */
export function routesOf(size: BenchSize): Record<RouteId, Route> {
  return {
    health: { path: '/api/karpenter/health', check: ok },
    catalogEntity: {
      path: `/api/catalog/entities/by-name/component/default/${ONE_POOL_ENTITY}`,
      check: ok,
    },
    allPools: {
      path: summaryPath('resource', 'bench-cluster'),
      check: (s, b) => ok(s) && nodePoolsOf(b) === size.nodePools,
    },
    onePool: {
      path: summaryPath('component', ONE_POOL_ENTITY),
      check: (s, b) => ok(s) && nodePoolsOf(b) === 1,
    },
    workload: {
      path: summaryPath('component', WORKLOAD.metadata.name),
      // At least the 500: under churn an interrupted node of the running pods' NodePool sends
      // them back to the scheduler for a while.
      check: (s, b) =>
        ok(s) &&
        pendingPodsOf(b) !== undefined &&
        pendingPodsOf(b)! >= WAITING_PODS,
    },
    nodePools: {
      path: '/api/karpenter/v1/clusters/bench/nodepools',
      check: (s, b) =>
        ok(s) && (b as { items?: unknown[] }).items?.length === size.nodePools,
    },
    interruptions: { path: timelinePath(Date.now()), check: ok },
    peer: {
      path: `/api/kubernetes/services/${ENTITY.metadata.name}`,
      body: { entity: ENTITY },
      check: ok,
    },
  };
}

/** Waiting pods the workload entity's summary explains. */
export function pendingPodsOf(body: unknown): number | undefined {
  return (body as SummaryBody).clusters?.[0]?.pendingPods?.total;
}

/** One request of a route; resolves with its status and parsed body (undefined: not JSON). */
export async function request(
  base: string,
  auth: AuthHeaders,
  route: Route,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(
    `${base}${route.path}`,
    route.body === undefined
      ? { headers: auth }
      : {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify(route.body),
        },
  );
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body };
}

/** A route as a probe of stats.ts: one request, true when its answer passes the check. */
export function probe(
  base: string,
  auth: AuthHeaders,
  route: Route,
): () => Promise<boolean> {
  return async () => {
    const { status, body } = await request(base, auth, route);
    return route.check(status, body);
  };
}

/**
 * Warm-up: requests the route until an answer passes its check (up to `ms`), so that what is
 * timed after is warm — the caches a route starts (the pod watches of a workload entity, the
 * catalog's answer) are loaded. Throws with the last answer when none passes.
 */
export async function warmUp(
  base: string,
  auth: AuthHeaders,
  route: Route,
  ms = 60_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const { status, body } = await request(base, auth, route);
    if (route.check(status, body)) return;
    if (Date.now() > deadline)
      throw new Error(
        `${route.path}: no right answer in ${
          ms / 1000
        } s; last: ${status} ${JSON.stringify(body)?.slice(0, 500)}`,
      );
    await new Promise(r => setTimeout(r, 250));
  }
}

/** `n` sequential requests of each route, one route after the other (in the order given). */
export async function measureRoutes<Id extends RouteId>(
  base: string,
  auth: AuthHeaders,
  routes: Record<RouteId, Route>,
  ids: readonly Id[],
  n: number,
): Promise<Record<Id, LatencyStats>> {
  const out = {} as Record<Id, LatencyStats>;
  for (const id of ids)
    out[id] = await latencies(n, probe(base, auth, routes[id]));
  return out;
}
