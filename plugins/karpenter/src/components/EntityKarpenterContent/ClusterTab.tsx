import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { ClusterSummary } from '@karpenter-backstage/plugin-karpenter-common';
import { karpenterApiRef } from '../../api';
import { usePolledData } from '../../hooks';
import { ClusterErrorPanel } from '../ClusterError';
import { InterruptionTimeline } from '../InterruptionTimeline';
import { NodeClaimsTable } from '../NodeClaimsTable';
import { NodeClassesPanel } from '../NodeClassesPanel';
import { NodePoolsTable } from '../NodePoolsTable';
import { QueueBacklogChart } from '../QueueBacklogChart';

/** Everything about one cluster for the entity. @internal */
export function ClusterTab(props: { summary: ClusterSummary; tick: number }) {
  const { summary, tick } = props;
  const api = useApi(karpenterApiRef);
  const classes = usePolledData(
    () => api.getNodeClasses(summary.cluster),
    [api, summary.cluster, tick],
  );
  if (summary.error && !summary.stale) {
    return <ClusterErrorPanel summary={summary} />;
  }
  const poolNames = summary.nodePools.map(p => p.name);
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
          <InterruptionTimeline
            cluster={summary.cluster}
            nodePool={poolNames.length === 1 ? poolNames[0] : undefined}
            tick={tick}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="NodeClaims">
          <NodeClaimsTable
            cluster={summary.cluster}
            nodePools={poolNames}
            tick={tick}
          />
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
