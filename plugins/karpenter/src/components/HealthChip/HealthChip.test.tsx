import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { HealthChip } from './HealthChip';

describe('HealthChip', () => {
  it('says the status in words and names the reasons for screen readers', async () => {
    await renderInTestApp(
      <HealthChip
        status="degraded"
        reasons={[
          {
            code: 'CPU_LIMIT_NEAR',
            message: 'CPU at 92 % of the limit',
            severity: 'degraded',
          },
        ]}
      />,
    );
    expect(screen.getByText('Degraded')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Degraded: CPU at 92 % of the limit'),
    ).toBeInTheDocument();
  });
  it('renders every status with a distinct label', async () => {
    await renderInTestApp(
      <>
        <HealthChip status="healthy" />
        <HealthChip status="unhealthy" />
        <HealthChip status="unknown" />
      </>,
    );
    for (const label of ['Healthy', 'Unhealthy', 'Unknown']) {
      expect(screen.getByText(label)).toBeInTheDocument();
    }
  });
});
