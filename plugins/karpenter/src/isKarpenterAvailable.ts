import { Entity } from '@backstage/catalog-model';
import { hasKarpenterAnnotations } from '@karpenter-backstage/plugin-karpenter-common';

/**
 * True when the entity has the `karpenter.sh/cluster` annotation or Kubernetes-plugin
 * annotations the Karpenter backend can map onto NodePools.
 *
 * @public
 */
export function isKarpenterAvailable(entity: Entity): boolean {
  return hasKarpenterAnnotations(entity.metadata.annotations);
}
