/* What one size of `yarn bench` measured: the shape of bench/results/<date>.json. Fields added
 * after the first results are optional, so older files still render (and compare, --baseline). */
import type { BenchSize } from './sizes';
import type { LatencyStats } from './stats';

/** The routes the bench times, in the order of the report's tables. */
export const ROUTE_IDS = [
  'health',
  'catalogEntity',
  'allPools',
  'onePool',
  'workload',
  'nodePools',
  'interruptions',
  'peer',
] as const;

export type RouteId = (typeof ROUTE_IDS)[number];

/** The routes timed again while the cluster changes (the churn phase). */
export const CHURN_ROUTE_IDS = [
  'onePool',
  'allPools',
  'workload',
  'interruptions',
] as const satisfies readonly RouteId[];

export type ChurnRouteId = (typeof CHURN_ROUTE_IDS)[number];

/** The churn phase: what the simulator was asked to do while the routes were timed again. */
export interface ChurnResult {
  /** Milliseconds between two steps (an interruption and a launch, alternating). */
  intervalMs: number;
  /** Steps posted to the simulator's control API, and those it refused or failed. */
  steps: number;
  stepErrors: number;
  /** NodeClaims the interruptions hit, and NodeClaims the launches created. */
  interrupted: number;
  launched: number;
  /** How long the phase ran (s). */
  seconds: number;
  routes: Partial<Record<ChurnRouteId, LatencyStats>>;
}

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
  /**
   * The all-pools summary (the cluster's Resource), warm, once the recorder's start-up catch-up is
   * stored (steady state).
   */
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
   * `GET /v1/clusters/bench/interruptions` (the tab's timeline as the tab asks it: the 24 h
   * ending with the current hour, hourly buckets and totals, 20 rows) after the recorder has
   * stored the cluster's events. Optional: results before 2026-12-02 lack it.
   */
  timeline?: LatencyStats & { events: number };
  /**
   * The summary of a workload-mapped Component (`backstage.io/kubernetes-id`: its pods, 10 running
   * on one NodePool and 500 waiting, explained). Optional: results before 2026-12-04 lack it.
   */
  workload?: LatencyStats & { pendingPods: number };
  /**
   * The routes without a field of their own above (health, the catalog's entity, the one-pool
   * summary, the NodePools list), warm. Optional: results before the real request path
   * (2026-12-04, evening) lack it; they also ran on a test backend with mock credentials.
   */
  routes?: Partial<Record<RouteId, LatencyStats>>;
  /** The NodePool of the one-pool Component. Optional, as `routes`. */
  onePoolNodePool?: string;
  /** Optional, as `routes`. */
  churn?: ChurnResult;
  /**
   * Where the backend ran: `portal` (createBackend, real auth, catalog and permissions) or, when
   * absent, the test backend of the results before 2026-12-04 (evening).
   */
  backend?: 'portal';
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

/** A route's static (warm, steady-state) figures, wherever the result keeps them. */
export function staticStats(
  r: SizeResult,
  id: RouteId,
): LatencyStats | undefined {
  switch (id) {
    case 'allPools':
      return r.warm;
    case 'peer':
      return r.peer;
    case 'interruptions':
      return r.timeline;
    case 'workload':
      return r.workload;
    default:
      return r.routes?.[id];
  }
}

/** A route's figures under churn, if the result measured it. */
export function churnStats(
  r: SizeResult,
  id: RouteId,
): LatencyStats | undefined {
  return (CHURN_ROUTE_IDS as readonly RouteId[]).includes(id)
    ? r.churn?.routes[id as ChurnRouteId]
    : undefined;
}
