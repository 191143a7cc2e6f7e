import { createPermissionRule } from '@backstage/plugin-permission-node';
import { stringListParams } from './params';
import { karpenterClusterPermissionResourceRef } from './resource';

/**
 * `IS_CLUSTER`: the cluster is one of the named clusters.
 *
 * @public
 */
export const isCluster = createPermissionRule({
  name: 'IS_CLUSTER',
  description: 'Allow the clusters with one of these names',
  resourceRef: karpenterClusterPermissionResourceRef,
  paramsSchema: stringListParams(
    'names',
    'Cluster names (karpenter.clusters[].name)',
  ),
  apply: (resource, { names }) => names.includes(resource.name),
  toQuery: ({ names }) => ({ property: 'name', values: names }),
});

/**
 * `IS_CLUSTER_OWNER`: one of the cluster's configured owners (`karpenter.clusters[].owner`) is
 * among the claims, typically the user's `ownershipEntityRefs`. A cluster without an owner
 * matches nobody.
 *
 * @public
 */
export const isClusterOwner = createPermissionRule({
  name: 'IS_CLUSTER_OWNER',
  description:
    'Allow clusters whose karpenter.clusters[].owner is one of the claims',
  resourceRef: karpenterClusterPermissionResourceRef,
  paramsSchema: stringListParams(
    'claims',
    "Entity refs to match against the cluster's owners, e.g. the user's ownershipEntityRefs",
  ),
  apply: (resource, { claims }) =>
    resource.owners.some(owner => claims.includes(owner)),
  toQuery: ({ claims }) => ({ property: 'owners', values: claims }),
});

/**
 * `IS_ENTITY_OWNER`: the read is bound to a catalog entity (its summary) whose owner (`ownedBy`
 * relation) is among the claims. Never matches the cluster routes, which are not bound to an
 * entity. Whoever may register an entity that names a cluster in its annotations gains this
 * access: use it only where catalog writes are controlled, or together with `IS_CLUSTER`.
 *
 * @public
 */
export const isEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description:
    'Allow clusters read for a catalog entity (its summary) owned by one of the claims',
  resourceRef: karpenterClusterPermissionResourceRef,
  paramsSchema: stringListParams(
    'claims',
    "Entity refs to match against the entity's ownedBy relations, e.g. the user's ownershipEntityRefs",
  ),
  apply: (resource, { claims }) =>
    !!resource.entity?.owners.some(owner => claims.includes(owner)),
  toQuery: ({ claims }) => ({ property: 'entity.owners', values: claims }),
});

/**
 * The rules of the `karpenter-cluster` resource type.
 *
 * @public
 */
export const karpenterClusterRules = {
  isCluster,
  isClusterOwner,
  isEntityOwner,
};
