import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { CpuUsageBar, MemoryUsageBar } from './UsageBar';

const GiB = 1024 ** 3;

describe('UsageBar', () => {
  it('shows CPU in cores and memory in binary units against their limits, with a bar', async () => {
    await renderInTestApp(
      <>
        <CpuUsageBar usage={{ used: 93, limit: 100, ratio: 0.93 }} />
        <MemoryUsageBar usage={{ used: 160 * GiB, limit: 400 * GiB }} />
      </>,
    );
    expect(screen.getByText('CPU: 93 / 100 cores (93 %)')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', {
        name: 'CPU usage 93 / 100 cores (93 %)',
      }),
    ).toHaveAttribute('aria-valuenow', '93');
    expect(
      screen.getByText('Memory: 160 GiB / 400 GiB (40 %)'),
    ).toBeInTheDocument();
  });

  it('shows just the usage, without a bar, when there is no limit', async () => {
    await renderInTestApp(
      <>
        <CpuUsageBar usage={{ used: 0.5, limit: undefined }} />
        <MemoryUsageBar usage={{ used: 1, limit: undefined }} />
      </>,
    );
    expect(screen.getByText('CPU: 500m cores (no limit)')).toBeInTheDocument();
    expect(screen.getByText('Memory: 1 B (no limit)')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
