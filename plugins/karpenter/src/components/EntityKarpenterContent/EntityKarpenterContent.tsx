import {
  Content,
  ContentHeader,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { ClusterSummary } from '@karpenter-backstage/plugin-karpenter-common';
import { useState } from 'react';
import {
  KARPENTER_PERFORMANCE_MARKS,
  useEntitySummary,
  usePerformanceMark,
  useRefreshIntervalMs,
  useRefreshTick,
} from '../../hooks';
import { NotConfigured } from '../EntityKarpenterCard/NotConfigured';
import { freshnessText } from '../ClusterError';
import { HealthChip } from '../HealthChip';
import { RefreshFailed } from '../RefreshFailed';
import { ClusterTab } from './ClusterTab';
import { entityNodePoolScope } from './entityScope';

/**
 * The state in a cluster's tab label: stale (last known data), no access (the user's permission
 * denies the cluster), error, or its health.
 */
function tabState(c: ClusterSummary): string {
  if (c.stale) return 'stale';
  if (c.error?.permission) return 'no access';
  return c.error ? 'error' : c.health;
}

/**
 * The Karpenter tab of an entity page: per cluster, the NodePools table with details, the
 * interruption timeline, NodeClaims, EC2NodeClasses and the queue backlog. Refreshes in place
 * (open panels, filters and scroll position stay), paused while the browser tab is hidden.
 *
 * @public
 */
export function EntityKarpenterContent() {
  const interval = useRefreshIntervalMs();
  const tick = useRefreshTick(interval);
  const { value, error, loading, updatedAt } = useEntitySummary(tick);
  const [selected, setSelected] = useState(0);
  const { entity } = useEntity();
  usePerformanceMark(KARPENTER_PERFORMANCE_MARKS.tabMounted, true);

  // the age of the data (per cluster, from the backend), not the time of the request
  const freshness =
    value?.status === 'configured'
      ? freshnessText(value, updatedAt)
      : undefined;

  let body: JSX.Element;
  if (loading) {
    body = <Progress />;
  } else if (!value && error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value || value.status === 'not-configured') {
    body = (
      <InfoCard title="Karpenter">
        <NotConfigured message={value?.message} />
      </InfoCard>
    );
  } else {
    const index = Math.min(selected, value.clusters.length - 1);
    const current = value.clusters[index];
    body = (
      <>
        {value.clusters.length > 1 && (
          <Tabs
            value={index}
            onChange={(_e, i) => setSelected(i)}
            indicatorColor="primary"
            aria-label="Clusters"
          >
            {value.clusters.map(c => (
              <Tab
                key={c.cluster}
                label={`${c.title ?? c.cluster} (${tabState(c)})`}
              />
            ))}
          </Tabs>
        )}
        {current && (
          <ClusterTab
            key={current.cluster}
            summary={current}
            scope={entityNodePoolScope(entity, value.mapping, current)}
            tick={tick}
          />
        )}
      </>
    );
  }

  return (
    <Content>
      <ContentHeader title="Karpenter">
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          {value?.status === 'configured' && (
            <HealthChip status={value.health} />
          )}
          {freshness && (
            <Typography
              variant="caption"
              color="textSecondary"
              data-testid="karpenter-freshness"
            >
              {freshness}
              {interval ? ` · refreshes every ${interval / 1000} s` : ''}
            </Typography>
          )}
        </Box>
      </ContentHeader>
      {value && <RefreshFailed error={error} testId="tab-refresh-error" />}
      {body}
    </Content>
  );
}
