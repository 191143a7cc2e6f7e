import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ClusterSummary } from '@karpenter-backstage/plugin-karpenter-common';
import { karpenterApiRef } from '../../api';
import { usePolledData } from '../../hooks';
import { ClusterErrorPanel } from '../ClusterError';
import { InterruptionTimeline } from '../InterruptionTimeline';
import { NodeClaimsTable } from '../NodeClaimsTable';
import { NodeClassesPanel } from '../NodeClassesPanel';
import { NodePoolsTable } from '../NodePoolsTable';
import { QueueBacklogChart } from '../QueueBacklogChart';

/**
 * Everything about one cluster for the entity. `scope`: the entity's NodePools in this cluster
 * (every request of the tab is narrowed to them); `undefined` for the whole cluster.
 *
 * @internal
 */
export function ClusterTab(props: {
  summary: ClusterSummary;
  scope?: string[];
  tick: number;
}) {
  const { summary, scope, tick } = props;
  const api = useApi(karpenterApiRef);
  // a cluster the user may not read is not asked for (it would answer 403)
  const forbidden = Boolean(summary.error?.permission);
  const classes = usePolledData(
    () =>
      forbidden ? Promise.resolve([]) : api.getNodeClasses(summary.cluster),
    [api, summary.cluster, tick, forbidden],
  );
  if (summary.error && !summary.stale) {
    return <ClusterErrorPanel summary={summary} />;
  }
  const poolNames = scope ?? summary.nodePools.map(p => p.name);
  // A scope without NodePools (workloads on no Karpenter node) asks for nothing: an empty
  // list must not widen to the whole cluster.
  const nothingInScope = scope !== undefined && scope.length === 0;
  const noPools = (
    <Typography variant="body2" color="textSecondary">
      The entity has no NodePools in this cluster.
    </Typography>
  );
  const classNames = new Set(summary.nodePools.map(p => p.nodeClass?.name));
  const nodeClasses = classes.value?.filter(c => classNames.has(c.name));
  return (
    <Grid container spacing={3}>
      {summary.stale && (
        <Grid item xs={12}>
          <ClusterErrorPanel summary={summary} />
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard title="NodePools">
          <NodePoolsTable
            pools={summary.nodePools}
            nodeClasses={classes.value}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Interruptions and disruptions">
          {nothingInScope ? (
            noPools
          ) : (
            <InterruptionTimeline
              cluster={summary.cluster}
              nodePools={scope}
              tick={tick}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="NodeClaims">
          {nothingInScope ? (
            noPools
          ) : (
            <NodeClaimsTable
              cluster={summary.cluster}
              nodePools={poolNames}
              scope={scope}
              tick={tick}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <InfoCard title="EC2NodeClasses">
          <NodeClassesPanel
            nodeClasses={nodeClasses}
            loading={classes.loading}
            error={classes.error}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="Interruption queue backlog">
          <QueueBacklogChart cluster={summary.cluster} tick={tick} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
