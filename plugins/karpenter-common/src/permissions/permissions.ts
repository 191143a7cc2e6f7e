import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The permission resource type of a configured Karpenter cluster. Resource refs of this type are
 * cluster names (`karpenter.clusters[].name`).
 *
 * @public
 */
export const KARPENTER_CLUSTER_RESOURCE_TYPE = 'karpenter-cluster';

/**
 * Read Karpenter state (NodePools, NodeClaims, EC2NodeClasses, interruptions, queue) of a
 * configured cluster. A resource permission of {@link KARPENTER_CLUSTER_RESOURCE_TYPE}: a policy
 * may allow it, deny it, or answer conditionally per cluster (rules `IS_CLUSTER`,
 * `IS_CLUSTER_OWNER`, `IS_ENTITY_OWNER` of the backend plugin).
 *
 * @public
 */
export const karpenterClusterReadPermission = createPermission({
  name: 'karpenter.cluster.read',
  attributes: { action: 'read' },
  resourceType: KARPENTER_CLUSTER_RESOURCE_TYPE,
});

/**
 * Every permission of the Karpenter plugins.
 *
 * @public
 */
export const karpenterPermissions = [karpenterClusterReadPermission];
