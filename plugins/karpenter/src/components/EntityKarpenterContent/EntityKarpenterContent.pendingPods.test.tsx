import { registerMswTestHooks } from '@backstage/test-utils';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  cluster,
  history,
  nodeClaims,
  pendingPod,
  pendingPods,
  summary,
} from '../../__testUtils__/fixtures';
import { BACKEND, renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityKarpenterContent } from './EntityKarpenterContent';

const server = setupServer();
registerMswTestHooks(server);
const API = `${BACKEND}/api/karpenter/v1`;

function backend(answer: EntitySummary) {
  server.use(
    http.get(`${API}/entities/default/resource/demo-cluster/summary`, () =>
      HttpResponse.json(answer),
    ),
    http.get(`${API}/clusters/demo/nodeclasses`, () =>
      HttpResponse.json({ items: [] }),
    ),
    http.get(`${API}/clusters/demo/nodeclaims`, () =>
      HttpResponse.json({ cluster: 'demo', items: nodeClaims(3), total: 3 }),
    ),
    http.get(`${API}/clusters/demo/interruptions`, () =>
      HttpResponse.json(history(0)),
    ),
    http.get(`${API}/clusters/demo/queue`, () =>
      HttpResponse.json({
        cluster: 'demo',
        state: 'unknown',
        message: 'No samples yet',
        samples: [],
      }),
    ),
  );
}

describe('EntityKarpenterContent waiting pods', () => {
  it('shows the Waiting pods panel of a workload-mapped entity, also without NodePools', async () => {
    backend(
      summary(
        [
          cluster('demo', {
            nodePools: [],
            pendingPods: pendingPods(
              [pendingPod('checkout-1', 'NODEPOOL_LIMIT')],
              1,
            ),
          }),
        ],
        { mapping: 'workloads' },
      ),
    );
    await renderWithApis(<EntityKarpenterContent />);
    const panel = await screen.findByTestId('pending-pods-demo');
    expect(panel).toHaveAttribute('id', 'waiting-pods');
    expect(within(panel).getByText('Waiting pods')).toBeInTheDocument();
    expect(
      within(panel).getByTestId('pending-pod-shop/checkout-1'),
    ).toHaveTextContent(
      'NodePool general reached its CPU limit (104/104 cores)',
    );
  });

  it("opens on the cluster the card's line names (?cluster=)", async () => {
    backend(
      summary(
        [
          cluster('demo', { pendingPods: pendingPods([], 0) }),
          cluster('staging', {
            pendingPods: pendingPods(
              [pendingPod('checkout-2', 'NODEPOOL_LIMIT')],
              1,
            ),
          }),
        ],
        { mapping: 'workloads' },
      ),
    );
    await renderWithApis(<EntityKarpenterContent />, {
      route: '/karpenter-tab?cluster=staging',
    });
    const panel = await screen.findByTestId('pending-pods-staging');
    expect(
      within(panel).getByTestId('pending-pod-shop/checkout-2'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('pending-pods-demo')).toBeNull();
  });

  it('shows no panel when the backend did not check (entity mapped by annotations)', async () => {
    backend(summary([cluster('demo')]));
    await renderWithApis(<EntityKarpenterContent />);
    await screen.findByText('3 NodeClaims');
    expect(screen.queryByTestId('pending-pods-demo')).toBeNull();
    expect(screen.queryByText('Waiting pods')).toBeNull();
  });
});
