import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { rootRouteRef } from '../../routes';
import {
  KARPENTER_PERFORMANCE_MARKS,
  usePerformanceMark,
  useRefreshedEntitySummary,
  useTroubleshootingUrl,
} from '../../hooks';
import { CostSummary } from '../CostSummary';
import { EntitySummaryBody, EntitySummaryHeadline } from '../EntitySummary';
import { RefreshFailed } from '../RefreshFailed';
import { ClusterBlock } from './ClusterBlock';

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

/**
 * The Karpenter card for an entity's overview page: per cluster and NodePool, health, usage
 * against limits, nodes by capacity type, interruptions of the last 24 h, the queue and the pods
 * that wait for a node.
 *
 * @public
 */
export function EntityKarpenterCard() {
  const { summary } = useRefreshedEntitySummary();
  const { value, error } = summary;
  usePerformanceMark(KARPENTER_PERFORMANCE_MARKS.cardRendered, !!value);
  const tabLink = useTabLink();
  const troubleshooting = useTroubleshootingUrl();

  return (
    <InfoCard
      title="Karpenter"
      subheader={
        value?.status === 'configured' ? (
          <EntitySummaryHeadline summary={summary} />
        ) : undefined
      }
    >
      <EntitySummaryBody summary={summary}>
        {configured => (
          <>
            {configured.cost && (
              <Box mb={1} data-testid="entity-cost">
                <CostSummary
                  cost={configured.cost}
                  label="Cost: "
                  variant="body2"
                  detailed
                />
              </Box>
            )}
            {configured.clusters.map(cluster => (
              <ClusterBlock
                key={cluster.cluster}
                summary={cluster}
                tabLink={tabLink}
              />
            ))}
            <RefreshFailed error={error} />
          </>
        )}
      </EntitySummaryBody>
      <Box display="flex" style={{ gap: 16 }} mt={1}>
        {tabLink && (
          <Link to={tabLink}>NodePools, NodeClaims and interruptions</Link>
        )}
        <Link to={troubleshooting}>Troubleshooting</Link>
      </Box>
    </InfoCard>
  );
}
