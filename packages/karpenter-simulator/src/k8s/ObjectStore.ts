import { randomUUID } from 'node:crypto';
import type { KubeObject, ObjectOf } from './types';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

interface Entry {
  obj: KubeObject;
  json?: string;
}

export interface Change<T extends KubeObject = KubeObject> {
  rv: number;
  type: ChangeType;
  obj: T;
  json: string;
}

export type WatchListener<T extends KubeObject = KubeObject> = (
  change: Change<T>,
) => void;

const keyOf = (namespace: string | undefined, name: string) =>
  `${namespace ?? ''}/${name}`;

/** The uid of a stored object (`put` gives every object one). */
export function uidOf(obj: KubeObject): string {
  return obj.metadata.uid as string;
}

/**
 * An update as both stores do it (this one and the seeding's scratch store): `mutate` gets a copy
 * of the stored object (the stored one stays as watchers and history saw it), then the copy is
 * saved. Undefined when there is no such object.
 */
export function updateCopy<T extends KubeObject>(
  current: T | undefined,
  mutate: (obj: T) => void,
  save: (obj: T) => T,
): T | undefined {
  if (!current) return undefined;
  const copy = structuredClone(current);
  mutate(copy);
  return save(copy);
}

/**
 * The objects of one simulated cluster, by store (plural). Every write bumps the cluster's
 * resourceVersion, caches the object's JSON (lists are mostly string concatenation), keeps a
 * bounded change history per store for watches, and notifies watchers.
 */
export class ObjectStore {
  private readonly stores = new Map<string, Map<string, Entry>>();
  private readonly history = new Map<string, Change[]>();
  private readonly listeners = new Map<string, Set<WatchListener>>();
  private rv = 1000;
  /** Oldest resourceVersion each store's history can still replay from. */
  private readonly horizon = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly historyLimit = 10_000,
  ) {}

  get resourceVersion(): number {
    return this.rv;
  }

  private store(plural: string): Map<string, Entry> {
    let s = this.stores.get(plural);
    if (!s) {
      s = new Map();
      this.stores.set(plural, s);
      this.horizon.set(plural, this.rv);
    }
    return s;
  }

  list<P extends string>(plural: P): Array<ObjectOf<P>> {
    return Array.from(this.store(plural).values(), e => e.obj as ObjectOf<P>);
  }

  /** Entries sorted by namespace/name with their cached JSON. */
  listJson(
    plural: string,
    filter?: (obj: KubeObject) => boolean,
  ): Array<{ obj: KubeObject; json: string }> {
    const out: Array<{ key: string; obj: KubeObject; json: string }> = [];
    for (const [key, entry] of this.store(plural)) {
      if (filter && !filter(entry.obj)) continue;
      entry.json ??= JSON.stringify(entry.obj);
      out.push({ key, obj: entry.obj, json: entry.json });
    }
    out.sort((a, b) => a.key.localeCompare(b.key));
    return out;
  }

  get<P extends string>(
    plural: P,
    name: string,
    namespace?: string,
  ): ObjectOf<P> | undefined {
    return this.store(plural).get(keyOf(namespace, name))?.obj as
      | ObjectOf<P>
      | undefined;
  }

  count(plural: string): number {
    return this.store(plural).size;
  }

  /** Creates or replaces an object (metadata.uid/creationTimestamp kept on replace). */
  put<P extends string>(plural: P, obj: ObjectOf<P>): ObjectOf<P> {
    const s = this.store(plural);
    const key = keyOf(obj.metadata.namespace, obj.metadata.name);
    const previous = s.get(key)?.obj;
    this.rv += 1;
    obj.metadata.resourceVersion = String(this.rv);
    obj.metadata.uid ??= previous?.metadata?.uid ?? randomUUID();
    obj.metadata.creationTimestamp ??=
      previous?.metadata?.creationTimestamp ??
      new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (
      previous &&
      JSON.stringify(previous.spec) !== JSON.stringify(obj.spec)
    ) {
      obj.metadata.generation = (previous.metadata.generation ?? 1) + 1;
    } else {
      obj.metadata.generation ??= previous?.metadata?.generation ?? 1;
    }
    const entry: Entry = { obj };
    s.set(key, entry);
    this.record(plural, previous ? 'MODIFIED' : 'ADDED', entry);
    return obj;
  }

  /** Applies `mutate` to a stored object and saves it. */
  update<P extends string>(
    plural: P,
    name: string,
    namespace: string | undefined,
    mutate: (obj: ObjectOf<P>) => void,
  ): ObjectOf<P> | undefined {
    return updateCopy(this.get(plural, name, namespace), mutate, copy =>
      this.put(plural, copy),
    );
  }

  delete<P extends string>(
    plural: P,
    name: string,
    namespace?: string,
  ): ObjectOf<P> | undefined {
    const s = this.store(plural);
    const key = keyOf(namespace, name);
    const entry = s.get(key);
    if (!entry) return undefined;
    s.delete(key);
    this.rv += 1;
    const obj = {
      ...entry.obj,
      metadata: { ...entry.obj.metadata, resourceVersion: String(this.rv) },
    };
    this.record(plural, 'DELETED', { obj });
    return obj as ObjectOf<P>;
  }

  private record(plural: string, type: ChangeType, entry: Entry) {
    entry.json ??= JSON.stringify(entry.obj);
    const change: Change = {
      rv: this.rv,
      type,
      obj: entry.obj,
      json: entry.json,
    };
    let h = this.history.get(plural);
    if (!h) {
      h = [];
      this.history.set(plural, h);
    }
    h.push(change);
    if (h.length > this.historyLimit) {
      const dropped = h.splice(0, h.length - this.historyLimit);
      this.horizon.set(plural, dropped[dropped.length - 1].rv);
    }
    for (const listener of this.listeners.get(plural) ?? []) listener(change);
  }

  /**
   * Changes after `rv`, or `undefined` when `rv` is older than the history kept (the watch must
   * answer 410 Expired).
   */
  changesSince(plural: string, rv: number): Change[] | undefined {
    this.store(plural);
    if (rv < (this.horizon.get(plural) ?? 0)) return undefined;
    return (this.history.get(plural) ?? []).filter(c => c.rv > rv);
  }

  /** Forgets history older than now for a store (tests use it to provoke 410 Gone). */
  compact(plural: string) {
    this.history.set(plural, []);
    this.horizon.set(plural, this.rv);
  }

  /** Calls `listener` with every change of the store from now on; returns the unsubscribe. */
  subscribe<P extends string>(
    plural: P,
    listener: WatchListener<ObjectOf<P>>,
  ): () => void {
    let set = this.listeners.get(plural);
    if (!set) {
      set = new Set();
      this.listeners.set(plural, set);
    }
    // the store's objects are those of the plural
    const untyped = listener as WatchListener;
    set.add(untyped);
    return () => set!.delete(untyped);
  }
}
