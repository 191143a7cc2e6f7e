/** A condition as Karpenter writes it. */
export interface KubeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** The condition of a type, if present. */
export function findCondition(
  conditions: KubeCondition[] | undefined,
  type: string,
): KubeCondition | undefined {
  return conditions?.find(c => c.type === type);
}

/** `True` → true, `False` → false, missing/Unknown → undefined. */
export function conditionIs(
  conditions: KubeCondition[] | undefined,
  type: string,
): boolean | undefined {
  const c = findCondition(conditions, type);
  if (!c || c.status === 'Unknown') return undefined;
  return c.status === 'True';
}

/** "SubnetsReady=False (SubnetsNotFound): no subnets" — a condition for humans. */
export function describeCondition(c: KubeCondition): string {
  return `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}${
    c.message ? `: ${c.message}` : ''
  }`;
}
