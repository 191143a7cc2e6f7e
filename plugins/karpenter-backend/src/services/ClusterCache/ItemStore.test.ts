import { ItemStore, NODEPOOL_LABEL } from './ItemStore';

const claim = (name: string, pool?: string) => ({
  metadata: { name, labels: pool ? { [NODEPOOL_LABEL]: pool } : {} },
});
type Claim = ReturnType<typeof claim>;

const store = () =>
  new ItemStore<Claim>(item => (item as Claim).metadata.labels[NODEPOOL_LABEL]);

describe('ItemStore', () => {
  it('bumps the generation of the groups an object left and joined, and no other', () => {
    const s = store();
    s.replace([
      ['a', claim('a', 'x')],
      ['b', claim('b', 'y')],
      ['c', claim('c')],
    ]);
    const x = s.group('x')!.generation;
    const y = s.group('y')!.generation;
    s.set('a', claim('a', 'x'));
    expect(s.group('x')!.generation).toBeGreaterThan(x);
    expect(s.group('y')!.generation).toBe(y);
    // moving an object between groups changes both
    const x2 = s.group('x')!.generation;
    s.set('a', claim('a', 'y'));
    expect(s.group('x')).toBeUndefined();
    expect(s.group('y')!.generation).toBeGreaterThan(Math.max(x2, y));
    expect([...s.group('y')!.items.keys()].sort()).toEqual(['a', 'b']);
    // an object without the label is in no group
    const before = s.group('y')!.generation;
    s.delete('c');
    expect(s.group('y')!.generation).toBe(before);
    expect(s.size).toBe(2);
  });

  it('shares one list per generation, and one per group generation', () => {
    const s = store();
    s.set('a', claim('a', 'x'));
    s.set('b', claim('b', 'y'));
    const all = s.list();
    const xs = s.groupList('x');
    expect(s.list()).toBe(all);
    expect(s.groupList('x')).toBe(xs);
    s.set('b', claim('b', 'y'));
    expect(s.list()).not.toBe(all);
    expect(s.groupList('x')).toBe(xs);
    expect(s.groupList('nothing')).toEqual([]);
  });

  it('a group that empties and comes back gets a new generation (never an old one again)', () => {
    const s = store();
    s.set('a', claim('a', 'x'));
    const first = s.group('x')!.generation;
    s.delete('a');
    s.set('a', claim('a', 'x'));
    expect(s.group('x')!.generation).toBeGreaterThan(first);
  });

  it('a new list counts as a change of every group', () => {
    const s = store();
    s.set('a', claim('a', 'x'));
    const first = s.group('x')!.generation;
    s.replace([['a', claim('a', 'x')]]);
    expect(s.group('x')!.generation).toBeGreaterThan(first);
  });
});
