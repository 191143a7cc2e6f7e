/* The churn phase's driver: a cluster that changes while the routes are timed. Every 250 ms it
 * posts one step to the simulator's control API (`POST /step`, as the browser tests and demos
 * drive a simulator), alternating a spot interruption of one NodeClaim of a random NodePool and
 * the launch of one NodeClaim in another random NodePool.
 *
 * Both steps write to the API server at once (the interruption's Events, the NodeClaim's
 * deletionTimestamp and the Node's taint; the new pending NodeClaim), so watch events reach the
 * backend whether or not simulated time runs. What follows — the launch's launched, registered
 * and initialized phases, the interrupted NodeClaim's removal and its replacement, the API
 * server's Event expiry — runs on the simulator's clock, which the bench otherwise never
 * advances (the static phase measures a cluster that does not change). So each tick also posts
 * `POST /advance` with the real time elapsed since the last one: during churn, simulated time
 * runs at real speed. */
import {
  Simulator,
  startControlServer,
} from '@karpenter-backstage/karpenter-simulator';

/** What the churn did, once stopped. */
export interface ChurnCounts {
  steps: number;
  stepErrors: number;
  interrupted: number;
  launched: number;
  seconds: number;
}

export interface Churn {
  /** Resolves once `n` steps have been posted (so that timing starts on a changing cluster). */
  started(n: number): Promise<void>;
  stop(): Promise<ChurnCounts>;
}

/** A small deterministic random source (mulberry32), so runs churn the same NodePools. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts the control API on a free port and the steps on `cluster`'s NodePools. */
export async function startChurn(
  sim: Simulator,
  options: { cluster: string; nodePools: string[]; intervalMs: number },
): Promise<Churn> {
  const control = await startControlServer(sim, 0);
  const next = random(42);
  const pick = (not?: string) => {
    const pools = options.nodePools.filter(p => p !== not);
    return pools[Math.floor(next() * pools.length)] ?? options.nodePools[0];
  };
  const counts: ChurnCounts = {
    steps: 0,
    stepErrors: 0,
    interrupted: 0,
    launched: 0,
    seconds: 0,
  };
  const post = async (route: string, body: unknown) => {
    const res = await fetch(`${control.url}${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.ok;
  };
  const store = () => sim.cluster(options.cluster).runtime.store;
  /** NodeClaims, and those marked for deletion (what an interruption does at once). */
  const claims = () => {
    const all = store().list('nodeclaims');
    return {
      total: all.length,
      deleting: all.filter(c => c.metadata.deletionTimestamp).length,
    };
  };
  const startedAt = performance.now();
  let lastTick = startedAt;
  let lastPool: string | undefined;
  let waiters: { n: number; resolve: () => void }[] = [];
  const tick = async () => {
    const now = performance.now();
    const interrupt = counts.steps % 2 === 0;
    const nodePool = pick(lastPool);
    lastPool = nodePool;
    let ok = await post('/advance', { ms: Math.round(now - lastTick) });
    lastTick = now;
    // The control API answers `{ok: true}` for both steps: what they did is read from the
    // simulated cluster around the step (the simulator runs in this process; nothing else
    // changes it between the two readings).
    const before = claims();
    ok =
      ok &&
      (await post('/step', {
        action: interrupt ? 'interrupt' : 'scaleUp',
        cluster: options.cluster,
        nodePool,
        count: 1,
      }));
    const after = claims();
    counts.steps++;
    if (!ok) counts.stepErrors++;
    counts.interrupted += Math.max(0, after.deleting - before.deleting);
    counts.launched += Math.max(0, after.total - before.total);
    waiters = waiters.filter(w => {
      if (counts.steps < w.n) return true;
      w.resolve();
      return false;
    });
  };
  // One step at a time: a tick that comes while the last step still runs is skipped (steps
  // never queue up behind a slow answer).
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = tick()
      .catch(() => {
        counts.stepErrors++;
      })
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs);
  return {
    started: n =>
      counts.steps >= n
        ? Promise.resolve()
        : new Promise(resolve => waiters.push({ n, resolve })),
    stop: async () => {
      clearInterval(timer);
      await running;
      await control.close();
      counts.seconds = Math.round((performance.now() - startedAt) / 100) / 10;
      return counts;
    },
  };
}
