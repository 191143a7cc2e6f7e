import type { Change, WatchListener } from '../k8s/ObjectStore';
import { uidOf, updateCopy } from '../k8s/ObjectStore';
import type { SimEvent, StoredNodePool } from '../k8s/types';
import { Random } from '../model/random';
import { parseDuration } from '../model/scheduling';
import { ScenarioCluster } from '../scenario/types';
import {
  DEFAULT_EVENT_TTL_MS,
  EventRecorder,
  EventStore,
  LRU_ENTRIES,
} from './eventRecorder';
import {
  disruptionTerminating,
  interruptionEvents,
  nodePoolBlockedForReason,
  Target,
  terminatingOnInterruption,
  unconsolidatable,
} from './events';

/** A cluster's event TTL: its `eventTTL` (`90m`, `1h`, `30s`…), else the API server's 1 h. */
export function eventTtlOf(config: ScenarioCluster): number {
  if (config.eventTTL === undefined) return DEFAULT_EVENT_TTL_MS;
  const ms = parseDuration(config.eventTTL);
  if (!ms)
    throw new Error(
      `cluster ${
        config.name
      }: eventTTL must be a duration like 1h, 90m or 30s, got ${JSON.stringify(
        config.eventTTL,
      )}`,
    );
  return ms;
}

/** What seeding needs from the cluster. */
export interface SeedHost {
  recorder: EventRecorder;
  now: number;
  region: string;
  nodePools: StoredNodePool[];
  claims: Array<{
    name: string;
    nodePool: string;
    capacityType: string;
    target: Target;
  }>;
  /** Seed of the history's own random sequence (names, repeats). */
  seed: number;
}

type Publish = { at: number; events: ReturnType<typeof unconsolidatable> };

/** Incident pattern of the seeded history, with the Events each one creates. */
const PATTERN = [
  'interruption',
  'unconsolidatable',
  'interruption',
  'consolidation',
  'rebalance',
  'interruption',
  'unconsolidatable',
  'blocked',
] as const;
const NEW_EVENTS = {
  interruption: 4,
  consolidation: 2,
  rebalance: 2,
  unconsolidatable: 2,
  blocked: 1,
};

/** Events only, in a Map, no history or JSON: the calibration run's API server. */
class ScratchStore implements EventStore {
  private readonly events = new Map<string, SimEvent>();
  private readonly listeners = new Set<WatchListener<SimEvent>>();
  get size() {
    return this.events.size;
  }
  get(_plural: string, name: string, namespace?: string) {
    return this.events.get(`${namespace}/${name}`);
  }
  put(_plural: 'events', obj: SimEvent) {
    this.events.set(`${obj.metadata.namespace}/${obj.metadata.name}`, obj);
    this.notify({ rv: 0, type: 'ADDED', obj, json: '' });
    return obj;
  }
  update: EventStore['update'] = (plural, name, namespace, mutate) =>
    updateCopy(this.get(plural, name, namespace), mutate, copy =>
      this.put(plural, copy),
    );
  delete(_plural: 'events', name: string, namespace?: string) {
    const obj = this.get('events', name, namespace);
    if (!obj) return undefined;
    this.events.delete(`${namespace}/${name}`);
    this.notify({ rv: 0, type: 'DELETED', obj, json: '' });
    return obj;
  }
  subscribe(_plural: 'events', listener: WatchListener<SimEvent>) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private notify(change: Change<SimEvent>) {
    for (const l of this.listeners) l(change);
  }
}

/**
 * The last hour (the TTL) of a real cluster's Karpenter events, about `count` Event objects,
 * written through the recorder in time order so dedupe, counts and expiry hold:
 * - spot interruptions of NodeClaims that are gone by now (SpotInterrupted + TerminatingOnInterruption
 *   on NodeClaim and Node: 4 Events each);
 * - consolidations of gone nodes (DisruptionTerminating on Node and NodeClaim);
 * - rebalance recommendations on live spot NodeClaims (no termination follows);
 * - Unconsolidatable on live NodeClaims, re-recorded every 15 min since before the window (count
 *   > 1, firstTimestamp older than the TTL: each write renews the TTL);
 * - DisruptionBlocked on NodePools, re-recorded each minute for a while (count grows).
 * Every Event's last write is within the TTL, as on a real API server.
 */
export function seedHistory(host: SeedHost, count: number) {
  if (count <= 0 || !host.claims.length || !host.nodePools.length) return;
  let kinds = kindsFor(host, count);
  // Below the correlator's LRU size every repeat finds its Event and the estimate is exact; above,
  // repeats whose Event client-go forgot become new Events: calibrate on a scratch server.
  if (count >= LRU_ENTRIES) {
    const store = new ScratchStore();
    const scratch = new EventRecorder(
      store,
      () => host.now,
      host.recorder.ttlMs,
    );
    publishAll(scratch, plan(host, kinds), host.now);
    kinds = kindsFor(host, (count * count) / Math.max(1, store.size));
  }
  publishAll(host.recorder, plan(host, kinds), host.now);
}

type Kind = (typeof PATTERN)[number];

/** Incidents in pattern order until they make `target` Events (targets used once each). */
function kindsFor(host: SeedHost, target: number): Kind[] {
  const limits: Record<Kind, number> = {
    interruption: Infinity,
    consolidation: Infinity,
    unconsolidatable: host.claims.length,
    rebalance: host.claims.filter(c => c.capacityType === 'spot').length,
    blocked: host.nodePools.length,
  };
  const used: Record<Kind, number> = {
    interruption: 0,
    consolidation: 0,
    unconsolidatable: 0,
    rebalance: 0,
    blocked: 0,
  };
  const kinds: Kind[] = [];
  for (let i = 0, made = 0; made < target; i++) {
    let kind: Kind = PATTERN[i % PATTERN.length];
    if (used[kind] >= limits[kind])
      kind = kind === 'unconsolidatable' ? 'interruption' : 'consolidation';
    used[kind]++;
    made += NEW_EVENTS[kind];
    kinds.push(kind);
  }
  return kinds;
}

/** Publishes in time order, then lets the TTL delete what a real API server no longer has. */
function publishAll(
  recorder: EventRecorder,
  publishes: Publish[],
  now: number,
) {
  for (const p of publishes)
    for (const e of p.events) recorder.publish(e, p.at);
  recorder.expire(now);
}

function plan(host: SeedHost, kinds: Kind[]): Publish[] {
  const ttl = host.recorder.ttlMs;
  const n = kinds.length;
  const spot = host.claims.filter(c => c.capacityType === 'spot');
  const used = { unconsolidatable: 0, rebalance: 0, blocked: 0 };
  const r = new Random(host.seed);
  const start = host.now - ttl * 0.95;
  const step = (ttl * 0.95) / n;
  const publishes: Publish[] = [];
  kinds.forEach((kind, i) => {
    const at = Math.floor(start + (i + 0.5) * step);
    switch (kind) {
      case 'interruption': {
        const t = gone(host, r);
        publishes.push({
          at,
          events: interruptionEvents('SpotInterrupted', t),
        });
        publishes.push({ at: at + 1, events: terminatingOnInterruption(t) });
        break;
      }
      case 'consolidation':
        publishes.push({
          at,
          events: disruptionTerminating(gone(host, r), 'Underutilized'),
        });
        break;
      case 'rebalance':
        publishes.push({
          at,
          events: interruptionEvents(
            'SpotRebalanceRecommendation',
            spot[used.rebalance++].target,
          ),
        });
        break;
      case 'unconsolidatable': {
        const c = host.claims[used.unconsolidatable++];
        const policy = host.nodePools.find(p => p.metadata.name === c.nodePool)
          ?.spec?.disruption?.consolidationPolicy;
        const events = unconsolidatable(
          c.target,
          policy === 'WhenEmpty'
            ? `NodePool "${c.nodePool}" has consolidation policy WhenEmpty, but node is not empty`
            : "Can't replace with a cheaper node",
        );
        // every 15 min (Karpenter's dedupe), from up to 1¾ h before, the last write at `at`
        const repeats = 1 + r.int(8);
        for (let k = repeats - 1; k >= 0; k--)
          publishes.push({ at: at - k * 15 * 60_000, events });
        break;
      }
      case 'blocked': {
        const pool = host.nodePools[used.blocked++];
        const event = nodePoolBlockedForReason(
          { name: pool.metadata.name, uid: uidOf(pool) },
          'Underutilized',
        );
        // once a minute (its 1-min dedupe) for up to half an hour
        const minutes = 1 + r.int(30);
        for (let k = minutes - 1; k >= 0; k--)
          publishes.push({ at: at - k * 60_000, events: [event] });
        break;
      }
      default:
    }
  });
  return publishes.sort((a, b) => a.at - b.at);
}

/** A NodeClaim and Node that existed in the window and are gone (interrupted or consolidated). */
function gone(host: SeedHost, r: Random): Target {
  const pool = host.nodePools[r.int(host.nodePools.length)].metadata.name;
  // 10.128.0.0/9: never a live node's address (those count up from 10.0.0.0)
  const octets = `${128 + r.int(128)}-${r.int(256)}-${r.int(256)}`;
  return {
    nodeClaim: { name: `${pool}-${r.suffix()}`, uid: uuidOf(r) },
    node: {
      name: `ip-10-${octets}.${host.region}.compute.internal`,
      uid: uuidOf(r),
    },
  };
}

function uuidOf(r: Random): string {
  const h = r.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(
    17,
    20,
  )}-${h.slice(20)}`;
}
