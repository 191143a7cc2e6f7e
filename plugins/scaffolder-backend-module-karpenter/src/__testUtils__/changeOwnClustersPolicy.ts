// The example policy of docs/day-two.md, verbatim (a test keeps the two equal).
import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
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
import { actionExecutePermission } from '@backstage/plugin-scaffolder-common/alpha';
import {
  createScaffolderActionConditionalDecision,
  scaffolderActionConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';

/** Changing a cluster's NodePools is for the owners of its catalog entity. */
export class ChangeOwnClustersPolicy implements PermissionPolicy {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!isPermission(request.permission, actionExecutePermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    const claims = user?.info.ownershipEntityRefs ?? [];
    const owned = claims.length
      ? await this.catalog.getEntities(
          {
            filter: {
              kind: 'Resource',
              'spec.type': 'kubernetes-cluster',
              'relations.ownedBy': claims,
            },
            fields: ['metadata.annotations'],
          },
          { credentials: await this.auth.getOwnServiceCredentials() },
        )
      : { items: [] };
    const clusters = owned.items
      .map(e => e.metadata.annotations?.['karpenter.sh/cluster'])
      .filter((c): c is string => Boolean(c));
    return createScaffolderActionConditionalDecision(request.permission, {
      anyOf: [
        {
          not: scaffolderActionConditions.hasActionId({
            actionId: 'karpenter:nodepools:change',
          }),
        },
        ...clusters.map(cluster =>
          scaffolderActionConditions.hasStringProperty({
            key: 'clusterName',
            value: cluster,
          }),
        ),
      ],
    });
  }
}
