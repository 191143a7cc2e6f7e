/**
 * Comma-separated list of cluster names, each one configured under `karpenter.clusters` in
 * app-config. Cluster URLs and credentials never come from annotations.
 *
 * @public
 */
export const KARPENTER_CLUSTER_ANNOTATION = 'karpenter.sh/cluster';

/**
 * Comma-separated list of NodePool names to show for the entity; all NodePools when absent.
 *
 * @public
 */
export const KARPENTER_NODEPOOLS_ANNOTATION = 'karpenter.sh/nodepools';

/**
 * Kubernetes-plugin annotations the Karpenter backend can map onto NodePools through the
 * entity's pods.
 *
 * @public
 */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
/** @public */
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
/** @public */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/**
 * Splits a comma-separated annotation value into trimmed, non-empty, unique names.
 *
 * @public
 */
export function parseAnnotationList(value: string | undefined): string[] {
  if (!value) {
    return [];
  }
  const names = value
    .split(',')
    .map(part => part.trim())
    .filter(part => part.length > 0);
  return Array.from(new Set(names));
}

/**
 * Whether an entity carries annotations the Karpenter backend can use.
 *
 * @public
 */
export function hasKarpenterAnnotations(
  annotations: Record<string, string> | undefined,
): boolean {
  if (!annotations) {
    return false;
  }
  return Boolean(
    parseAnnotationList(annotations[KARPENTER_CLUSTER_ANNOTATION]).length ||
      annotations[KUBERNETES_ID_ANNOTATION] ||
      annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION],
  );
}

/**
 * `spec.type` of the catalog Resources that stand for a cluster (what the Karpenter template
 * registers).
 *
 * @public
 */
export const KARPENTER_CLUSTER_ENTITY_TYPE = 'kubernetes-cluster';

/**
 * The cluster a cluster entity stands for: a `Resource` of `spec.type: kubernetes-cluster` whose
 * `karpenter.sh/cluster` names exactly one cluster, as the Karpenter template registers it;
 * `undefined` for any other entity (a service that runs on a cluster carries the annotation too).
 *
 * @public
 */
export function clusterOfClusterEntity(entity: {
  kind: string;
  metadata: { annotations?: Record<string, string> };
  spec?: { type?: unknown };
}): string | undefined {
  if (
    entity.kind.toLocaleLowerCase('en-US') !== 'resource' ||
    entity.spec?.type !== KARPENTER_CLUSTER_ENTITY_TYPE
  ) {
    return undefined;
  }
  const clusters = parseAnnotationList(
    entity.metadata.annotations?.[KARPENTER_CLUSTER_ANNOTATION],
  );
  return clusters.length === 1 ? clusters[0] : undefined;
}
