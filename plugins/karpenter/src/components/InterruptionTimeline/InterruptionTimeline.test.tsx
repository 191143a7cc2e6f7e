import { registerMswTestHooks } from '@backstage/test-utils';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { InterruptionRecord } from '@karpenter-backstage/plugin-karpenter-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { history, NOW } from '../../__testUtils__/fixtures';
import { BACKEND, renderWithApis } from '../../__testUtils__/renderWithApis';
import { useRefreshIntervalMs, useRefreshTick } from '../../hooks';
import { InterruptionTimeline, mergeRecords } from './InterruptionTimeline';
import { withFakeRefreshTimers } from '../../__testUtils__/refreshTimers';

const server = setupServer();
registerMswTestHooks(server);
const URL_ = `${BACKEND}/api/karpenter/v1/clusters/demo/interruptions`;

function record(id: string, minutesAgo: number): InterruptionRecord {
  return {
    cluster: 'demo',
    eventUid: id,
    occurrence: 1,
    time: new Date(NOW - minutesAgo * 60_000).toISOString(),
    reason: 'SpotInterrupted',
    type: 'Warning',
    message: 'Spot interruption warning was triggered',
    nodeClaim: `claim-${id}`,
    nodePool: 'general',
  };
}

/** The timeline as the tab mounts it: ticking with the configured refresh interval. */
function Ticking() {
  const tick = useRefreshTick(useRefreshIntervalMs());
  return <InterruptionTimeline cluster="demo" tick={tick} />;
}

const shown = () =>
  screen
    .getAllByTestId('interruption-row')
    .map(row => row.textContent?.match(/claim-(\w+)/)?.[1]);

describe('InterruptionTimeline', () => {
  withFakeRefreshTimers();

  it('keeps the records loaded with "Load more" when the timeline refreshes', async () => {
    // 40 records e00..e39 (newest first); after the refresh two new ones arrive.
    const old = Array.from({ length: 40 }, (_, i) =>
      record(`e${String(i).padStart(2, '0')}`, i + 10),
    );
    let all = old;
    const firstPages: number[] = [];
    server.use(
      http.get(URL_, ({ request }) => {
        const url = new URL(request.url);
        const cursor = url.searchParams.get('cursor');
        const limit = Number(url.searchParams.get('limit'));
        if (!cursor) firstPages.push(all.length);
        const start = cursor
          ? all.findIndex(r => r.eventUid === cursor) + 1
          : 0;
        const page = all.slice(start, start + limit);
        return HttpResponse.json({
          ...history(all.length),
          records: page,
          nextCursor:
            start + limit < all.length
              ? page[page.length - 1].eventUid
              : undefined,
        });
      }),
    );
    await renderWithApis(<Ticking />, { refreshSeconds: 30 });
    await waitFor(() =>
      expect(screen.getAllByTestId('interruption-row')).toHaveLength(20),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(shown()).toHaveLength(40));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    all = [record('n1', 1), record('n0', 2), ...old];
    act(() => void jest.advanceTimersByTime(30_000));
    await waitFor(() => expect(shown()[0]).toBe('n1'));
    expect(firstPages).toEqual([40, 42]);
    // The new first page (n1, n0, e00..e17), then e18..e39 loaded before: nothing dropped.
    expect(shown()).toEqual(['n1', 'n0', ...old.map(r => r.eventUid)]);

    // The next refresh brings one more: still nothing dropped.
    all = [record('n2', 0), ...all];
    act(() => void jest.advanceTimersByTime(30_000));
    await waitFor(() => expect(shown()[0]).toBe('n2'));
    expect(shown()).toHaveLength(43);
    expect(firstPages).toEqual([40, 42, 43]);

    // Changing the range starts again from the first page of that range.
    fireEvent.click(screen.getByRole('button', { name: '7d' }));
    await waitFor(() => expect(shown()).toHaveLength(20));
    expect(firstPages).toHaveLength(4);
    expect(
      screen.getByRole('button', { name: 'Load more' }),
    ).toBeInTheDocument();
  });
});

describe('mergeRecords', () => {
  const first = (records: InterruptionRecord[], nextCursor?: string) => ({
    from: new Date(NOW - 24 * 3_600_000).toISOString(),
    records,
    nextCursor,
  });
  const ids = (r: { records: InterruptionRecord[] }) =>
    r.records.map(x => x.eventUid);

  it('appends loaded records that are not on the new first page, by eventUid and occurrence', () => {
    const loaded = [record('a', 3), record('b', 4), record('c', 5)];
    const again = { ...record('b', 4), occurrence: 2 };
    expect(
      ids(
        mergeRecords(first([record('n', 1), record('a', 3), again], 'x'), {
          records: loaded,
          cursor: 'after-c',
        }),
      ),
    ).toEqual(['n', 'a', 'b', 'b', 'c']);
  });

  it('drops loaded records that left the range', () => {
    const merged = mergeRecords(first([record('a', 3)], 'x'), {
      records: [record('a', 3), record('gone', 25 * 60)],
      cursor: 'y',
    });
    expect(ids(merged)).toEqual(['a']);
    expect(merged.cursor).toBe('y');
  });

  it('falls back to the first page when keeping the loaded records would leave a hole', () => {
    const merged = mergeRecords(first([record('n', 1)], 'first-cursor'), {
      records: [record('a', 3)],
      cursor: 'after-a',
    });
    expect(ids(merged)).toEqual(['n']);
    expect(merged.cursor).toBe('first-cursor');
  });
});
