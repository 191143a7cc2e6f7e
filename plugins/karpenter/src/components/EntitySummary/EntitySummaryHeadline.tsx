import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { PolledData } from '../../hooks';
import { freshnessText } from '../ClusterError';
import { HealthChip } from '../HealthChip';

/**
 * The head line of the card and the tab: the entity's health and the age of the data (per
 * cluster, from the backend), not the time of the request. `refreshIntervalMs`: say how often
 * it refreshes (the tab). Empty until the entity has a configured summary.
 *
 * @internal
 */
export function EntitySummaryHeadline(props: {
  summary: PolledData<EntitySummary>;
  refreshIntervalMs?: number;
}) {
  const { value, updatedAt } = props.summary;
  const { refreshIntervalMs } = props;
  const configured = value?.status === 'configured' ? value : undefined;
  const freshness = configured && freshnessText(configured, updatedAt);
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      {configured && <HealthChip status={configured.health} />}
      {freshness && (
        <Typography
          variant="caption"
          color="textSecondary"
          data-testid="karpenter-freshness"
        >
          {freshness}
          {refreshIntervalMs
            ? ` · refreshes every ${refreshIntervalMs / 1000} s`
            : ''}
        </Typography>
      )}
    </Box>
  );
}
