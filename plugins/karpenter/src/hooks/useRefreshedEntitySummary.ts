import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { useRefreshIntervalMs, useRefreshTick } from './useAutoRefresh';
import { useEntitySummary } from './useEntitySummary';
import { PolledData } from './usePolledData';

/** The entity's summary on the configured refresh interval. @internal */
export interface RefreshedEntitySummary {
  summary: PolledData<EntitySummary>;
  /** The refresh tick, for the view's other requests to refresh with the summary. */
  tick: number;
  /** The configured refresh interval in ms (0 = off). */
  intervalMs: number;
}

/**
 * The current entity's Karpenter summary, refreshed every configured interval while the
 * browser tab is visible: what the entity card and the entity tab start from.
 *
 * @internal
 */
export function useRefreshedEntitySummary(): RefreshedEntitySummary {
  const intervalMs = useRefreshIntervalMs();
  const tick = useRefreshTick(intervalMs);
  const summary = useEntitySummary(tick);
  return { summary, tick, intervalMs };
}
