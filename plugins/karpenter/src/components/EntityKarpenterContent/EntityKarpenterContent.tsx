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
import { useState } from 'react';
import { formatTime } from '../../format';
import {
  KARPENTER_PERFORMANCE_MARKS,
  useEntitySummary,
  usePerformanceMark,
  useRefreshIntervalMs,
  useRefreshTick,
} from '../../hooks';
import { NotConfigured } from '../EntityKarpenterCard/NotConfigured';
import { HealthChip } from '../HealthChip';
import { RefreshFailed } from '../RefreshFailed';
import { ClusterTab } from './ClusterTab';
import { entityNodePoolScope } from './entityScope';

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
                label={`${c.title ?? c.cluster} (${
                  c.error ? 'error' : c.health
                })`}
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
          {updatedAt && (
            <Typography variant="caption" color="textSecondary">
              Updated {formatTime(updatedAt.toISOString())}
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
