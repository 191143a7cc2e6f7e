import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { NodePoolInfo } from '@karpenter-backstage/plugin-karpenter-common';
import { nodesText } from '../../format';
import { useChangeTemplateLink } from '../../hooks/useChangeTemplateLink';
import { consolidationHintThreshold } from './consolidation';

/**
 * Health reasons a higher NodePool limit remedies: they get a "Raise the limit" link.
 *
 * @internal
 */
export const LIMIT_REASON_CODES: ReadonlySet<string> = new Set([
  'CPU_LIMIT_NEAR',
  'CPU_LIMIT_REACHED',
  'MEMORY_LIMIT_NEAR',
  'MEMORY_LIMIT_REACHED',
]);

/**
 * What can be remedied on a NodePool, with links to the "Change Karpenter NodePools" template
 * (cluster and pool preselected): "Raise the limit" for a pool near or at its CPU or memory
 * limit, and the "Consolidation too aggressive" hint (see {@link consolidationHintThreshold})
 * with "Change disruption settings". Renders nothing (and asks the catalog nothing) for a pool
 * without either; without a usable template link the hint is shown without its link.
 *
 * @param consolidations - the pool's NodeClaims disrupted by consolidation in the last 24 h
 *   (`consolidationsByNodePool` of the summary's interruptions); no hint when unknown.
 * @internal
 */
export function RemediationLink(props: {
  pool: NodePoolInfo;
  consolidations?: number;
}) {
  const { pool, consolidations } = props;
  const limit = pool.health.reasons.some(r => LIMIT_REASON_CODES.has(r.code));
  const aggressive =
    consolidations !== undefined &&
    consolidations >= consolidationHintThreshold(pool.nodeCount);
  if (!limit && !aggressive) {
    return null;
  }
  return (
    <Remediations
      pool={pool}
      limit={limit}
      consolidations={aggressive ? consolidations : undefined}
    />
  );
}

function Remediations(props: {
  pool: NodePoolInfo;
  limit: boolean;
  consolidations?: number;
}) {
  const { pool, limit, consolidations } = props;
  const href = useChangeTemplateLink([pool.cluster])(pool.cluster, pool.name);
  if (!href && consolidations === undefined) {
    return null;
  }
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 16 }}
      mt={0.5}
      data-testid={`remediation-${pool.name}`}
      // a link in a table row must not also open or close the row
      onClick={e => e.stopPropagation()}
    >
      {limit && href && (
        <Typography variant="caption">
          <Link to={href}>Raise the limit</Link>
        </Typography>
      )}
      {consolidations !== undefined && (
        <Typography
          variant="caption"
          color="textSecondary"
          data-testid={`consolidation-hint-${pool.name}`}
        >
          Consolidation too aggressive: {nodesText(consolidations)} consolidated
          in 24 h, the pool has {nodesText(pool.nodeCount)}
          {href && (
            <>
              {' '}
              <Link to={href}>Change disruption settings</Link>
            </>
          )}
        </Typography>
      )}
    </Box>
  );
}
