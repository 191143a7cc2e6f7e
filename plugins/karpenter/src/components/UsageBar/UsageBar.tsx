import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ResourceUsage } from '@karpenter-backstage/plugin-karpenter-common';
import { formatBytes, formatCores, formatPercent } from '../../format';

const useStyles = makeStyles(theme => ({
  ok: { backgroundColor: theme.palette.success.main },
  near: { backgroundColor: theme.palette.warning.main },
  full: { backgroundColor: theme.palette.error.main },
  bar: { height: 6, borderRadius: 3 },
}));

/**
 * Usage against a limit: "cpu 93 / 100 cores (93 %)" with a bar; without a limit, just the usage.
 *
 * @internal
 */
export function UsageBar(props: {
  label: string;
  usage: ResourceUsage;
  format: (value: number) => string;
  unit?: string;
}) {
  const { label, usage, format, unit } = props;
  const classes = useStyles();
  const suffix = unit ? ` ${unit}` : '';
  const ratio = usage.limit
    ? usage.ratio ?? usage.used / usage.limit
    : undefined;
  let tone = classes.ok;
  if (ratio !== undefined && ratio >= 1) tone = classes.full;
  else if (ratio !== undefined && ratio >= 0.9) tone = classes.near;
  const text =
    usage.limit !== undefined
      ? `${format(usage.used)} / ${format(
          usage.limit,
        )}${suffix} (${formatPercent(ratio ?? 0)})`
      : `${format(usage.used)}${suffix} (no limit)`;
  return (
    <Box minWidth={140}>
      <Typography variant="caption" component="div">
        {label}: {text}
      </Typography>
      {ratio !== undefined && (
        <LinearProgress
          variant="determinate"
          value={Math.min(100, ratio * 100)}
          classes={{ root: classes.bar, bar: tone }}
          aria-label={`${label} usage ${text}`}
        />
      )}
    </Box>
  );
}

/** A NodePool's CPU against its limit, in cores, as the card and the table show it. @internal */
export function CpuUsageBar(props: { usage: ResourceUsage }) {
  return (
    <UsageBar
      label="CPU"
      usage={props.usage}
      format={formatCores}
      unit="cores"
    />
  );
}

/** A NodePool's memory against its limit, in binary units, as the card and the table show it. @internal */
export function MemoryUsageBar(props: { usage: ResourceUsage }) {
  return <UsageBar label="Memory" usage={props.usage} format={formatBytes} />;
}
