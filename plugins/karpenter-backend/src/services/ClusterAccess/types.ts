import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** The catalog entity a read is bound to (its summary), with its owners. @internal */
export interface EntityContext {
  ref: string;
  /** The entity's `ownedBy` relations (entity refs). */
  owners: string[];
}

/**
 * One request's answer to `karpenter.cluster.read`, resolved once and applied to each cluster
 * the request touches.
 *
 * @internal
 */
export interface ClusterAccessDecision {
  /** The policy denied the permission outright: no cluster may be read. */
  readonly deniesAll: boolean;
  /** Whether the cluster may be read; with `entity` for a read bound to a catalog entity. */
  allows(cluster: string, entity?: EntityContext): boolean;
}

/**
 * Decides which clusters a caller may read (`karpenter.cluster.read`, a conditional resource
 * permission of the `karpenter-cluster` type).
 *
 * @internal
 */
export interface ClusterAccess {
  decide(credentials: BackstageCredentials): Promise<ClusterAccessDecision>;
}
