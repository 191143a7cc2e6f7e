import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { NodeClassInfo } from '@karpenter-backstage/plugin-karpenter-common';
import { RefreshFailed } from '../RefreshFailed';
import { HealthChip } from '../HealthChip';
import { ConditionList } from '../NodePoolsTable';

/** What a selector resolved to: "sg-01 (eks-node), sg-02", or "none resolved". */
function resolvedText<T extends { id: string }>(
  items: T[],
  detail: (item: T) => string | undefined,
): string {
  return (
    items
      .map(item => {
        const text = detail(item);
        return text ? `${item.id} (${text})` : item.id;
      })
      .join(', ') || 'none resolved'
  );
}

/**
 * EC2NodeClasses: readiness, subnets, security groups, AMIs, instance profile. `nodeClasses` is
 * undefined until the first answer; `loading` and `error` are those of that request (after a
 * failed refresh the last answer stays, with a note).
 *
 * @internal
 */
export function NodeClassesPanel(props: {
  nodeClasses?: NodeClassInfo[];
  loading?: boolean;
  error?: Error;
}) {
  const { nodeClasses, loading, error } = props;
  if (!nodeClasses) {
    if (error) return <ResponseErrorPanel error={error} />;
    if (loading) return <Progress aria-label="Loading EC2NodeClasses" />;
  }
  if (!nodeClasses?.length) {
    return (
      <Typography variant="body2">
        No EC2NodeClasses for these NodePools.
      </Typography>
    );
  }
  return (
    <>
      <RefreshFailed error={error} testId="nodeclasses-refresh-error" />
      <Grid container spacing={2}>
        {nodeClasses.map(nc => (
          <Grid item xs={12} md={6} key={nc.name}>
            <Card variant="outlined" data-testid={`nodeclass-${nc.name}`}>
              <CardContent>
                <Typography variant="h6" component="h4">
                  {nc.name}{' '}
                  <HealthChip
                    status={nc.health.status}
                    reasons={nc.health.reasons}
                  />
                </Typography>
                <Typography variant="body2">Role: {nc.role ?? '—'}</Typography>
                <Typography variant="body2">
                  Instance profile: {nc.instanceProfile ?? '—'}
                </Typography>
                <Typography variant="body2">
                  Subnets: {resolvedText(nc.subnets, s => s.zone)}
                </Typography>
                <Typography variant="body2">
                  Security groups:{' '}
                  {resolvedText(nc.securityGroups, g => g.name)}
                </Typography>
                <Typography variant="body2">
                  AMIs: {resolvedText(nc.amis, a => a.name)}
                </Typography>
                <ConditionList conditions={nc.conditions} />
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
    </>
  );
}
