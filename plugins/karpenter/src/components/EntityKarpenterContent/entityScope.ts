import { Entity } from '@backstage/catalog-model';
import {
  ClusterSummary,
  EntitySummary,
  KARPENTER_NODEPOOLS_ANNOTATION,
  parseAnnotationList,
} from '@karpenter-backstage/plugin-karpenter-common';

/**
 * The NodePools of a cluster the entity is about, for the tab's per-cluster requests (timeline,
 * NodeClaims): the names of `karpenter.sh/nodepools` (also those missing from the cluster, so
 * their history still shows), or the NodePools the entity's workloads run on; `undefined` when
 * the entity is about the whole cluster. The same scope as the backend's summary (see
 * EntityResolver), so the tab never shows another NodePool's NodeClaims, records or totals.
 *
 * @internal
 */
export function entityNodePoolScope(
  entity: Entity,
  mapping: EntitySummary['mapping'],
  summary: ClusterSummary,
): string[] | undefined {
  const named = parseAnnotationList(
    entity.metadata.annotations?.[KARPENTER_NODEPOOLS_ANNOTATION],
  );
  if (named.length) return named;
  if (mapping === 'workloads') return summary.nodePools.map(p => p.name);
  return undefined;
}
