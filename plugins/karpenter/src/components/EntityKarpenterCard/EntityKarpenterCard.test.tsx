import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import {
  activity,
  changeTemplateEntity,
  cluster,
  forbiddenCluster,
  healthWith,
  nodePool,
  notConfiguredSummary,
  summary,
  timeOfDay,
} from '../../__testUtils__/fixtures';
import { BACKEND, renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityKarpenterCard } from './EntityKarpenterCard';

const server = setupServer();
registerMswTestHooks(server);

const SUMMARY_URL = `${BACKEND}/api/karpenter/v1/entities/default/resource/demo-cluster/summary`;

function answer(
  body: EntitySummary | { error: { message: string } },
  status = 200,
) {
  server.use(http.get(SUMMARY_URL, () => HttpResponse.json(body, { status })));
}

describe('EntityKarpenterCard', () => {
  it('shows a healthy NodePool with usage, nodes by capacity type, interruptions and the queue', async () => {
    // two interrupted NodeClaims (8 events) and one consolidation, counted apart
    answer(
      summary([
        cluster('demo', {
          interruptions: activity(
            { general: 2 },
            { disruptions: { Underutilized: 1 } },
          ),
        }),
      ]),
    );
    await renderWithApis(<EntityKarpenterCard />);
    const pool = await screen.findByTestId('nodepool-general');
    expect(within(pool).getByText('Healthy')).toBeInTheDocument();
    expect(
      within(pool).getByText('12 nodes: 4 on-demand, 8 spot'),
    ).toBeInTheDocument();
    expect(
      within(pool).getByText('CPU: 40 / 100 cores (40 %)'),
    ).toBeInTheDocument();
    expect(
      within(pool).getByText('Memory: 160 GiB / 400 GiB (40 %)'),
    ).toBeInTheDocument();
    expect(
      within(pool).getByText('2 nodes interrupted (24 h)'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('cluster-interrupted')).toHaveTextContent(
      '2 nodes interrupted (24 h)',
    );
    expect(screen.getByTestId('cluster-disrupted')).toHaveTextContent(
      '1 replaced by Karpenter (consolidation)',
    );
    expect(
      screen.getByRole('img', {
        name: /2 nodes interrupted in the last 24 hours/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('queue-badge')).toHaveTextContent(
      'Interruption queue: draining (0 waiting)',
    );
    expect(screen.getByText(/^Updated /)).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'NodePools, NodeClaims and interruptions',
      }),
    ).toHaveAttribute('href', '/karpenter-tab');
    expect(
      screen.getByRole('link', { name: 'Troubleshooting' }),
    ).toBeInTheDocument();
  });

  it('shows a degraded NodePool near its CPU limit with the reason in words', async () => {
    answer(
      summary([
        cluster('demo', {
          health: 'degraded',
          nodePools: [
            nodePool('batch', {
              health: healthWith(
                'degraded',
                'CPU_LIMIT_NEAR',
                'CPU usage is 93 % of the limit (93 / 100 cores)',
              ),
              usage: {
                cpu: { used: 93, limit: 100, ratio: 0.93 },
                memory: { used: 1, limit: undefined },
              },
            }),
          ],
        }),
      ]),
    );
    await renderWithApis(<EntityKarpenterCard />);
    const pool = await screen.findByTestId('nodepool-batch');
    expect(within(pool).getByText('Degraded')).toBeInTheDocument();
    expect(
      within(pool).getByText('CPU usage is 93 % of the limit (93 / 100 cores)'),
    ).toBeInTheDocument();
    expect(
      within(pool).getByText('CPU: 93 / 100 cores (93 %)'),
    ).toBeInTheDocument();
    expect(
      within(pool).getByText(/Memory: 1 B \(no limit\)/),
    ).toBeInTheDocument();
  });

  it('shows an unhealthy NodePool and a queue that is falling behind', async () => {
    answer(
      summary([
        cluster('demo', {
          health: 'unhealthy',
          nodePools: [
            nodePool('general', {
              health: healthWith(
                'unhealthy',
                'NODECLASS_NOT_READY',
                'EC2NodeClass general is not ready: SubnetsReady=False',
              ),
            }),
          ],
          queue: {
            cluster: 'demo',
            state: 'falling-behind',
            message: 'Interruption handling is falling behind',
            latest: {
              time: new Date().toISOString(),
              visible: 7,
              notVisible: 0,
              delayed: 0,
            },
          },
        }),
      ]),
    );
    await renderWithApis(<EntityKarpenterCard />);
    const pool = await screen.findByTestId('nodepool-general');
    expect(within(pool).getByText('Unhealthy')).toBeInTheDocument();
    expect(within(pool).getByText(/SubnetsReady=False/)).toBeInTheDocument();
    expect(screen.getByTestId('queue-badge')).toHaveTextContent(
      'falling behind (7 waiting)',
    );
  });

  it('links a NodePool near its limit to the change template, the cluster and the pool preselected', async () => {
    answer(
      summary([
        cluster('demo', {
          nodePools: [
            nodePool('general'),
            nodePool('batch', {
              health: healthWith(
                'degraded',
                'MEMORY_LIMIT_REACHED',
                'Memory usage reached the limit',
              ),
            }),
          ],
        }),
      ]),
    );
    await renderWithApis(<EntityKarpenterCard />, {
      catalogEntities: [changeTemplateEntity()],
    });
    const batch = await screen.findByTestId('nodepool-batch');
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
    expect(
      within(screen.getByTestId('nodepool-general')).queryByRole('link'),
    ).toBeNull();
  });

  it('hints at too aggressive consolidation from the 24 h consolidations of a pool', async () => {
    answer(
      summary([
        cluster('demo', {
          nodePools: [
            nodePool('general', { nodeCount: 6 }),
            nodePool('batch', { nodeCount: 12 }),
          ],
          interruptions: activity(
            {},
            {
              disruptions: { Underutilized: 20, Empty: 5 },
              consolidationsByNodePool: { general: 14, batch: 11 },
            },
          ),
        }),
      ]),
    );
    await renderWithApis(<EntityKarpenterCard />, {
      catalogEntities: [changeTemplateEntity()],
    });
    const hint = await screen.findByTestId('consolidation-hint-general');
    expect(hint).toHaveTextContent(
      'Consolidation too aggressive: 14 nodes consolidated in 24 h, the pool has 6 nodes',
    );
    expect(
      await within(hint).findByRole('link', {
        name: 'Change disruption settings',
      }),
    ).toBeInTheDocument();
    // 11 consolidations for 12 nodes: below the threshold
    expect(screen.queryByTestId('consolidation-hint-batch')).toBeNull();
  });

  it('says the user has no access to a cluster the permission denies, and shows the others', async () => {
    answer(summary([cluster('demo'), forbiddenCluster('staging')]));
    await renderWithApis(<EntityKarpenterCard />);
    expect(
      await screen.findByTestId('cluster-forbidden-staging'),
    ).toHaveTextContent(
      'You do not have access to cluster staging (karpenter.cluster.read).',
    );
    expect(screen.queryByTestId('cluster-error-staging')).toBeNull();
    expect(screen.getByTestId('nodepool-general')).toBeInTheDocument();
  });

  it('keeps showing the healthy cluster when another cluster failed', async () => {
    answer(
      summary([
        cluster('demo'),
        cluster('staging', {
          health: 'unknown',
          nodePools: [],
          error: {
            code: 'UNAUTHORIZED',
            message: 'the API server answered 401',
          },
        }),
      ]),
    );
    await renderWithApis(<EntityKarpenterCard />);
    expect(
      await screen.findByTestId('cluster-error-staging'),
    ).toHaveTextContent('UNAUTHORIZED');
    expect(screen.getByTestId('cluster-demo')).toBeInTheDocument();
    expect(screen.getByTestId('nodepool-general')).toBeInTheDocument();
  });

  it('shows the time of the data and why it is stale, with the last known NodePools, instead of a fresh timestamp', async () => {
    const dataTime = '2026-12-02T12:03:00.000Z';
    answer(
      summary([
        cluster('demo', {
          health: 'unknown',
          stale: true,
          updatedAt: dataTime,
          error: {
            code: 'TIMEOUT',
            message: 'The API server of demo did not answer in time',
          },
          nodePools: [
            nodePool('general', {
              stale: true,
              health: healthWith('unknown', 'STALE_DATA', 'Last known state'),
            }),
          ],
        }),
      ]),
    );
    await renderWithApis(<EntityKarpenterCard />);
    const time = timeOfDay(dataTime);
    expect(await screen.findByTestId('karpenter-freshness')).toHaveTextContent(
      `Data from ${time} — cannot reach the cluster (TIMEOUT)`,
    );
    expect(screen.queryByText(/^Updated /)).toBeNull();
    expect(screen.getByTestId('cluster-stale-demo')).toHaveTextContent(
      'The NodePools below are the last known state.',
    );
    expect(screen.queryByTestId('cluster-error-demo')).toBeNull();
    expect(screen.getByTestId('nodepool-general')).toBeInTheDocument();
  });

  it('shows the oldest data time of the clusters as "Updated"', async () => {
    answer(
      summary([
        cluster('demo', { updatedAt: '2026-12-02T12:05:00.000Z' }),
        cluster('staging', { updatedAt: '2026-12-02T12:04:30.000Z' }),
      ]),
    );
    await renderWithApis(<EntityKarpenterCard />);
    const time = timeOfDay('2026-12-02T12:04:30.000Z');
    expect(await screen.findByTestId('karpenter-freshness')).toHaveTextContent(
      `Updated ${time}`,
    );
  });

  it('explains which annotation to add when the entity is not configured', async () => {
    answer(notConfiguredSummary());
    await renderWithApis(<EntityKarpenterCard />);
    expect(
      await screen.findByText(/No karpenter.sh\/cluster annotation\./),
    ).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      'karpenter.sh/cluster: <cluster name from app-config>',
    );
  });

  it('shows zero interruptions for an empty history', async () => {
    answer(summary([cluster('demo', { interruptions: activity({}) })]));
    await renderWithApis(<EntityKarpenterCard />);
    expect(await screen.findByTestId('cluster-interrupted')).toHaveTextContent(
      '0 nodes interrupted (24 h)',
    );
    expect(
      within(screen.getByTestId('nodepool-general')).getByText(
        '0 nodes interrupted (24 h)',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('cluster-disrupted')).toBeNull();
  });

  it('shows the error when the backend fails', async () => {
    answer({ error: { message: 'boom' } }, 500);
    await renderWithApis(<EntityKarpenterCard />);
    expect(
      await screen.findByText(
        'Error: Request failed with 500 Internal Server Error',
      ),
    ).toBeInTheDocument();
  });

  it('links to the tab through its route ref, wherever the app mounts it', async () => {
    answer(summary([cluster('demo')]));
    await renderWithApis(
      <>
        <EntityKarpenterCard />
        <Routes>
          <Route path="/platform/nodes" element={<p>the Karpenter tab</p>} />
        </Routes>
      </>,
      { tabPath: '/platform/nodes' },
    );
    const link = await screen.findByRole('link', {
      name: 'NodePools, NodeClaims and interruptions',
    });
    expect(link).toHaveAttribute('href', '/platform/nodes');
    expect(screen.queryByText('the Karpenter tab')).toBeNull();
    fireEvent.click(link);
    expect(await screen.findByText('the Karpenter tab')).toBeInTheDocument();
  });
});
