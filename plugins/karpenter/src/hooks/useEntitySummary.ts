import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { karpenterApiRef } from '../api';
import { PolledData, usePolledData } from './usePolledData';

/** The current entity's Karpenter summary, refreshed on every tick. @internal */
export function useEntitySummary(tick: number): PolledData<EntitySummary> {
  const { entity } = useEntity();
  const api = useApi(karpenterApiRef);
  const ref = getCompoundEntityRef(entity);
  return usePolledData(
    () =>
      api.getEntitySummary({
        namespace: ref.namespace,
        kind: ref.kind,
        name: ref.name,
      }),
    [api, ref.namespace, ref.kind, ref.name, tick],
  );
}
