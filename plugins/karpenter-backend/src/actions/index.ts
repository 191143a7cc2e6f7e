import { registerExplainNodePool } from './explainNodePool';
import { registerGetEntitySummary } from './getEntitySummary';
import { registerListInterruptions } from './listInterruptions';
import { KarpenterActionsOptions } from './types';

/**
 * Registers the read-only Karpenter actions (`karpenter:get-entity-summary`,
 * `karpenter:list-interruptions`, `karpenter:explain-nodepool`) with the actions registry. Each
 * applies `karpenter.cluster.read` with the caller's credentials.
 *
 * @internal
 */
export function registerKarpenterActions(options: KarpenterActionsOptions) {
  registerGetEntitySummary(options);
  registerListInterruptions(options);
  registerExplainNodePool(options);
}

export type { KarpenterActionsOptions } from './types';
