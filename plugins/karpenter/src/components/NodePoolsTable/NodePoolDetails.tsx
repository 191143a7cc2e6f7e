import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  ConditionInfo,
  NodeClassInfo,
  NodePoolInfo,
} from '@karpenter-backstage/plugin-karpenter-common';
import { formatBytes, formatCores } from '../../format';

/** Conditions as a list with status words and reasons. @internal */
export function ConditionList(props: { conditions: ConditionInfo[] }) {
  if (!props.conditions.length) {
    return <Typography variant="body2">No conditions reported.</Typography>;
  }
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {props.conditions.map(c => (
        <li key={c.type}>
          <Typography variant="body2" component="span">
            <strong>{c.type}</strong>: {c.status}
            {c.reason ? ` (${c.reason})` : ''}
            {c.message ? ` — ${c.message}` : ''}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box mb={1}>
      <Typography variant="overline" component="h4">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/** Details of a NodePool: requirements, limits, disruption, conditions, its EC2NodeClass. @internal */
export function NodePoolDetails(props: {
  pool: NodePoolInfo;
  nodeClass?: NodeClassInfo;
}) {
  const { pool, nodeClass } = props;
  const { cpu, memory } = pool.usage;
  return (
    <Grid container spacing={2} data-testid={`nodepool-details-${pool.name}`}>
      <Grid item xs={12} md={6}>
        <Section title="Requirements">
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {pool.requirements.map(r => (
              <li key={`${r.key}:${r.operator}`}>
                <code>
                  {r.key} {r.operator} {(r.values ?? []).join(', ')}
                  {r.minValues ? ` (minValues ${r.minValues})` : ''}
                </code>
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Limits">
          <Typography variant="body2">
            CPU:{' '}
            {cpu.limit !== undefined
              ? `${formatCores(cpu.limit)} cores`
              : 'none'}
            ; memory:{' '}
            {memory.limit !== undefined ? formatBytes(memory.limit) : 'none'}
            {pool.weight !== undefined ? `; weight ${pool.weight}` : ''}
            {pool.expireAfter ? `; expireAfter ${pool.expireAfter}` : ''}
          </Typography>
        </Section>
        {pool.taints.length > 0 && (
          <Section title="Taints">
            <Typography variant="body2">
              {pool.taints
                .map(t => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`)
                .join(', ')}
            </Typography>
          </Section>
        )}
        <Section title="Disruption">
          <Typography variant="body2">
            {pool.disruption.consolidationPolicy ?? 'default policy'}
            {pool.disruption.consolidateAfter
              ? `, consolidateAfter ${pool.disruption.consolidateAfter}`
              : ''}
          </Typography>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {pool.disruption.budgets.map((b, i) => (
              <li key={i}>
                <Typography variant="body2" component="span">
                  nodes {b.nodes}
                  {b.reasons?.length ? ` for ${b.reasons.join(', ')}` : ''}
                  {b.schedule
                    ? ` during "${b.schedule}" for ${b.duration}`
                    : ''}{' '}
                  —{' '}
                  {b.active
                    ? `allows ${b.allowedDisruptions} now`
                    : 'not in effect now'}
                </Typography>
              </li>
            ))}
          </ul>
        </Section>
      </Grid>
      <Grid item xs={12} md={6}>
        <Section title="Conditions">
          <ConditionList conditions={pool.conditions} />
        </Section>
        <Section title={`EC2NodeClass ${pool.nodeClass?.name ?? ''}`}>
          {nodeClass ? (
            <Typography variant="body2">
              {nodeClass.ready ? 'Ready' : 'Not ready'}; role{' '}
              {nodeClass.role ?? '—'}; {nodeClass.subnets.length} subnets,{' '}
              {nodeClass.securityGroups.length} security groups,{' '}
              {nodeClass.amis.length} AMIs
            </Typography>
          ) : (
            <Typography variant="body2">Not loaded.</Typography>
          )}
        </Section>
      </Grid>
    </Grid>
  );
}
