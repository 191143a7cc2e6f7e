import { ClusterSummary } from '@karpenter-backstage/plugin-karpenter-common';
import Alert from '@material-ui/lab/Alert';
import { staleText } from './freshness';

/**
 * Inline error of one cluster; the other clusters are still shown. A stale cluster (its last
 * known state is still shown) gets a warning with the data's time and the reason instead; a
 * cluster the user's permission denies (`FORBIDDEN` with `permission`) says so, without alarm.
 *
 * @internal
 */
export function ClusterErrorPanel(props: {
  summary: Pick<ClusterSummary, 'cluster' | 'error' | 'stale' | 'updatedAt'>;
}) {
  const { summary } = props;
  if (!summary.error) return null;
  if (summary.stale) {
    return (
      <Alert
        severity="warning"
        data-testid={`cluster-stale-${summary.cluster}`}
      >
        {staleText(summary as ClusterSummary)}: {summary.error.message}. The
        NodePools below are the last known state.
      </Alert>
    );
  }
  if (summary.error.code === 'FORBIDDEN' && summary.error.permission) {
    // the Backstage permission denied this user the cluster: nothing is broken
    return (
      <Alert
        severity="info"
        data-testid={`cluster-forbidden-${summary.cluster}`}
      >
        You do not have access to cluster <strong>{summary.cluster}</strong> (
        {summary.error.permission}).
      </Alert>
    );
  }
  return (
    <Alert severity="error" data-testid={`cluster-error-${summary.cluster}`}>
      Cluster <strong>{summary.cluster}</strong> could not be read (
      {summary.error.code}): {summary.error.message}
    </Alert>
  );
}
