import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { configApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  KARPENTER_PERFORMANCE_MARKS,
  useEntitySummary,
  usePerformanceMark,
  useRefreshIntervalMs,
  useRefreshTick,
} from '../../hooks';
import { freshnessText } from '../ClusterError';
import { HealthChip } from '../HealthChip';
import { RefreshFailed } from '../RefreshFailed';
import { ClusterBlock } from './ClusterBlock';
import { NotConfigured } from './NotConfigured';

const DEFAULT_TROUBLESHOOTING =
  '/docs/default/component/karpenter-backstage/troubleshooting/';

/**
 * The Karpenter card for an entity's overview page: per cluster and NodePool, health, usage
 * against limits, nodes by capacity type, interruptions of the last 24 h and the queue.
 *
 * @public
 */
export function EntityKarpenterCard() {
  const tick = useRefreshTick(useRefreshIntervalMs());
  const { value, error, loading, updatedAt } = useEntitySummary(tick);
  usePerformanceMark(KARPENTER_PERFORMANCE_MARKS.cardRendered, !!value);
  const config = useApi(configApiRef);
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const tabLink = `${entityRoute(entityRouteParams(entity))}/karpenter`;
  const troubleshooting =
    config.getOptionalString('karpenter.frontend.troubleshootingUrl') ??
    DEFAULT_TROUBLESHOOTING;

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
    body = <NotConfigured message={value?.message} />;
  } else {
    body = (
      <>
        {value.clusters.map(cluster => (
          <ClusterBlock key={cluster.cluster} summary={cluster} />
        ))}
        <RefreshFailed error={error} />
      </>
    );
  }

  return (
    <InfoCard
      title="Karpenter"
      subheader={
        value?.status === 'configured' ? (
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <HealthChip status={value.health} />
            {freshness && (
              <Typography
                variant="caption"
                color="textSecondary"
                data-testid="karpenter-freshness"
              >
                {freshness}
              </Typography>
            )}
          </Box>
        ) : undefined
      }
    >
      {body}
      <Box display="flex" style={{ gap: 16 }} mt={1}>
        <Link to={tabLink}>NodePools, NodeClaims and interruptions</Link>
        <Link to={troubleshooting}>Troubleshooting</Link>
      </Box>
    </InfoCard>
  );
}
