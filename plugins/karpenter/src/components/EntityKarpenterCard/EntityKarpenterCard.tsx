import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { configApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { rootRouteRef } from '../../routes';
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

/**
 * The link to the Karpenter tab, wherever the app mounts it: the tab's extension carries
 * `rootRouteRef` (legacy `mountPoint`, new frontend system `routeRef`), so the path comes from
 * the app's routes (the entity's parameters from the current page). Without the tab mounted
 * there is no link.
 */
function useTabLink(): string | undefined {
  let route: (() => string) | undefined;
  try {
    // Always called, in the same order: only its "No path" error is caught.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    route = useRouteRef(rootRouteRef);
  } catch {
    route = undefined; // the app does not mount the tab
  }
  return route?.();
}

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
  const tabLink = useTabLink();
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
        {tabLink && (
          <Link to={tabLink}>NodePools, NodeClaims and interruptions</Link>
        )}
        <Link to={troubleshooting}>Troubleshooting</Link>
      </Box>
    </InfoCard>
  );
}
