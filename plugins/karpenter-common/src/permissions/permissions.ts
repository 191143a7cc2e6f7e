import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read Karpenter state (NodePools, NodeClaims, EC2NodeClasses, interruptions, queue) of a
 * configured cluster.
 *
 * @public
 */
export const karpenterClusterReadPermission = createPermission({
  name: 'karpenter.cluster.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the Karpenter plugins.
 *
 * @public
 */
export const karpenterPermissions = [karpenterClusterReadPermission];
