// The example policy of docs/permissions.md, verbatim (a test keeps the two equal).
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { karpenterClusterReadPermission } from '@karpenter-backstage/plugin-karpenter-common';
import {
  createKarpenterClusterConditionalDecision,
  karpenterClusterConditions,
} from '@karpenter-backstage/plugin-karpenter-backend';

/** A team sees only the clusters its Group owns (`karpenter.clusters[].owner`). */
export class TeamClustersPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(request.permission, karpenterClusterReadPermission)) {
      return createKarpenterClusterConditionalDecision(
        request.permission,
        karpenterClusterConditions.isClusterOwner({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
