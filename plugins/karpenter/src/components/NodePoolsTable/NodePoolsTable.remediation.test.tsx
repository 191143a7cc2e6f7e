import { fireEvent, screen, within } from '@testing-library/react';
import {
  changeTemplateEntity,
  healthWith,
  nodePool,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { NodePoolsTable } from './NodePoolsTable';

jest.setTimeout(20_000);

describe('NodePoolsTable remediation links', () => {
  it('links a pool at its CPU limit and hints at aggressive consolidation in its row', async () => {
    await renderWithApis(
      <NodePoolsTable
        pools={[
          nodePool('batch', {
            health: healthWith(
              'unhealthy',
              'CPU_LIMIT_REACHED',
              'CPU usage reached the limit (100 / 100 cores)',
            ),
          }),
          nodePool('general', { nodeCount: 3 }),
          nodePool('gpu', { nodeCount: 8 }),
        ]}
        consolidations={{ general: 5, gpu: 7 }}
      />,
      { catalogEntities: [changeTemplateEntity()] },
    );
    const batch = screen.getByTestId('nodepool-row-batch');
    const link = await within(batch).findByRole('link', {
      name: 'Raise the limit',
    });
    const url = new URL(link.getAttribute('href')!, 'http://backstage.test');
    expect(url.pathname).toBe(
      '/create/templates/default/karpenter-nodepools-change',
    );
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      cluster: 'resource:default/demo-cluster',
      nodePool: 'batch',
    });

    const general = screen.getByTestId('nodepool-row-general');
    expect(
      within(general).getByTestId('consolidation-hint-general'),
    ).toHaveTextContent(
      'Consolidation too aggressive: 5 nodes consolidated in 24 h, the pool has 3 nodes',
    );
    expect(
      await within(general).findByRole('link', {
        name: 'Change disruption settings',
      }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('nodepool-row-gpu')).queryByTestId(
        'consolidation-hint-gpu',
      ),
    ).toBeNull();

    // following a link does not also open the row's details
    fireEvent.click(link);
    expect(screen.queryByTestId('nodepool-details-batch')).toBeNull();
  });
});
