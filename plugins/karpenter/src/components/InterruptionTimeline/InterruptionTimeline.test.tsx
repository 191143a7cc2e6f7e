import { registerMswTestHooks } from '@backstage/test-utils';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { InterruptionNotice } from '@karpenter-backstage/plugin-karpenter-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { history, NOW } from '../../__testUtils__/fixtures';
import { BACKEND, renderWithApis } from '../../__testUtils__/renderWithApis';
import { useRefreshIntervalMs, useRefreshTick } from '../../hooks';
import { InterruptionTimeline, mergeNotices } from './InterruptionTimeline';
import { withFakeRefreshTimers } from '../../__testUtils__/refreshTimers';

const server = setupServer();
registerMswTestHooks(server);
const URL_ = `${BACKEND}/api/karpenter/v1/clusters/demo/interruptions`;

function notice(id: string, minutesAgo: number): InterruptionNotice {
  const time = new Date(NOW - minutesAgo * 60_000).toISOString();
  return {
    subject: `claim-${id}`,
    reason: 'SpotInterrupted',
    kind: 'interruption',
    nodeClaim: `claim-${id}`,
    nodePool: 'general',
    firstTime: time,
    lastTime: time,
    events: 4,
    records: [],
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

  it('says what it counts, toggles series and expands a row to its raw events', async () => {
    server.use(http.get(URL_, () => HttpResponse.json(history(2))));
    await renderWithApis(<Ticking />, { refreshSeconds: 30 });
    expect(await screen.findByTestId('interruption-summary')).toHaveTextContent(
      '2 nodes interrupted in 24h',
    );
    expect(screen.getByText('from 8 Kubernetes events')).toBeInTheDocument();
    const chart = screen.getByTestId('interruption-chart');
    expect(chart.getAttribute('aria-label')).toBe(
      'NodeClaims per hour (Interruptions, Rebalance warnings, Disruptions): 2 in total',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Interruptions' }));
    expect(
      screen.getByTestId('interruption-chart').getAttribute('aria-label'),
    ).toBe('NodeClaims per hour (Rebalance warnings, Disruptions): 0 in total');
    const rows = screen.getAllByTestId('interruption-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('general-0');
    expect(rows[0]).toHaveTextContent('m5.large · spot · eu-west-1a');
    expect(screen.queryAllByTestId('interruption-event')).toHaveLength(0);
    fireEvent.click(
      screen.getByRole('button', { name: 'Show the 4 events of general-0' }),
    );
    expect(screen.getAllByTestId('interruption-event')).toHaveLength(2);
  });

  it('keeps the rows loaded with "Load more" when the timeline refreshes', async () => {
    // 40 rows e00..e39 (newest first); after the refresh two new ones arrive.
    const old = Array.from({ length: 40 }, (_, i) =>
      notice(`e${String(i).padStart(2, '0')}`, i + 10),
    );
    let all = old;
    const firstPages: number[] = [];
    server.use(
      http.get(URL_, ({ request }) => {
        const url = new URL(request.url);
        const cursor = url.searchParams.get('noticeCursor');
        const limit = Number(url.searchParams.get('limit'));
        if (!cursor) firstPages.push(all.length);
        const start = cursor ? all.findIndex(r => r.subject === cursor) + 1 : 0;
        const page = all.slice(start, start + limit);
        return HttpResponse.json({
          ...history(all.length),
          notices: page,
          nextNoticeCursor:
            start + limit < all.length
              ? page[page.length - 1].subject
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

    all = [notice('n1', 1), notice('n0', 2), ...old];
    act(() => void jest.advanceTimersByTime(30_000));
    await waitFor(() => expect(shown()[0]).toBe('n1'));
    expect(firstPages).toEqual([40, 42]);
    // The new first page (n1, n0, e00..e17), then e18..e39 loaded before: nothing dropped.
    expect(shown()).toEqual([
      'n1',
      'n0',
      ...old.map(r => r.subject.slice('claim-'.length)),
    ]);

    // The next refresh brings one more: still nothing dropped.
    all = [notice('n2', 0), ...all];
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

describe('mergeNotices', () => {
  const first = (notices: InterruptionNotice[], nextNoticeCursor?: string) => ({
    from: new Date(NOW - 24 * 3_600_000).toISOString(),
    notices,
    nextNoticeCursor,
  });
  const ids = (r: { rows: InterruptionNotice[] }) => r.rows.map(x => x.subject);

  it('appends loaded rows that are not on the new first page, by NodeClaim and reason', () => {
    const loaded = [notice('a', 3), notice('b', 4), notice('c', 5)];
    const again = { ...notice('b', 4), reason: 'InstanceStopping' as const };
    expect(
      ids(
        mergeNotices(first([notice('n', 1), notice('a', 3), again], 'x'), {
          rows: loaded,
          cursor: 'after-c',
        }),
      ),
    ).toEqual(['claim-n', 'claim-a', 'claim-b', 'claim-b', 'claim-c']);
  });

  it('drops loaded rows that left the range', () => {
    const merged = mergeNotices(first([notice('a', 3)], 'x'), {
      rows: [notice('a', 3), notice('gone', 25 * 60)],
      cursor: 'y',
    });
    expect(ids(merged)).toEqual(['claim-a']);
    expect(merged.cursor).toBe('y');
  });

  it('falls back to the first page when keeping the loaded rows would leave a hole', () => {
    const merged = mergeNotices(first([notice('n', 1)], 'first-cursor'), {
      rows: [notice('a', 3)],
      cursor: 'after-a',
    });
    expect(ids(merged)).toEqual(['claim-n']);
    expect(merged.cursor).toBe('first-cursor');
  });
});
