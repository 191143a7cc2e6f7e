import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  interruptedText,
  NodePoolInfo,
} from '@karpenter-backstage/plugin-karpenter-common';
import { nodesText } from '../../format';
import { HealthChip } from '../HealthChip';
import { CostSummary } from '../CostSummary';
import { RemediationLink } from '../RemediationLink';
import { CpuUsageBar, MemoryUsageBar } from '../UsageBar';

/** "12 nodes: 8 spot, 4 on-demand". @internal */
export function nodeCountText(
  pool: Pick<NodePoolInfo, 'nodeCount' | 'nodesByCapacityType'>,
): string {
  const split = Object.entries(pool.nodesByCapacityType)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
  const nodes = nodesText(pool.nodeCount);
  return split ? `${nodes}: ${split}` : nodes;
}

/**
 * One NodePool on the card; `interruptions` is the number of interrupted NodeClaims (24 h),
 * `consolidations` the number consolidated away (24 h). @internal
 */
export function NodePoolLine(props: {
  pool: NodePoolInfo;
  interruptions?: number;
  consolidations?: number;
}) {
  const { pool, interruptions, consolidations } = props;
  const problems = pool.health.reasons.filter(r => r.severity !== 'healthy');
  return (
    <Box py={1} data-testid={`nodepool-${pool.name}`}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="subtitle2" component="span">
          {pool.name}
        </Typography>
        <HealthChip status={pool.health.status} reasons={pool.health.reasons} />
        <Typography variant="caption" color="textSecondary">
          {nodeCountText(pool)}
        </Typography>
        <CostSummary cost={pool.cost} />
        {interruptions !== undefined && (
          <Typography
            variant="caption"
            color={interruptions ? 'error' : 'textSecondary'}
          >
            {interruptedText(interruptions)} (24 h)
          </Typography>
        )}
      </Box>
      {problems.length > 0 && (
        <Typography
          variant="caption"
          component="ul"
          style={{ margin: '4px 0', paddingLeft: 18 }}
        >
          {problems.map(r => (
            <li key={`${r.code}:${r.message}`}>{r.message}</li>
          ))}
        </Typography>
      )}
      <RemediationLink pool={pool} consolidations={consolidations} />
      <Box display="flex" style={{ gap: 16 }} mt={0.5}>
        <CpuUsageBar usage={pool.usage.cpu} />
        <MemoryUsageBar usage={pool.usage.memory} />
      </Box>
    </Box>
  );
}
