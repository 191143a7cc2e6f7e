import { renderInTestApp } from '@backstage/test-utils';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { screen } from '@testing-library/react';
import {
  cluster,
  notConfiguredSummary,
  summary,
  timeOfDay,
} from '../../__testUtils__/fixtures';
import { EntitySummaryBody } from './EntitySummaryBody';
import { EntitySummaryHeadline } from './EntitySummaryHeadline';

const notConfigured = notConfiguredSummary();

function clusterCount(value: EntitySummary) {
  return <p>{value.clusters.length} clusters</p>;
}

describe('EntitySummaryBody', () => {
  it('shows progress until the first answer', async () => {
    await renderInTestApp(
      <EntitySummaryBody summary={{ loading: true }}>
        {clusterCount}
      </EntitySummaryBody>,
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.queryByText(/clusters$/)).toBeNull();
  });

  it('shows the error when no summary came', async () => {
    await renderInTestApp(
      <EntitySummaryBody
        summary={{ loading: false, error: new Error('backend down') }}
      >
        {clusterCount}
      </EntitySummaryBody>,
    );
    expect(screen.getByText('Error: backend down')).toBeInTheDocument();
  });

  it('shows the summary it has despite a failed refresh', async () => {
    await renderInTestApp(
      <EntitySummaryBody
        summary={{
          loading: false,
          value: summary([cluster('demo'), cluster('staging')]),
          error: new Error('backend down'),
        }}
      >
        {clusterCount}
      </EntitySummaryBody>,
    );
    expect(screen.getByText('2 clusters')).toBeInTheDocument();
    expect(screen.queryByText('Error: backend down')).toBeNull();
  });

  it('says what to add when the entity is not configured, on its own card if asked', async () => {
    await renderInTestApp(
      <>
        <EntitySummaryBody summary={{ loading: false, value: notConfigured }}>
          {clusterCount}
        </EntitySummaryBody>
        <EntitySummaryBody
          summary={{ loading: false, value: notConfigured }}
          notConfiguredCard
        >
          {clusterCount}
        </EntitySummaryBody>
      </>,
    );
    expect(
      screen.getAllByText(/No karpenter.sh\/cluster annotation\./),
    ).toHaveLength(2);
    expect(screen.getAllByText('Karpenter')).toHaveLength(1);
    expect(document.body).toHaveTextContent(
      'karpenter.sh/cluster: <cluster name from app-config>',
    );
    expect(screen.queryByText(/clusters$/)).toBeNull();
  });
});

describe('EntitySummaryHeadline', () => {
  const updatedAt = '2026-12-02T12:04:30.000Z';
  const time = timeOfDay(updatedAt);

  it('shows the health and the time of the data, and the refresh interval if given', async () => {
    const value = summary([cluster('demo', { health: 'degraded', updatedAt })]);
    await renderInTestApp(
      <>
        <EntitySummaryHeadline summary={{ loading: false, value }} />
        <EntitySummaryHeadline
          summary={{ loading: false, value }}
          refreshIntervalMs={30_000}
        />
      </>,
    );
    expect(screen.getAllByText('Degraded')).toHaveLength(2);
    const [card, tab] = screen.getAllByTestId('karpenter-freshness');
    expect(card).toHaveTextContent(`Updated ${time}`);
    expect(card).not.toHaveTextContent('refreshes');
    expect(tab).toHaveTextContent(`Updated ${time} · refreshes every 30 s`);
  });

  it('is empty until the entity has a configured summary', async () => {
    await renderInTestApp(
      <>
        <EntitySummaryHeadline summary={{ loading: true }} />
        <EntitySummaryHeadline
          summary={{ loading: false, value: notConfigured }}
          refreshIntervalMs={30_000}
        />
      </>,
    );
    expect(screen.queryByTestId('karpenter-freshness')).toBeNull();
    expect(screen.queryByText('Unknown')).toBeNull();
  });
});
