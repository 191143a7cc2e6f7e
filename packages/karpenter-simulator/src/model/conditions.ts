export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

export const iso = (ms: number) =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function condition(
  type: string,
  ok: boolean,
  at: number,
  reason?: string,
  message = '',
): Condition {
  return {
    type,
    status: ok ? 'True' : 'False',
    reason: reason ?? (ok ? type : `${type}False`),
    message,
    lastTransitionTime: iso(at),
    observedGeneration: 1,
  };
}

/** What every status condition has (the CRDs differ in which of the others are optional). */
export interface ConditionLike {
  type: string;
  status: string;
  lastTransitionTime: string;
}

/** Replaces or adds a condition, keeping lastTransitionTime when the status does not change. */
export function setCondition<C extends ConditionLike>(
  list: C[] | undefined,
  next: C,
): C[] {
  const conditions = [...(list ?? [])];
  const i = conditions.findIndex(c => c.type === next.type);
  if (i < 0) return [...conditions, next];
  const same = conditions[i].status === next.status;
  conditions[i] = {
    ...next,
    lastTransitionTime: same
      ? conditions[i].lastTransitionTime
      : next.lastTransitionTime,
  };
  return conditions;
}
