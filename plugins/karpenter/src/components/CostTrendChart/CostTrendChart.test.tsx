import { registerMswTestHooks } from '@backstage/test-utils';
import {
  CostHistory,
  CostPoint,
} from '@karpenter-backstage/plugin-karpenter-common';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BACKEND, renderWithApis } from '../../__testUtils__/renderWithApis';
import { withFakeRefreshTimers } from '../../__testUtils__/refreshTimers';
import { useRefreshIntervalMs, useRefreshTick } from '../../hooks';
import { CostTrendChart } from './CostTrendChart';
import { niceCeiling, timeTicks } from './CostLineChart';

const server = setupServer();
registerMswTestHooks(server);
const URL_ = `${BACKEND}/api/karpenter/v1/clusters/demo/cost`;
const HOUR = 3_600_000;

/** A bucket `hoursAgo` full hours before the current one. */
function point(hoursAgo: number, hourly: number, unpriced = 0): CostPoint {
  const hour = Math.floor(Date.now() / HOUR) * HOUR;
  return {
    time: new Date(hour - hoursAgo * HOUR).toISOString(),
    hourly,
    onDemandEquivalentHourly: hourly * 2,
    pricedNodes: 4,
    unpricedNodes: unpriced,
  };
}

function history(points: CostPoint[], bucketMs = HOUR): CostHistory {
  return { cluster: 'demo', bucketMs, points };
}

/** Answers with `answer(url)` and records the URLs asked for. */
function backend(answer: (url: URL) => CostHistory | Response) {
  const urls: URL[] = [];
  server.use(
    http.get(URL_, ({ request }) => {
      const url = new URL(request.url);
      urls.push(url);
      const body = answer(url);
      return body instanceof Response ? body : HttpResponse.json(body);
    }),
  );
  return urls;
}

/** The chart as the tab mounts it: ticking with the configured refresh interval. */
function Ticking(props: { nodePools?: string[] }) {
  const tick = useRefreshTick(useRefreshIntervalMs());
  return (
    <CostTrendChart cluster="demo" nodePools={props.nodePools} tick={tick} />
  );
}

const failure = (status: number, message: string) =>
  HttpResponse.json({ error: { name: 'Error', message } }, { status });

describe('CostTrendChart', () => {
  withFakeRefreshTimers();

  it('draws the cost and the dashed on-demand equivalent per bucket of the last 24 h, a gap where a bucket has no sample', async () => {
    const urls = backend(() =>
      history([point(6, 1), point(3, 1.25), point(2, 1.5), point(1, 2, 1)]),
    );
    await renderWithApis(<Ticking nodePools={['general', 'batch']} />);
    expect(await screen.findByTestId('cost-trend-latest')).toHaveTextContent(
      'Latest: $2.00/h · on-demand equivalent $4.00/h · +1 node unpriced',
    );
    const hourly = screen.getByTestId('cost-trend-hourly').getAttribute('d');
    // two runs: the lone bucket 6 h ago, then 3 h, 2 h and 1 h ago
    expect(hourly?.match(/M/g)).toHaveLength(2);
    expect(hourly?.match(/L/g)).toHaveLength(2);
    const onDemand = screen.getByTestId('cost-trend-on-demand');
    expect(onDemand.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(onDemand.getAttribute('d')?.match(/[ML]/g)).toHaveLength(4);
    const titles = screen
      .getAllByTestId('cost-trend-point')
      .map(p => p.querySelector('title')?.textContent);
    expect(titles).toHaveLength(4);
    expect(titles[1]).toMatch(
      /: \$1\.25\/h \(on-demand equivalent \$2\.50\/h\), 4 priced nodes$/,
    );
    expect(titles[3]).toMatch(/, \+1 node unpriced$/);
    expect(
      screen.getAllByTestId('cost-trend-y-tick').map(t => t.textContent),
    ).toEqual(['$0.00/h', '$2.00/h', '$4.00/h']);
    expect(
      screen.getByTestId('cost-trend-chart').getAttribute('aria-label'),
    ).toMatch(/^Cost per hour over 24h \(4 buckets\), Latest: \$2\.00\/h/);
    expect(
      screen.getByText(
        'Sampled list prices after the discount; mean per NodePool per bucket.',
      ),
    ).toBeInTheDocument();

    expect(urls).toHaveLength(1);
    const query = Object.fromEntries(urls[0].searchParams);
    expect(query).toMatchObject({ bucket: '1h', nodePool: 'general,batch' });
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    expect(to - from).toBe(24 * HOUR);
    expect(to).toBeGreaterThan(Date.now());
    expect(to - Date.now()).toBeLessThanOrEqual(HOUR);
  });

  it('asks for 6 h buckets from about 7 days ago when 7d is selected', async () => {
    const urls = backend(url =>
      url.searchParams.get('bucket') === '6h'
        ? history([point(30, 3), point(24, 4)], 6 * HOUR)
        : history([point(1, 1)]),
    );
    await renderWithApis(<Ticking />);
    await screen.findByTestId('cost-trend-chart');
    fireEvent.click(screen.getByRole('button', { name: '7d' }));
    await waitFor(() =>
      expect(
        screen.getByTestId('cost-trend-chart').getAttribute('aria-label'),
      ).toMatch(/^Cost per hour over 7d \(2 buckets\)/),
    );
    expect(urls).toHaveLength(2);
    const query = Object.fromEntries(urls[1].searchParams);
    // the whole cluster: no nodePool parameter
    expect(Object.keys(query).sort()).toEqual(['bucket', 'from', 'to']);
    expect(query.bucket).toBe('6h');
    const from = Date.parse(query.from);
    const sevenDaysAgo = Date.now() - 7 * 24 * HOUR;
    // the range ends with the current 6 h bucket, so it starts up to 6 h after "7 days ago"
    expect(from).toBeGreaterThanOrEqual(sevenDaysAgo - 1000);
    expect(from - sevenDaysAgo).toBeLessThanOrEqual(6 * HOUR);
    expect(Date.parse(query.to) % (6 * HOUR)).toBe(0);
  });

  it('shows what consolidation saved in the window the backend answered for, and nothing when it answers none', async () => {
    backend(url => ({
      ...history([point(1, 1)]),
      ...(url.searchParams.get('bucket') === '6h'
        ? {}
        : {
            consolidation: {
              hourly: 0.25,
              currency: 'USD' as const,
              consolidated: 2,
              fromKarpenter: 1,
              fromPrices: 1,
              unestimated: 0,
            },
          }),
    }));
    await renderWithApis(<Ticking />);
    expect(
      await screen.findByTestId('consolidation-savings'),
    ).toHaveTextContent(
      'Consolidation in 24 h saved $0.25/h: 2 nodes (1 replaced by a cheaper one, 1 removed)',
    );
    fireEvent.click(screen.getByRole('button', { name: '7d' }));
    await waitFor(() =>
      expect(screen.queryByTestId('consolidation-savings')).toBeNull(),
    );
  });

  it('says that no sample has been taken yet when there are no points', async () => {
    backend(() => history([]));
    await renderWithApis(<Ticking nodePools={['general']} />);
    expect(await screen.findByTestId('cost-trend-empty')).toHaveTextContent(
      'No cost samples yet: the backend samples every 10 minutes',
    );
    expect(screen.queryByTestId('cost-trend-chart')).toBeNull();
  });

  it('asks for nothing for an empty list of NodePools', async () => {
    const urls = backend(() => history([point(1, 1)]));
    await renderWithApis(<Ticking nodePools={[]} />);
    expect(await screen.findByTestId('cost-trend-empty')).toBeInTheDocument();
    expect(urls).toHaveLength(0);
  });

  it('shows the error panel when the request fails', async () => {
    backend(() => failure(503, 'database unavailable'));
    await renderWithApis(<Ticking />);
    expect(
      await screen.findByText(
        'Error: Request failed with 503 Service Unavailable',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('cost-trend')).toBeNull();
  });

  it('refreshes with the tick and keeps the last chart when a refresh fails', async () => {
    let fail = false;
    const urls = backend(() =>
      fail ? failure(503, 'backend restarting') : history([point(1, 1)]),
    );
    await renderWithApis(<Ticking />, { refreshSeconds: 30 });
    await screen.findByTestId('cost-trend-chart');
    fail = true;
    act(() => void jest.advanceTimersByTime(30_000));
    expect(
      await screen.findByTestId('cost-trend-refresh-failed'),
    ).toHaveTextContent(/^Refresh failed: .*\(showing the last answer\)$/);
    expect(screen.getByTestId('cost-trend-chart')).toBeInTheDocument();
    expect(urls).toHaveLength(2);
  });
});

describe('CostLineChart scales', () => {
  it('rounds the top of the y axis up to a round number', () => {
    expect([0, 0.37, 3.2, 4, 12, 2600].map(niceCeiling)).toEqual([
      0.01, 0.4, 4, 4, 20, 4000,
    ]);
  });

  it('ticks the local hours that are a multiple of the spacing', () => {
    const from = new Date(2026, 10, 24, 1, 30).getTime();
    const to = new Date(2026, 10, 25, 1, 30).getTime();
    expect(timeTicks(from, to, 4).map(t => new Date(t).getHours())).toEqual([
      4, 8, 12, 16, 20, 0,
    ]);
    expect(timeTicks(from, to, 24).map(t => new Date(t).getDate())).toEqual([
      25,
    ]);
  });
});
