import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { KarpenterApi, karpenterApiRef } from '../api';
import { PolledData, usePolledData } from './usePolledData';

/**
 * The last summary each entity got, per API instance: a view mounted later (the tab, a click
 * after the overview's card) shows it at once and reloads it (stale-while-revalidate), instead
 * of waiting for a round trip before it can render — and ask for — anything else.
 */
const lastSummaries = new WeakMap<
  KarpenterApi,
  Map<string, { value: EntitySummary; updatedAt: Date }>
>();

/** The current entity's Karpenter summary, refreshed on every tick. @internal */
export function useEntitySummary(tick: number): PolledData<EntitySummary> {
  const { entity } = useEntity();
  const api = useApi(karpenterApiRef);
  const ref = getCompoundEntityRef(entity);
  const key = stringifyEntityRef(ref);
  let seen = lastSummaries.get(api);
  if (!seen) {
    seen = new Map();
    lastSummaries.set(api, seen);
  }
  const remembered = seen;
  return usePolledData(
    async () => {
      const value = await api.getEntitySummary({
        namespace: ref.namespace,
        kind: ref.kind,
        name: ref.name,
      });
      remembered.set(key, { value, updatedAt: new Date() });
      return value;
    },
    [api, ref.namespace, ref.kind, ref.name, tick],
    remembered.get(key),
  );
}
