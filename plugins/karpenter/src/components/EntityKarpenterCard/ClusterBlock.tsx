import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import {
  ClusterSummary,
  disruptedText,
  interruptedText,
} from '@karpenter-backstage/plugin-karpenter-common';
import { ClusterErrorPanel } from '../ClusterError';
import { HealthChip } from '../HealthChip';
import { QueueBadge } from '../QueueBadge';
import { Sparkline } from '../Sparkline';
import { NodePoolLine } from './NodePoolLine';
import { PendingPodsLine } from './PendingPodsLine';

/**
 * One cluster on the card: health, queue, interruptions, the entity's pods that wait for a node
 * and its NodePools. `tabLink`: the Karpenter tab, when the app mounts it.
 *
 * @internal
 */
export function ClusterBlock(props: {
  summary: ClusterSummary;
  tabLink?: string;
}) {
  const { summary, tabLink } = props;
  const waiting = (summary.pendingPods?.total ?? 0) > 0;
  const activity = summary.interruptions;
  const interrupted = activity?.totals.nodeClaims.interrupted ?? 0;
  const disrupted = activity?.totals.nodeClaims.disrupted ?? 0;
  return (
    <Box mb={2} data-testid={`cluster-${summary.cluster}`}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="h6" component="h3">
          {summary.title ?? summary.cluster}
        </Typography>
        <HealthChip status={summary.health} />
        {activity && (
          <>
            <Sparkline
              buckets={activity.hourly}
              label={`${interruptedText(
                interrupted,
              )} in the last 24 hours, per hour of the first notice`}
            />
            <Typography variant="caption" data-testid="cluster-interrupted">
              {interruptedText(interrupted)} (24 h)
            </Typography>
            {disrupted > 0 && (
              <Typography
                variant="caption"
                color="textSecondary"
                data-testid="cluster-disrupted"
              >
                {disruptedText(disrupted, activity.totals.disruptionsByReason)}
              </Typography>
            )}
          </>
        )}
      </Box>
      <QueueBadge queue={summary.queue} />
      <ClusterErrorPanel summary={summary} />
      <PendingPodsLine
        cluster={summary.cluster}
        pendingPods={summary.pendingPods}
        tabLink={tabLink}
        stale={summary.stale}
      />
      {!summary.error && summary.nodePools.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          {waiting
            ? `None of this entity's pods run on a Karpenter node in ${summary.cluster} yet.`
            : `No NodePools found for this entity in ${summary.cluster}.`}
        </Typography>
      )}
      {summary.missingNodePools && summary.missingNodePools.length > 0 && (
        <Typography variant="caption" color="error" component="div">
          Not found in the cluster: {summary.missingNodePools.join(', ')}
        </Typography>
      )}
      {summary.nodePools.map((pool, i) => (
        <Box key={pool.name}>
          {i > 0 && <Divider light />}
          <NodePoolLine
            pool={pool}
            interruptions={
              activity ? activity.totals.byNodePool[pool.name] ?? 0 : undefined
            }
            consolidations={
              activity?.totals.consolidationsByNodePool?.[pool.name]
            }
          />
        </Box>
      ))}
    </Box>
  );
}
