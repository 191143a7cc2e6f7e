import { configApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { act, renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { cluster, summary } from '../__testUtils__/fixtures';
import { withFakeRefreshTimers } from '../__testUtils__/refreshTimers';
import { annotatedEntity } from '../__testUtils__/renderWithApis';
import { KarpenterApi, karpenterApiRef } from '../api';
import { useRefreshedEntitySummary } from './useRefreshedEntitySummary';

function render(
  getEntitySummary: () => Promise<EntitySummary>,
  refreshIntervalSeconds?: number,
) {
  const api = { getEntitySummary } as unknown as KarpenterApi;
  const config = mockApis.config({
    data:
      refreshIntervalSeconds === undefined
        ? {}
        : { karpenter: { frontend: { refreshIntervalSeconds } } },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider
      apis={[
        [karpenterApiRef, api],
        [configApiRef, config],
      ]}
    >
      <EntityProvider entity={annotatedEntity}>{children}</EntityProvider>
    </TestApiProvider>
  );
  return renderHook(() => useRefreshedEntitySummary(), { wrapper });
}

/** Lets the answers of the mocked API arrive (waitFor would wait on the faked setInterval). */
const answers = () => act(async () => {});

describe('useRefreshedEntitySummary', () => {
  withFakeRefreshTimers();

  it('loads the summary and reloads it on every tick of the configured interval', async () => {
    let calls = 0;
    const { result } = render(
      async () => summary([cluster(`answer-${++calls}`)]),
      10,
    );
    expect(result.current.intervalMs).toBe(10_000);
    expect(result.current.tick).toBe(0);
    await answers();
    expect(result.current.summary.value?.clusters[0].cluster).toBe('answer-1');

    act(() => void jest.advanceTimersByTime(10_000));

    expect(result.current.tick).toBe(1);
    await answers();
    expect(result.current.summary.value?.clusters[0].cluster).toBe('answer-2');
    expect(calls).toBe(2);
  });

  it('refreshes every 30 s unless configured otherwise', () => {
    const { result } = render(() => new Promise<EntitySummary>(() => {}));
    expect(result.current.intervalMs).toBe(30_000);
    expect(result.current.summary.loading).toBe(true);
  });
});
