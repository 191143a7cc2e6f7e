import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ClusterSummary,
  EntitySummary,
} from '@karpenter-backstage/plugin-karpenter-common';
import {
  cluster,
  pendingPod,
  pendingPods,
  summary,
} from '../../__testUtils__/fixtures';
import { BACKEND, renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityKarpenterCard } from './EntityKarpenterCard';

const server = setupServer();
registerMswTestHooks(server);
const SUMMARY_URL = `${BACKEND}/api/karpenter/v1/entities/default/resource/demo-cluster/summary`;

function answer(...clusters: ClusterSummary[]) {
  const body: EntitySummary = summary(clusters, { mapping: 'workloads' });
  server.use(http.get(SUMMARY_URL, () => HttpResponse.json(body)));
}

const limit = (name: string) => pendingPod(name, 'NODEPOOL_LIMIT');

describe('EntityKarpenterCard pending pods', () => {
  it('says how many pods wait and why the longest-waiting one does, linked to the tab', async () => {
    answer(
      cluster('demo', {
        pendingPods: pendingPods([limit('a'), limit('b'), limit('c')]),
      }),
    );
    await renderWithApis(<EntityKarpenterCard />);
    const line = await screen.findByTestId('cluster-pending-pods');
    expect(line).toHaveTextContent(
      /^3 pods waiting · NodePool general reached its CPU limit \(104\/104 cores\)$/,
    );
    expect(line).toHaveClass('MuiTypography-colorError');
    expect(within(line).getByRole('link')).toHaveAttribute(
      'href',
      '/karpenter-tab?cluster=demo#waiting-pods',
    );
  });

  it('counts all waiting pods, adds "(and other reasons)" for several codes', async () => {
    answer(
      cluster('demo', {
        pendingPods: pendingPods(
          [
            limit('a'),
            pendingPod('b', 'INCOMPATIBLE', {
              message: 'No NodePool tolerates the pod',
            }),
          ],
          120,
        ),
      }),
      cluster('staging', {
        pendingPods: pendingPods([limit('a')]),
      }),
    );
    await renderWithApis(<EntityKarpenterCard />);
    const demo = await screen.findByTestId('cluster-demo');
    expect(within(demo).getByTestId('cluster-pending-pods')).toHaveTextContent(
      /^120 pods waiting · NodePool general reached its CPU limit \(104\/104 cores\) \(and other reasons\)$/,
    );
    expect(
      within(screen.getByTestId('cluster-staging')).getByTestId(
        'cluster-pending-pods',
      ),
    ).toHaveTextContent(/^1 pod waiting · NodePool general/);
  });

  it('is informational when every pod only waits for its nominated node', async () => {
    answer(
      cluster('demo', {
        pendingPods: pendingPods([
          pendingPod('a', 'NOMINATED', {
            message: 'Karpenter is launching NodeClaim general-x7k2p',
          }),
        ]),
      }),
    );
    await renderWithApis(<EntityKarpenterCard />);
    const line = await screen.findByTestId('cluster-pending-pods');
    expect(line).toHaveTextContent(
      /^1 pod waiting · Karpenter is launching NodeClaim general-x7k2p$/,
    );
    expect(line).toHaveClass('MuiTypography-colorTextSecondary');
    expect(line).not.toHaveClass('MuiTypography-colorError');
  });

  it('is plain text when the app does not mount the tab', async () => {
    answer(cluster('demo', { pendingPods: pendingPods([limit('a')]) }));
    await renderWithApis(<EntityKarpenterCard />, { tabPath: false });
    const line = await screen.findByTestId('cluster-pending-pods');
    expect(line).toHaveTextContent(/^1 pod waiting · NodePool general/);
    expect(within(line).queryByRole('link')).toBeNull();
  });

  it("marks the line last known when the cluster's data is stale", async () => {
    answer(
      cluster('demo', {
        stale: true,
        error: { code: 'TIMEOUT', message: 'cannot reach the cluster' },
        pendingPods: pendingPods([limit('a')]),
      }),
    );
    await renderWithApis(<EntityKarpenterCard />);
    const line = await screen.findByTestId('cluster-pending-pods');
    expect(line).toHaveTextContent(
      /^1 pod waiting · NodePool general reached its CPU limit \(104\/104 cores\) · last known$/,
    );
  });

  it('shows no line when no pod waits or the backend did not check', async () => {
    answer(
      cluster('demo', { pendingPods: pendingPods([]) }),
      cluster('staging'),
    );
    await renderWithApis(<EntityKarpenterCard />);
    await screen.findByTestId('cluster-staging');
    expect(screen.queryByTestId('cluster-pending-pods')).toBeNull();
    expect(document.body).not.toHaveTextContent(/pods? waiting/);
  });

  it('says that none of the pods run yet, not "no NodePools", when pods wait', async () => {
    answer(
      cluster('demo', {
        nodePools: [],
        pendingPods: pendingPods([limit('a'), limit('b')]),
      }),
      cluster('staging', { nodePools: [], pendingPods: pendingPods([]) }),
    );
    await renderWithApis(<EntityKarpenterCard />);
    const demo = await screen.findByTestId('cluster-demo');
    expect(demo).toHaveTextContent(
      "None of this entity's pods run on a Karpenter node in demo yet.",
    );
    expect(demo).not.toHaveTextContent(/No NodePools found/);
    expect(screen.getByTestId('cluster-staging')).toHaveTextContent(
      'No NodePools found for this entity in staging.',
    );
  });
});
