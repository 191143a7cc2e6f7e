import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { KARPENTER_CLUSTER_RESOURCE_TYPE } from '@karpenter-backstage/plugin-karpenter-common';

/**
 * A configured cluster as the permission rules see it.
 *
 * @public
 */
export interface KarpenterClusterResource {
  /** `karpenter.clusters[].name` (also the resource ref). */
  name: string;
  title?: string;
  /** `karpenter.clusters[].owner`, normalised entity refs (`group:default/team-a`). */
  owners: string[];
  /**
   * Set when the cluster is read for a catalog entity (its summary card, the
   * `karpenter:get-entity-summary` action): the entity and its owners (`ownedBy` relations).
   * Unset for the cluster routes and when the permission backend loads the resource by ref.
   */
  entity?: { ref: string; owners: string[] };
}

/**
 * A query over clusters (the rules' `toQuery`): the property a rule matches and the values. The
 * plugin evaluates conditions in memory; the query form exists for the permission framework.
 *
 * @public
 */
export interface KarpenterClusterQuery {
  property: 'name' | 'owners' | 'entity.owners';
  values: string[];
}

/**
 * The `karpenter-cluster` permission resource type of the `karpenter` plugin.
 *
 * @public
 */
export const karpenterClusterPermissionResourceRef =
  createPermissionResourceRef<
    KarpenterClusterResource,
    KarpenterClusterQuery
  >().with({
    pluginId: 'karpenter',
    resourceType: KARPENTER_CLUSTER_RESOURCE_TYPE,
  });
