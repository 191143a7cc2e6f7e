import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { NodePoolInput } from '@karpenter-backstage/karpenter-template';
import type { ClusterValues } from '@karpenter-backstage/plugin-karpenter-common';

/** The `ui:field` name of the NodePools change field in a template. */
export const KARPENTER_NODEPOOLS_CHANGE_FIELD = 'KarpenterNodePoolsChange';

/**
 * Where the NodePools of a change came from: the cluster entity, its `karpenter-values.yaml`
 * and where the change goes (as the backend answers `GET /v1/entities/…/values`).
 *
 * @public
 */
export type KarpenterNodePoolsChangeSource = Omit<ClusterValues, 'values'>;

/**
 * The value of the `KarpenterNodePoolsChange` field: the source, written from the backend's
 * answer, and the edited NodePools (the template model's NodePool input).
 *
 * @public
 */
export type KarpenterNodePoolsChangeValue = {
  source?: Partial<KarpenterNodePoolsChangeSource>;
  nodePools?: NodePoolInput[];
};

/**
 * The `ui:options` of the `KarpenterNodePoolsChange` field.
 *
 * @public
 */
export type KarpenterNodePoolsChangeUiOptions = {
  /** The sibling parameter holding the cluster entity ref (default `cluster`). */
  clusterField?: string;
  /** A sibling parameter naming the NodePool to change (e.g. from the entity card's link). */
  focusField?: string;
};

/** The sibling parameters: the scaffolder passes the whole form state as `formContext.formData`. */
export function siblingValues(formContext: unknown): Record<string, unknown> {
  if (formContext && typeof formContext === 'object') {
    const formData = (formContext as { formData?: unknown }).formData;
    if (formData && typeof formData === 'object' && !Array.isArray(formData)) {
      return formData as Record<string, unknown>;
    }
  }
  return {};
}

/** A non-empty string parameter, else undefined. */
export function stringParameter(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

/**
 * The cluster entity a ref names (kind `resource` and namespace `default` when left out), or
 * undefined when it is not an entity ref.
 */
export function parseClusterRef(
  ref: string | undefined,
): CompoundEntityRef | undefined {
  if (!ref) return undefined;
  try {
    return parseEntityRef(ref, {
      defaultKind: 'resource',
      defaultNamespace: 'default',
    });
  } catch {
    return undefined;
  }
}

/** The canonical form of an entity ref (`resource:default/prod-eu`), to compare refs. */
export function entityKey(ref: string | undefined): string | undefined {
  const parsed = parseClusterRef(ref);
  return parsed ? stringifyEntityRef(parsed) : undefined;
}
