import { randomUUID } from 'node:crypto';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

interface Entry {
  obj: any;
  json?: string;
}

export interface Change {
  rv: number;
  type: ChangeType;
  obj: any;
  json: string;
}

export type WatchListener = (change: Change) => void;

const keyOf = (namespace: string | undefined, name: string) =>
  `${namespace ?? ''}/${name}`;

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

  list(plural: string): any[] {
    return Array.from(this.store(plural).values(), e => e.obj);
  }

  /** Entries sorted by namespace/name with their cached JSON. */
  listJson(
    plural: string,
    filter?: (obj: any) => boolean,
  ): Array<{ obj: any; json: string }> {
    const out: Array<{ key: string; obj: any; json: string }> = [];
    for (const [key, entry] of this.store(plural)) {
      if (filter && !filter(entry.obj)) continue;
      entry.json ??= JSON.stringify(entry.obj);
      out.push({ key, obj: entry.obj, json: entry.json });
    }
    out.sort((a, b) => a.key.localeCompare(b.key));
    return out;
  }

  get(plural: string, name: string, namespace?: string): any | undefined {
    return this.store(plural).get(keyOf(namespace, name))?.obj;
  }

  count(plural: string): number {
    return this.store(plural).size;
  }

  /** Creates or replaces an object (metadata.uid/creationTimestamp kept on replace). */
  put(plural: string, obj: any): any {
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
  update(
    plural: string,
    name: string,
    namespace: string | undefined,
    mutate: (obj: any) => void,
  ): any | undefined {
    const current = this.get(plural, name, namespace);
    if (!current) return undefined;
    const copy = structuredClone(current);
    mutate(copy);
    return this.put(plural, copy);
  }

  delete(plural: string, name: string, namespace?: string): any | undefined {
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
    return obj;
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

  subscribe(plural: string, listener: WatchListener): () => void {
    let set = this.listeners.get(plural);
    if (!set) {
      set = new Set();
      this.listeners.set(plural, set);
    }
    set.add(listener);
    return () => set!.delete(listener);
  }
}
