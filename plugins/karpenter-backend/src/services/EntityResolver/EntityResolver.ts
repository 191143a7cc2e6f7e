import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  KARPENTER_CLUSTER_ANNOTATION,
  KARPENTER_NODEPOOLS_ANNOTATION,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
  parseAnnotationList,
} from '@karpenter-backstage/plugin-karpenter-common';

/** Which NodePools of which clusters an entity is about. @internal */
export interface EntityTarget {
  entityRef: string;
  status: 'configured' | 'not-configured';
  message?: string;
  mapping?: 'annotations' | 'workloads';
  clusters: Array<{
    cluster: string;
    /** Named NodePools; undefined = all (or those of the workload). */
    nodePools?: string[];
    /** Pods to follow to their nodes' NodePools. */
    workload?: { labelSelector: string; namespace?: string };
    /** The annotation names a cluster that is not configured. */
    unknown?: boolean;
  }>;
}

/**
 * Entity annotations → clusters and NodePools. Cluster names must be configured clusters: an
 * annotation can never point the backend at a URL.
 *
 * @internal
 */
export function resolveEntityTarget(
  entity: Entity,
  configuredClusters: string[],
): EntityTarget {
  const annotations = entity.metadata.annotations ?? {};
  const entityRef = stringifyEntityRef(entity);
  const named = parseAnnotationList(annotations[KARPENTER_CLUSTER_ANNOTATION]);
  const nodePools = parseAnnotationList(
    annotations[KARPENTER_NODEPOOLS_ANNOTATION],
  );
  const id = annotations[KUBERNETES_ID_ANNOTATION]?.trim();
  const selector = annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION]?.trim();
  const workload =
    selector || id
      ? {
          labelSelector: selector || `${KUBERNETES_ID_ANNOTATION}=${id}`,
          namespace:
            annotations[KUBERNETES_NAMESPACE_ANNOTATION]?.trim() || undefined,
        }
      : undefined;

  if (!named.length && !workload) {
    return {
      entityRef,
      status: 'not-configured',
      message: `The entity has no ${KARPENTER_CLUSTER_ANNOTATION} annotation (nor ${KUBERNETES_ID_ANNOTATION} / ${KUBERNETES_LABEL_SELECTOR_ANNOTATION}).`,
      clusters: [],
    };
  }
  const clusters = named.length ? named : configuredClusters;
  const byWorkload = !nodePools.length && workload !== undefined;
  return {
    entityRef,
    status: 'configured',
    mapping: byWorkload ? 'workloads' : 'annotations',
    clusters: clusters.map(cluster => ({
      cluster,
      unknown: !configuredClusters.includes(cluster) || undefined,
      nodePools: nodePools.length ? nodePools : undefined,
      workload: byWorkload ? workload : undefined,
    })),
  };
}
