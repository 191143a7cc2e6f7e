import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { nodeClass } from '../../__testUtils__/fixtures';
import { NodeClassesPanel } from './NodeClassesPanel';

describe('NodeClassesPanel', () => {
  it('shows progress, not "no EC2NodeClasses", until the first answer', async () => {
    await renderInTestApp(<NodeClassesPanel loading />);
    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading EC2NodeClasses',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No EC2NodeClasses/)).toBeNull();
  });

  it('shows the error when the first request failed', async () => {
    await renderInTestApp(
      <NodeClassesPanel error={new Error('the backend is down')} />,
    );
    expect(screen.getByText('Error: the backend is down')).toBeInTheDocument();
    expect(screen.queryByText(/No EC2NodeClasses/)).toBeNull();
  });

  it('keeps the last answer with a note when a refresh failed', async () => {
    await renderInTestApp(
      <NodeClassesPanel
        nodeClasses={[nodeClass('general')]}
        error={new Error('timeout')}
      />,
    );
    expect(screen.getByTestId('nodeclass-general')).toHaveTextContent(
      'Subnets: subnet-0a (eu-west-1a)',
    );
    expect(screen.getByTestId('nodeclasses-refresh-error')).toHaveTextContent(
      'Refresh failed: timeout (showing the last answer)',
    );
  });

  it('lists readiness, subnets, security groups, AMIs and the instance profile', async () => {
    await renderInTestApp(
      <NodeClassesPanel
        nodeClasses={[nodeClass('general'), nodeClass('batch', false)]}
      />,
    );
    const batch = screen.getByTestId('nodeclass-batch');
    expect(batch).toHaveTextContent('Unhealthy');
    expect(batch).toHaveTextContent('Instance profile: demo_1234');
    expect(batch).toHaveTextContent('Subnets: none resolved');
    expect(batch).toHaveTextContent('Security groups: sg-01 (eks-node)');
    expect(batch).toHaveTextContent('AMIs: ami-0123 (al2023)');
    expect(screen.getByTestId('nodeclass-general')).toHaveTextContent(
      'Healthy',
    );
  });

  it('says so when no EC2NodeClass belongs to the NodePools', async () => {
    await renderInTestApp(<NodeClassesPanel nodeClasses={[]} />);
    expect(
      screen.getByText('No EC2NodeClasses for these NodePools.'),
    ).toBeInTheDocument();
  });
});
