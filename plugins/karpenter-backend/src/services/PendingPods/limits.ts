import type { NodePoolInfo } from '@karpenter-backstage/plugin-karpenter-common';

const GIB = 1024 ** 3;

const round = (n: number) =>
  Number.isInteger(n)
    ? String(n)
    : n.toFixed(n < 10 ? 2 : 1).replace(/\.?0+$/, '');

/** "500 cores, 512 MiB" (a pod's requests). @internal */
export function requestsText(requests: { cpu: number; memory: number }) {
  const mib = requests.memory / 1024 ** 2;
  return `requests ${round(requests.cpu)} cores, ${
    mib >= 1024 ? `${round(mib / 1024)} GiB` : `${round(mib)} MiB`
  }`;
}

/**
 * The sentence for a NodePool at its `spec.limits`: the node limit when Karpenter says so (or it
 * is reached), else the fullest of CPU and memory. With `onlyIfReached`, undefined unless a limit
 * is reached (used ≥ limit); otherwise always a sentence (Karpenter may refuse before a limit is
 * reached: no instance type fits in what is left).
 *
 * @internal
 */
export function limitText(
  pool: NodePoolInfo,
  nodeLimit: number | undefined,
  onlyIfReached: boolean,
  karpenterText?: string,
): string | undefined {
  const nodesReached = nodeLimit !== undefined && pool.nodeCount >= nodeLimit;
  if (
    nodeLimit !== undefined &&
    (nodesReached ||
      /node limits have been exhausted/.test(karpenterText ?? ''))
  )
    return `NodePool ${pool.name} reached its node limit (${pool.nodeCount}/${nodeLimit} nodes)`;
  const candidates = (
    [
      ['CPU', pool.usage.cpu, 1, 'cores'],
      ['memory', pool.usage.memory, GIB, 'GiB'],
    ] as const
  )
    .filter(([, u]) => u.limit !== undefined && u.limit > 0)
    .sort(([, a], [, b]) => b.used / b.limit! - a.used / a.limit!);
  const [label, usage, unit, unitName] = candidates[0] ?? [];
  if (!usage)
    return onlyIfReached
      ? undefined
      : `NodePool ${pool.name} reached its limits`;
  const used = `${round(usage.used / unit!)}/${round(
    usage.limit! / unit!,
  )} ${unitName}`;
  if (usage.used >= usage.limit!)
    return `NodePool ${pool.name} reached its ${label} limit (${used})`;
  if (onlyIfReached) return undefined;
  return `NodePool ${pool.name} is near its ${label} limit (${used}): no instance type it allows fits in what is left`;
}
