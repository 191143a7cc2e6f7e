/** The NodePool label Karpenter sets on its NodeClaims and Nodes (kubernetes-sigs/karpenter pkg/apis/v1/labels.go `NodePoolLabelKey`). */
export const NODEPOOL_LABEL = 'karpenter.sh/nodepool';

/** The objects of one group (one NodePool's NodeClaims or Nodes) and when they last changed. @internal */
export interface ItemGroup<T> {
  readonly items: ReadonlyMap<string, T>;
  /** The store's generation at the group's last change: unique, grows. */
  readonly generation: number;
}

interface MutableGroup<T> {
  items: Map<string, T>;
  generation: number;
  values?: { generation: number; list: T[] };
}

/**
 * The objects of one resource by key, and — with `groupOf` — by group (the NodePool label), each
 * group with its own generation. A change to one object bumps the store's generation and that of
 * the groups it left and joined, so what is derived per group (a NodePool's health) is rebuilt for
 * that group only. Lists are copied once per generation, not per reader.
 *
 * @internal
 */
export class ItemStore<T extends object> {
  private readonly map = new Map<string, T>();
  private readonly groups = new Map<string, MutableGroup<T>>();
  private values?: { generation: number; list: T[] };
  /** Grows with every change (set, delete, replace). */
  generation = 0;

  /** `groupOf`: an object's group (undefined: none); it reads any object, so stores of sub-types fit. */
  constructor(
    private readonly groupOf?: (item: object) => string | undefined,
  ) {}

  get size() {
    return this.map.size;
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  get(key: string): T | undefined {
    return this.map.get(key);
  }

  /** Every object, as an array shared until the next change. */
  list(): readonly T[] {
    if (this.values?.generation !== this.generation)
      this.values = {
        generation: this.generation,
        list: [...this.map.values()],
      };
    return this.values.list;
  }

  /** One group (undefined: no object is in it). */
  group(name: string): ItemGroup<T> | undefined {
    return this.groups.get(name);
  }

  /** A group's objects, as an array shared until the group changes. */
  groupList(name: string): readonly T[] {
    const group = this.groups.get(name);
    if (!group) return [];
    if (group.values?.generation !== group.generation)
      group.values = {
        generation: group.generation,
        list: [...group.items.values()],
      };
    return group.values.list;
  }

  set(key: string, item: T) {
    this.generation++;
    const old = this.map.get(key);
    if (old !== undefined) this.leave(key, old);
    this.map.set(key, item);
    this.join(key, item);
  }

  delete(key: string) {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.generation++;
    this.map.delete(key);
    this.leave(key, old);
  }

  /** Replaces every object (a new list): every group counts as changed. */
  replace(entries: Iterable<[string, T]>) {
    this.generation++;
    this.map.clear();
    this.groups.clear();
    for (const [key, item] of entries) {
      this.map.set(key, item);
      this.join(key, item);
    }
  }

  private join(key: string, item: T) {
    const name = this.groupOf?.(item);
    if (name === undefined) return;
    let group = this.groups.get(name);
    if (!group) {
      group = { items: new Map(), generation: this.generation };
      this.groups.set(name, group);
    }
    group.items.set(key, item);
    group.generation = this.generation;
  }

  private leave(key: string, item: T) {
    const name = this.groupOf?.(item);
    if (name === undefined) return;
    const group = this.groups.get(name);
    if (!group) return;
    group.items.delete(key);
    group.generation = this.generation;
    if (!group.items.size) this.groups.delete(name);
  }
}
