import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { ClusterAccessDecision, EntityContext } from '../ClusterAccess';
import { ClusterRegistry } from '../ClusterRegistry';
import { EntityTarget, resolveEntityTarget } from '../EntityResolver';
import { SummaryService } from '../SummaryService';

/**
 * The entity a read is bound to, for the `IS_ENTITY_OWNER` rule: its `ownedBy` relations, or its
 * `spec.owner` (as the catalog would relate it) when the entity carries no relations.
 *
 * @internal
 */
export function entityContext(entity: Entity): EntityContext {
  const related = (entity.relations ?? [])
    .filter(r => r.type === RELATION_OWNED_BY)
    .map(r => r.targetRef);
  const owner = entity.spec?.owner;
  let owners = related;
  if (!owners.length && typeof owner === 'string' && owner) {
    try {
      owners = [
        stringifyEntityRef(
          parseEntityRef(owner, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ),
      ];
    } catch {
      owners = [];
    }
  }
  return { ref: stringifyEntityRef(entity), owners };
}

/** Entities whose resolved target is kept (a portal's catalog pages; the oldest go first). */
const MAX_TARGETS = 5000;

/**
 * An entity's summary for a caller: the entity read from the catalog with the caller's
 * credentials (the catalog's own permissions apply), its clusters resolved from configured
 * clusters only, each cluster the caller may not read a `FORBIDDEN` slot.
 *
 * @internal
 */
export class EntitySummaries {
  /**
   * Entity → clusters, NodePools and workload, per catalog entity version (its ref and etag, or
   * its annotations when the catalog sends no etag) and configured cluster list. What the
   * workload's pods resolve to per cluster generation is cached by the SummaryService.
   */
  private readonly targets = new Map<string, EntityTarget>();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      registry: ClusterRegistry;
      summaries: SummaryService;
    },
  ) {}

  /** The entity's summary for a caller (reads the entity, then summarizes it). */
  async forEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
    decision: ClusterAccessDecision,
  ): Promise<EntitySummary> {
    return this.summaryOf(await this.readEntity(ref, credentials), decision);
  }

  /**
   * The entity, read from the catalog with the caller's credentials (the catalog's permissions
   * apply); NotFoundError when the catalog has none for the caller.
   */
  async readEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(ref, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(
        `Entity ${ref.kind}:${ref.namespace}/${ref.name} not found`,
      );
    return entity;
  }

  /** The summary of an entity read for the caller whose decision this is. */
  summaryOf(
    entity: Entity,
    decision: ClusterAccessDecision,
  ): Promise<EntitySummary> {
    const { registry, summaries } = this.options;
    const target = this.target(
      entity,
      registry.list().map(c => c.name),
    );
    const context = entityContext(entity);
    return summaries.entitySummary(target, {
      allows: cluster => decision.allows(cluster, context),
    });
  }

  private target(entity: Entity, clusters: string[]): EntityTarget {
    const version =
      entity.metadata.etag ?? JSON.stringify(entity.metadata.annotations ?? {});
    const key = `${stringifyEntityRef(
      entity,
    )}\u0000${version}\u0000${clusters.join(',')}`;
    let target = this.targets.get(key);
    if (!target) {
      target = resolveEntityTarget(entity, clusters);
      if (this.targets.size >= MAX_TARGETS) {
        const oldest = this.targets.keys().next().value;
        if (oldest !== undefined) this.targets.delete(oldest);
      }
      this.targets.set(key, target);
    }
    return target;
  }
}
