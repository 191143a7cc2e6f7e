import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider } from '@backstage/test-utils';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { cluster, summary } from '../__testUtils__/fixtures';
import { annotatedEntity } from '../__testUtils__/renderWithApis';
import { KarpenterApi, karpenterApiRef } from '../api';
import { useEntitySummary } from './useEntitySummary';

function harness(getEntitySummary: () => Promise<EntitySummary>) {
  const api = { getEntitySummary } as unknown as KarpenterApi;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[karpenterApiRef, api]]}>
      <EntityProvider entity={annotatedEntity}>{children}</EntityProvider>
    </TestApiProvider>
  );
  return (tick = 0) => renderHook(() => useEntitySummary(tick), { wrapper });
}

describe('useEntitySummary', () => {
  it('starts a later view from the summary an earlier one got, and reloads it', async () => {
    const first = summary([cluster('demo')]);
    const second = summary([cluster('demo', { health: 'degraded' })]);
    const load = jest
      .fn<Promise<EntitySummary>, []>()
      .mockResolvedValueOnce(first)
      .mockResolvedValueOnce(second);
    const mount = harness(load);

    const card = mount();
    expect(card.result.current.loading).toBe(true);
    await waitFor(() => expect(card.result.current.value).toEqual(first));
    card.unmount();

    // The tab: no loading state, the card's summary at once, then the reloaded one.
    const tab = mount();
    expect(tab.result.current.loading).toBe(false);
    expect(tab.result.current.value).toEqual(first);
    await waitFor(() => expect(tab.result.current.value).toEqual(second));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing across API instances', async () => {
    const value = summary([cluster('demo')]);
    const one = harness(() => Promise.resolve(value))();
    await waitFor(() => expect(one.result.current.value).toEqual(value));
    const other = harness(() => new Promise<EntitySummary>(() => {}))();
    expect(other.result.current.loading).toBe(true);
    expect(other.result.current.value).toBeUndefined();
  });
});
