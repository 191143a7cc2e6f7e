import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import HelpIcon from '@material-ui/icons/Help';
import WarningIcon from '@material-ui/icons/Warning';
import {
  HealthReason,
  HealthStatus,
} from '@karpenter-backstage/plugin-karpenter-common';

const LABELS: Record<HealthStatus, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  unhealthy: 'Unhealthy',
  unknown: 'Unknown',
};

const ICONS: Record<HealthStatus, JSX.Element> = {
  healthy: <CheckCircleIcon fontSize="small" />,
  degraded: <WarningIcon fontSize="small" />,
  unhealthy: <ErrorIcon fontSize="small" />,
  unknown: <HelpIcon fontSize="small" />,
};

const useStyles = makeStyles(theme => ({
  healthy: {
    color: theme.palette.success.main,
    borderColor: theme.palette.success.main,
  },
  degraded: {
    color: theme.palette.warning.main,
    borderColor: theme.palette.warning.main,
  },
  unhealthy: {
    color: theme.palette.error.main,
    borderColor: theme.palette.error.main,
  },
  unknown: {
    color: theme.palette.text.secondary,
    borderColor: theme.palette.text.secondary,
  },
  icon: { color: 'inherit' },
  reasons: { margin: 0, paddingLeft: theme.spacing(2) },
}));

/** Text of the reasons, for tooltips and screen readers. @internal */
export function reasonsText(reasons: HealthReason[]): string {
  return reasons.map(r => r.message).join('; ');
}

/**
 * Health status as an outlined chip: icon + word (colour is never the only carrier), reasons on
 * hover.
 *
 * @internal
 */
export function HealthChip(props: {
  status: HealthStatus;
  reasons?: HealthReason[];
}) {
  const { status, reasons = [] } = props;
  const classes = useStyles();
  const chip = (
    <Chip
      size="small"
      variant="outlined"
      className={classes[status]}
      icon={<span className={classes.icon}>{ICONS[status]}</span>}
      label={LABELS[status]}
      aria-label={`${LABELS[status]}${
        reasons.length ? `: ${reasonsText(reasons)}` : ''
      }`}
      data-testid={`health-${status}`}
    />
  );
  if (!reasons.length) {
    return chip;
  }
  return (
    <Tooltip
      title={
        <ul className={classes.reasons}>
          {reasons.map(r => (
            <li key={`${r.code}:${r.message}`}>{r.message}</li>
          ))}
        </ul>
      }
    >
      {chip}
    </Tooltip>
  );
}
