/**
 * Taints and tolerations as Kubernetes and Karpenter match and print them: k8s.io/api core/v1
 * `Toleration.ToleratesTaint` (toleration.go) and kubernetes-sigs/karpenter v1.14.1
 * `pkg/scheduling/taints.go` `Tolerates`, `pkg/utils/pretty` `Taint`.
 */

/** A taint (NodePool `spec.template.spec.taints`, Node `spec.taints`). @public */
export interface TaintLike {
  key: string;
  value?: string;
  effect: string;
}

/** A pod's toleration. @public */
export interface TolerationLike {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

/**
 * toleration.go `ToleratesTaint`: the effect (when set) and the key (when set) match, and
 * `Exists`, or (`Equal`, the default) the same value. An empty key needs `Exists`.
 *
 * @public
 */
export function toleratesTaint(t: TolerationLike, taint: TaintLike): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  if (!t.key) return false;
  return (t.value ?? '') === (taint.value ?? '');
}

/** pretty.go `Taint`: `key=value:Effect`, or `key:Effect` without a value. @public */
export function prettyTaint(t: TaintLike): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/**
 * taints.go `Tolerates`: the taints none of the tolerations tolerates (Karpenter reports each as
 * `did not tolerate taint (taint=<pretty>)`).
 *
 * @public
 */
export function untoleratedTaints(
  taints: readonly TaintLike[],
  tolerations: readonly TolerationLike[] | undefined,
): TaintLike[] {
  return taints.filter(
    taint => !(tolerations ?? []).some(t => toleratesTaint(t, taint)),
  );
}
