import { randomUUID } from 'node:crypto';
import type { WatchListener } from '../k8s/ObjectStore';
import type { EventObjectReference, KubeObject, SimEvent } from '../k8s/types';
import { iso } from '../model/conditions';

/**
 * The part of the object store the recorder writes Events to (and reads the uids of the objects
 * they are about from).
 */
export interface EventStore {
  get(plural: 'events', name: string, namespace?: string): SimEvent | undefined;
  get(plural: string, name: string, namespace?: string): KubeObject | undefined;
  put(plural: 'events', obj: SimEvent): SimEvent;
  update(
    plural: 'events',
    name: string,
    namespace: string | undefined,
    mutate: (obj: SimEvent) => void,
  ): SimEvent | undefined;
  delete(
    plural: 'events',
    name: string,
    namespace?: string,
  ): SimEvent | undefined;
  subscribe(plural: 'events', listener: WatchListener<SimEvent>): () => void;
}

/** The object an Event is about. @public */
export interface InvolvedObject {
  kind: string;
  name: string;
  namespace?: string;
  /** The object's uid, when it may be gone already (else looked up). */
  uid?: string;
}

/**
 * One event as Karpenter publishes it (`kubernetes-sigs/karpenter` `pkg/events/recorder.go`,
 * `events.Event`): with `dedupeValues`, a repeat of the same reason and values inside
 * `dedupeTimeoutMs` (default 2 min) is dropped before it reaches client-go.
 */
export interface KarpenterEvent {
  involvedObject: InvolvedObject;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  dedupeValues?: string[];
  dedupeTimeoutMs?: number;
}

/** An event written without Karpenter's dedupe (Pods, tests, the scheduler). @public */
export interface RawEvent {
  involvedObject: InvolvedObject;
  reason: string;
  message?: string;
  type?: string;
  at?: number;
  /**
   * `karpenter` (default): a core/v1 event with source, count and first/last timestamps, as
   * client-go's recorder writes them. `default-scheduler`: written through events.k8s.io/v1 like
   * the kube-scheduler does (eventTime, action, reportingController; repeats grow `series`).
   */
  reporter?: 'karpenter' | 'default-scheduler';
}

/** Karpenter's default dedupe timeout (`pkg/events/recorder.go`, `defaultDedupeTimeout`). */
export const DEFAULT_DEDUPE_TIMEOUT_MS = 2 * 60_000;
/** kube-apiserver `--event-ttl` default (1 h). */
export const DEFAULT_EVENT_TTL_MS = 60 * 60_000;

// client-go `tools/record/events_cache.go` defaults
/** client-go's correlator remembers this many events (maxLruCacheEntries). */
export const LRU_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10; // defaultAggregateMaxEvents
const AGGREGATE_INTERVAL_MS = 600_000; // defaultAggregateIntervalInSeconds
const SPAM_BURST = 25; // defaultSpamBurst
const SPAM_QPS = 1 / 300; // defaultSpamQPS
/** Window in which a scheduler repeat grows the first Event's `series` (simulator's choice). */
const SERIES_WINDOW_MS = 10 * 60_000;

const KIND_INFO: Record<string, { apiVersion: string; plural: string }> = {
  NodeClaim: { apiVersion: 'karpenter.sh/v1', plural: 'nodeclaims' },
  NodePool: { apiVersion: 'karpenter.sh/v1', plural: 'nodepools' },
  Node: { apiVersion: 'v1', plural: 'nodes' },
  Pod: { apiVersion: 'v1', plural: 'pods' },
  EC2NodeClass: {
    apiVersion: 'karpenter.k8s.aws/v1',
    plural: 'ec2nodeclasses',
  },
};

const SCHEDULER_INSTANCE = 'default-scheduler-ip-172-16-0-10';
const KARPENTER_INSTANCE = 'karpenter-6f7b9c5d4-x2x9z';

/** A size-bounded map that forgets the least recently used key (groupcache `lru.Cache`). */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V) {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size)
      this.map.delete(this.map.keys().next().value as string);
  }
}

interface Observation {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
}

/**
 * The event pipeline between the simulated Karpenter and the simulated API server:
 *
 * 1. Karpenter's recorder (`kubernetes-sigs/karpenter` `pkg/events/recorder.go`): an event with
 *    dedupe values is DROPPED when one with the same reason and values was published within its
 *    dedupe timeout (2 min by default; `Unconsolidatable` 15 min, NodePool `DisruptionBlocked`
 *    1 min — `pkg/controllers/disruption/events/events.go`).
 * 2. client-go's EventCorrelator (`kubernetes/client-go` `tools/record/events_cache.go`): a spam
 *    filter per source and object (burst 25, one more every 5 min), aggregation of more than 10
 *    events of one object and reason differing only in message within 10 min ("(combined from
 *    similar events): …"), and the event logger: an event identical to one seen before (source,
 *    object, type, reason, message; LRU of 4096, no time limit) patches that Event's `count` + 1
 *    and `lastTimestamp`; when that Event is gone (TTL) it is created again with the same name and
 *    the grown count (`tools/record/event.go`, recordToSink on NotFound).
 * 3. The API server's event TTL (`kubernetes/kubernetes` `pkg/registry/core/event/storage/
 *    storage.go`: `TTLFunc` returns `--event-ttl`, 1 h by default, on every create AND update): an
 *    Event is deleted `ttl` after its last write, and watchers get a DELETED event.
 */
export class EventRecorder {
  private readonly dedupe = new Map<string, number>();
  private readonly spam = new Lru<{ tokens: number; at: number }>(LRU_ENTRIES);
  private readonly aggregate = new Lru<{ messages: Set<string>; last: number }>(
    LRU_ENTRIES,
  );
  private readonly observed = new Lru<Observation>(LRU_ENTRIES);
  /** Scheduler (events.k8s.io) series by object, reason and reporter. */
  private readonly series = new Map<string, string>();
  /** Last write per Event (`namespace/name`), for the TTL. */
  private readonly lastWrite = new Map<string, number>();
  /** Expiry candidates in time order: [expiresAt, key, writtenAt]. */
  private readonly expiries: Array<[number, string, number]> = [];
  private expiryHead = 0;
  /** Set while this recorder writes, so its own writes carry their event time. */
  private writingAt: number | undefined;
  private seq = 0;

  constructor(
    private readonly store: EventStore,
    private readonly now: () => number,
    readonly ttlMs: number = DEFAULT_EVENT_TTL_MS,
  ) {
    // Events written by anyone else (kubectl, a test's apply, POST through the API) expire too.
    store.subscribe('events', change => {
      const key = `${change.obj.metadata.namespace ?? ''}/${
        change.obj.metadata.name
      }`;
      if (change.type === 'DELETED') {
        this.lastWrite.delete(key);
        return;
      }
      this.noteWrite(key, this.writingAt ?? this.now());
    });
  }

  /** Karpenter's `Recorder.Publish`: its dedupe, then client-go. Undefined when dropped. */
  publish(evt: KarpenterEvent, at = this.now()): SimEvent | undefined {
    if (evt.dedupeValues?.length) {
      const key = `${evt.reason.toLowerCase()}-${evt.dedupeValues.join('-')}`;
      const until = this.dedupe.get(key);
      if (until !== undefined && at < until) return undefined;
      this.dedupe.set(
        key,
        at + (evt.dedupeTimeoutMs ?? DEFAULT_DEDUPE_TIMEOUT_MS),
      );
    }
    return this.record({ ...evt, at });
  }

  /** client-go's `EventRecorder.Event` (core/v1) or the scheduler's events.k8s.io recorder. */
  record(e: RawEvent): SimEvent | undefined {
    const at = e.at ?? this.now();
    const namespace = e.involvedObject.namespace ?? 'default';
    const message = e.message ?? e.reason;
    const type = e.type ?? 'Normal';
    if (e.reporter === 'default-scheduler')
      return this.recordSeries(e, at, namespace, message, type);

    // client-go keys on source, object kind/namespace/name/uid/apiVersion (getSpamKey, getEventKey)
    const involved = this.involved(e.involvedObject);
    const objectKey = `karpenter/${involved.kind}/${namespace}/${
      involved.name
    }/${involved.uid ?? ''}`;
    if (this.spamFiltered(objectKey, at)) return undefined;

    // EventAggregatorByReasonFunc: same object, type and reason; the message is the local key
    let finalMessage = message;
    const aggKey = `${objectKey}/${type}/${e.reason}`;
    const record = this.aggregate.get(aggKey);
    const fresh =
      !record || at - record.last > AGGREGATE_INTERVAL_MS
        ? { messages: new Set<string>(), last: at }
        : record;
    fresh.messages.add(message);
    fresh.last = at;
    this.aggregate.set(aggKey, fresh);
    let eventKey = `${aggKey}/${message}`;
    if (fresh.messages.size >= AGGREGATE_MAX_EVENTS) {
      fresh.messages.delete(fresh.messages.values().next().value as string);
      finalMessage = `(combined from similar events): ${message}`;
      eventKey = aggKey; // the aggregate is one Event that keeps being overwritten
    }

    const seen = this.observed.get(eventKey);
    const count = (seen?.count ?? 0) + 1;
    if (seen) {
      this.observed.set(eventKey, { ...seen, count });
      // a patch of count, lastTimestamp and message (Events are flat: a shallow copy will do)
      const current = this.store.get('events', seen.name, seen.namespace);
      const updated =
        current &&
        this.write(at, () =>
          this.store.put('events', {
            ...current,
            metadata: { ...current.metadata },
            count,
            lastTimestamp: iso(at),
            message: finalMessage,
          }),
        );
      if (updated) return updated;
    }
    // new, or the Event expired: client-go creates it again with the same name and count
    const created = this.create(
      involved,
      e.reason,
      at,
      namespace,
      finalMessage,
      type,
      seen && { name: seen.name, count, firstTimestamp: seen.firstTimestamp },
    );
    if (!seen)
      this.observed.set(eventKey, {
        name: created.metadata.name,
        namespace,
        count,
        firstTimestamp: created.firstTimestamp,
      });
    return created;
  }

  /** Deletes Events whose last write is older than the TTL (what the API server's lease does). */
  expire(now = this.now()) {
    while (
      this.expiryHead < this.expiries.length &&
      this.expiries[this.expiryHead][0] <= now
    ) {
      const [, key, writtenAt] = this.expiries[this.expiryHead++];
      if (this.lastWrite.get(key) !== writtenAt) continue; // rewritten since
      const slash = key.indexOf('/');
      this.store.delete(
        'events',
        key.slice(slash + 1),
        key.slice(0, slash) || undefined,
      );
    }
    if (this.expiryHead > 4096 && this.expiryHead * 2 > this.expiries.length) {
      this.expiries.splice(0, this.expiryHead);
      this.expiryHead = 0;
    }
  }

  private noteWrite(key: string, at: number) {
    this.lastWrite.set(key, at);
    const entry: [number, string, number] = [at + this.ttlMs, key, at];
    const last = this.expiries[this.expiries.length - 1];
    if (!last || last[0] <= entry[0]) {
      this.expiries.push(entry);
      return;
    }
    // out of order (an explicit past time): keep the list sorted
    let lo = this.expiryHead;
    let hi = this.expiries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.expiries[mid][0] <= entry[0]) lo = mid + 1;
      else hi = mid;
    }
    this.expiries.splice(lo, 0, entry);
  }

  private write<T>(at: number, fn: () => T): T {
    this.writingAt = at;
    try {
      return fn();
    } finally {
      this.writingAt = undefined;
    }
  }

  /** EventSourceObjectSpamFilter: a token bucket per source and object. */
  private spamFiltered(key: string, at: number): boolean {
    const bucket = this.spam.get(key) ?? { tokens: SPAM_BURST, at };
    const tokens = Math.min(
      SPAM_BURST,
      bucket.tokens + (Math.max(0, at - bucket.at) / 1000) * SPAM_QPS,
    );
    const allowed = tokens >= 1;
    this.spam.set(key, { tokens: allowed ? tokens - 1 : tokens, at });
    return !allowed;
  }

  /** client-go names an Event `<object>.<unix nanoseconds in hex>` (`tools/record/event.go`). */
  private eventName(object: string, at: number): string {
    const nanos = BigInt(at) * 1_000_000n + BigInt(this.seq++ % 1_000_000);
    return `${object}.${nanos.toString(16)}`;
  }

  private involved(o: InvolvedObject): EventObjectReference {
    const info = KIND_INFO[o.kind] ?? { apiVersion: 'v1', plural: '' };
    const target = info.plural
      ? this.store.get(info.plural, o.name, o.namespace)
      : undefined;
    return {
      kind: o.kind,
      name: o.name,
      namespace: o.namespace,
      apiVersion: info.apiVersion,
      uid: o.uid ?? target?.metadata?.uid,
    };
  }

  private create(
    involved: EventObjectReference,
    reason: string,
    at: number,
    namespace: string,
    message: string,
    type: string,
    again?: { name: string; count: number; firstTimestamp: string },
  ): SimEvent & { firstTimestamp: string } {
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: again?.name ?? this.eventName(involved.name, at),
        namespace,
        uid: randomUUID(),
        creationTimestamp: iso(at),
      },
      involvedObject: involved,
      reason,
      message,
      type,
      source: { component: 'karpenter' },
      firstTimestamp: again?.firstTimestamp ?? iso(at),
      lastTimestamp: iso(at),
      count: again?.count ?? 1,
      eventTime: null,
      reportingComponent: 'karpenter',
      reportingInstance: KARPENTER_INSTANCE,
    };
    // both stores save (and return) the object given
    this.write(at, () => this.store.put('events', event));
    return event;
  }

  /** The scheduler's events.k8s.io recorder: a repeat within the window grows `series`. */
  private recordSeries(
    e: RawEvent,
    at: number,
    namespace: string,
    message: string,
    type: string,
  ): SimEvent | undefined {
    const key = `${namespace}/${e.involvedObject.kind}/${e.involvedObject.name}/${e.reason}`;
    const existingName = this.series.get(key);
    const previous = existingName
      ? this.store.get('events', existingName, namespace)
      : undefined;
    const lastSeen =
      previous?.series?.lastObservedTime ?? previous?.eventTime ?? undefined;
    if (previous && lastSeen && at - Date.parse(lastSeen) < SERIES_WINDOW_MS) {
      return this.write(at, () =>
        this.store.update('events', previous.metadata.name, namespace, ev => {
          ev.series = {
            count: (ev.series?.count ?? 1) + 1,
            lastObservedTime: microTime(at),
          };
        }),
      );
    }
    const name = this.eventName(e.involvedObject.name, at);
    this.series.set(key, name);
    return this.write(at, () =>
      this.store.put('events', {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {
          name,
          namespace,
          uid: randomUUID(),
          creationTimestamp: iso(at),
        },
        involvedObject: this.involved(e.involvedObject),
        reason: e.reason,
        message,
        type,
        source: {},
        firstTimestamp: null,
        lastTimestamp: null,
        eventTime: microTime(at),
        action: 'Scheduling',
        reportingComponent: 'default-scheduler',
        reportingInstance: SCHEDULER_INSTANCE,
      }),
    );
  }
}

/** A MicroTime as the events.k8s.io API writes it (`2025-06-01T10:00:00.123000Z`). */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
