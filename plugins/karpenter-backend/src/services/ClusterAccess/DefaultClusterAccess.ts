import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import { karpenterClusterReadPermission } from '@karpenter-backstage/plugin-karpenter-common';
import { KarpenterClusterResource } from '../../permissions';
import { ClusterRegistry } from '../ClusterRegistry';
import { ClusterAccess, ClusterAccessDecision, EntityContext } from './types';

/** The permission resource of a configured cluster (owners from app-config). @internal */
export function clusterResource(
  registry: ClusterRegistry,
  name: string,
): KarpenterClusterResource | undefined {
  const config = registry.list().find(c => c.name === name);
  if (!config) return undefined;
  return {
    name: config.name,
    title: config.title,
    owners: config.owners ?? [],
  };
}

/**
 * Asks the permission framework once per request (`authorizeConditional`) and applies a
 * conditional answer to each cluster in memory with the registered rules.
 *
 * @internal
 */
export class DefaultClusterAccess implements ClusterAccess {
  private readonly authorizer: (
    decision: PolicyDecision,
    resource: KarpenterClusterResource | undefined,
  ) => boolean;

  constructor(
    private readonly options: {
      permissions: PermissionsService;
      registry: ClusterRegistry;
      ruleset: PermissionRuleset<KarpenterClusterResource>;
    },
  ) {
    this.authorizer = createConditionAuthorizer(options.ruleset);
  }

  async decide(
    credentials: BackstageCredentials,
  ): Promise<ClusterAccessDecision> {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission: karpenterClusterReadPermission }],
      { credentials },
    );
    const { registry } = this.options;
    const authorizer = this.authorizer;
    return {
      deniesAll: decision.result === AuthorizeResult.DENY,
      allows(cluster: string, entity?: EntityContext) {
        if (decision.result !== AuthorizeResult.CONDITIONAL)
          return decision.result === AuthorizeResult.ALLOW;
        const resource = clusterResource(registry, cluster);
        // an unknown cluster has no resource: only an unconditional ALLOW reads it (it then 404s)
        if (!resource) return false;
        return authorizer(
          decision,
          entity ? { ...resource, entity } : resource,
        );
      },
    };
  }
}
