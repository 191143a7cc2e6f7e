import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import type {
  Cost,
  NodePoolInfo,
} from '@karpenter-backstage/plugin-karpenter-common';
import { until } from './interruptionsBackend';
import { startKarpenterBackend } from './testBackend';

/**
 * The test backend with the real scheduler, which the price and sampling tasks need (the mock
 * scheduler runs no periodic task).
 */
export const startCostBackend = (
  sim: Simulator,
  options: Parameters<typeof startKarpenterBackend>[1] = {},
) =>
  startKarpenterBackend(sim, {
    ...options,
    features: [schedulerServiceFactory, ...(options.features ?? [])],
  });

/** The demo cluster entity's summary once its prices are fetched (some node priced). */
export async function pricedSummary(
  get: (path: string) => Promise<{ body: any }>,
): Promise<{ cost: Cost; clusters: { nodePools: NodePoolInfo[] }[] }> {
  return until(
    'prices fetched',
    async () => {
      const { body } = await get(
        '/v1/entities/default/resource/demo-cluster/summary',
      );
      return body.cost?.pricedNodes > 0 ? body : undefined;
    },
    60_000,
  );
}
