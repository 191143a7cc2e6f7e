import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid, { GridSize } from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ClusterSummary } from '@karpenter-backstage/plugin-karpenter-common';
import { ReactNode } from 'react';
import { karpenterApiRef } from '../../api';
import { usePolledData } from '../../hooks';
import { ClusterErrorPanel } from '../ClusterError';
import { CostBreakdown } from '../CostBreakdown';
import { CostTrendChart } from '../CostTrendChart';
import { InterruptionTimeline } from '../InterruptionTimeline';
import { NodeClaimsTable } from '../NodeClaimsTable';
import { NodeClassesPanel } from '../NodeClassesPanel';
import { NodePoolsTable } from '../NodePoolsTable';
import { PendingPodsPanel } from '../PendingPodsPanel';
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
  // the backend computes cost (the condition of CostBreakdown)
  const hasCost = summary.nodePools.some(p => p.cost);
  const classNames = new Set(summary.nodePools.map(p => p.nodeClass?.name));
  const nodeClasses = classes.value?.filter(c => classNames.has(c.name));
  return (
    <Grid container spacing={3}>
      {summary.stale && (
        <Grid item xs={12}>
          <ClusterErrorPanel summary={summary} />
        </Grid>
      )}
      {summary.pendingPods && (
        <Grid item xs={12}>
          <PendingPodsPanel
            cluster={summary.cluster}
            pendingPods={summary.pendingPods}
            stale={summary.stale}
          />
        </Grid>
      )}
      <Panel title="NodePools">
        <NodePoolsTable
          pools={summary.nodePools}
          nodeClasses={classes.value}
          consolidations={
            summary.interruptions?.totals.consolidationsByNodePool
          }
        />
      </Panel>
      {hasCost && (
        <Panel title="Cost by instance type">
          <CostBreakdown pools={summary.nodePools} total={summary.cost} />
        </Panel>
      )}
      {hasCost && (
        <Panel title="Cost trend" noPools={nothingInScope}>
          <CostTrendChart
            cluster={summary.cluster}
            nodePools={scope}
            tick={tick}
          />
        </Panel>
      )}
      <Panel title="Interruptions and disruptions" noPools={nothingInScope}>
        <InterruptionTimeline
          cluster={summary.cluster}
          nodePools={scope}
          tick={tick}
        />
      </Panel>
      <Panel title="NodeClaims" noPools={nothingInScope}>
        <NodeClaimsTable
          cluster={summary.cluster}
          nodePools={poolNames}
          scope={scope}
          tick={tick}
        />
      </Panel>
      <Panel title="EC2NodeClasses" md={7}>
        <NodeClassesPanel
          nodeClasses={nodeClasses}
          loading={classes.loading}
          error={classes.error}
        />
      </Panel>
      <Panel title="Interruption queue backlog" md={5}>
        <QueueBacklogChart cluster={summary.cluster} tick={tick} />
      </Panel>
    </Grid>
  );
}

/**
 * One card of the tab, full width unless `md` says otherwise. `noPools`: the entity has no
 * NodePools in the cluster, so the card says so instead of showing (and asking for) `children`.
 */
function Panel(props: {
  title: string;
  md?: GridSize;
  noPools?: boolean;
  children: ReactNode;
}) {
  return (
    <Grid item xs={12} md={props.md}>
      <InfoCard title={props.title}>
        {props.noPools ? (
          <Typography variant="body2" color="textSecondary">
            The entity has no NodePools in this cluster.
          </Typography>
        ) : (
          props.children
        )}
      </InfoCard>
    </Grid>
  );
}
