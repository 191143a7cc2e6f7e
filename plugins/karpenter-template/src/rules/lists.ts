import { MAX_NODE_POOLS } from '../constants';
import { ValueCheck, ValueIssue, ValueRule } from './check';

/*
 * Rules over lists and maps: how many entries, and which entries repeat an earlier one.
 */

/** Indexes of the entries whose key an earlier entry already has (keys compared with `===`). */
function repeatedIndexes<T>(
  list: readonly T[],
  key: (item: T) => unknown,
): number[] {
  const keys = list.map(key);
  return keys.flatMap((k, index) => (keys.indexOf(k) < index ? [index] : []));
}

/** A map with at most `maxEntries` keys. */
export const maxEntries =
  (limit: number): ValueCheck<Record<string, unknown>> =>
  value =>
    Object.keys(value).length > limit
      ? `must have at most ${limit} entries`
      : undefined;

/** A list of at most `max` values, none repeated. */
export const uniqueValues =
  (max: number): ValueRule<readonly unknown[]> =>
  values =>
    [
      ...(values.length > max
        ? [{ message: `must list at most ${max} values` }]
        : []),
      ...repeatedIndexes(values, value => value).map(index => ({
        path: [index],
        message: `duplicates an earlier entry (${JSON.stringify(
          values[index],
        )})`,
      })),
    ];

/** Taints: no key and effect twice, at most 50. */
export const uniqueTaints: ValueRule<
  ReadonlyArray<{ key: string; effect: string }>
> = taints => [
  ...repeatedIndexes(taints, t => JSON.stringify([t.key, t.effect])).map(
    index => ({
      path: [index],
      message: `duplicates the taint ${taints[index].key}:${taints[index].effect}`,
    }),
  ),
  ...(taints.length > 50 ? [{ message: 'must list at most 50 taints' }] : []),
];

/**
 * Duplicate NodePool names in a (possibly invalid) list; also used when other fields failed, so
 * that every error is listed at once.
 */
export function duplicateNodePoolNames(pools: unknown): Array<{
  path: (string | number)[];
  message: string;
}> {
  if (!Array.isArray(pools)) {
    return [];
  }
  const names: unknown[] = pools.map(pool =>
    pool && typeof pool === 'object'
      ? (pool as { name?: unknown }).name
      : undefined,
  );
  return repeatedIndexes(names, name => name)
    .filter(index => typeof names[index] === 'string')
    .map(index => ({
      path: [index, 'name'],
      message: `duplicate NodePool name "${names[index]}"`,
    }));
}

/** The NodePools of one run: at least one, at most `MAX_NODE_POOLS`, names unique. */
export const nodePoolList: ValueRule<readonly unknown[]> = pools => {
  const issues: ValueIssue[] = [];
  if (pools.length === 0) {
    issues.push({ message: 'must list at least one NodePool' });
  }
  if (pools.length > MAX_NODE_POOLS) {
    issues.push({ message: `must list at most ${MAX_NODE_POOLS} NodePools` });
  }
  return [...issues, ...duplicateNodePoolNames(pools)];
};
