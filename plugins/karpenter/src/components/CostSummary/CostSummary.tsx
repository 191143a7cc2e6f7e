import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import { Cost } from '@karpenter-backstage/plugin-karpenter-common';
import {
  costText,
  costUnavailable,
  formatAge,
  formatHourlyCost,
  formatPercent,
  nodesText,
  shownSavings,
  unpricedText,
} from '../../format';

const useStyles = makeStyles(theme => ({
  stale: { color: theme.palette.warning.main },
  icon: { fontSize: '1em', verticalAlign: 'text-bottom', marginRight: 2 },
  lines: { margin: 0, paddingLeft: theme.spacing(2) },
}));

/** "prices from 2d ago" (the age like kubectl), for stale prices. @internal */
export function staleText(cost: Cost, nowMs = Date.now()): string {
  return cost.pricesAsOf
    ? `prices from ${formatAge(cost.pricesAsOf, nowMs)} ago`
    : 'prices stale';
}

/** What a cost means, sentence by sentence, for the tooltip. @internal */
export function costExplanation(cost: Cost): string[] {
  const lines: string[] = [];
  if (cost.unavailable) {
    lines.push(
      `No price is known for ${nodesText(cost.unpricedNodes)}: ${
        cost.unavailable.message
      } (${cost.unavailable.code}).`,
    );
  }
  if (!costUnavailable(cost)) {
    lines.push(
      `${formatHourlyCost(cost.hourly)}: what the ${nodesText(
        cost.pricedNodes,
      )} with a known price cost per hour at AWS list prices (USD), after the configured discount.`,
    );
    const savings = shownSavings(cost);
    lines.push(
      `At on-demand prices: ${formatHourlyCost(cost.onDemandEquivalentHourly)}${
        savings === undefined
          ? '.'
          : ` — spot saves ${formatPercent(savings)} (1 − cost / on-demand).`
      }`,
    );
  }
  if (cost.unpricedNodes > 0 && !cost.unavailable) {
    lines.push(
      `${nodesText(
        cost.unpricedNodes,
      )} without a known price (instance type, capacity type or zone not priced): not included, never counted as free.`,
    );
  }
  if (cost.pricesAsOf) {
    lines.push(
      `Oldest price fetched ${new Date(cost.pricesAsOf).toLocaleString()}.`,
    );
  }
  if (cost.dataStale) {
    lines.push(
      'Computed from the last known NodeClaims of a cluster whose data is stale: what ran then, not necessarily what runs now.',
    );
  }
  if (cost.pricesStale) {
    lines.push(
      'Some prices are older than the backend allows (karpenter.cost.staleAfter, 24 h by default): refreshing them is failing, the last known prices are used.',
    );
  }
  lines.push('Savings Plans and Reserved Instances are not modelled.');
  return lines;
}

/**
 * A cost in one line: "$12.40/h · 61 % saved by spot", "+2 nodes unpriced" when some nodes have
 * no known price, a warning "last known" when the cluster's data is stale, "prices from 2d ago" when
 * the prices are stale, "Cost unavailable"
 * when no price is known (with the reason if `detailed`, else on hover); what it means on hover.
 * Nothing without a cost (the backend computes none). `label` goes before a number ("Cost: "),
 * not before "Cost unavailable".
 *
 * @internal
 */
export function CostSummary(props: {
  cost?: Cost;
  label?: string;
  detailed?: boolean;
  variant?: 'caption' | 'body2';
}) {
  const { cost, label = '', detailed = false, variant = 'caption' } = props;
  const classes = useStyles();
  if (!cost) {
    return null;
  }
  const unavailable = costUnavailable(cost);
  const reason =
    unavailable && detailed && cost.unavailable
      ? ` — ${cost.unavailable.message}`
      : '';
  return (
    <Tooltip
      title={
        <ul className={classes.lines}>
          {costExplanation(cost).map(line => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      }
    >
      <Typography
        variant={variant}
        color="textSecondary"
        component="span"
        data-testid="cost"
      >
        {unavailable ? '' : label}
        {costText(cost)}
        {reason}
        {!unavailable && cost.unpricedNodes > 0 && (
          <> · {unpricedText(cost.unpricedNodes)}</>
        )}
        {cost.dataStale && (
          <span className={classes.stale} data-testid="cost-data-stale">
            {' · '}
            <WarningIcon className={classes.icon} />
            last known
          </span>
        )}
        {cost.pricesStale && (
          <span className={classes.stale} data-testid="cost-stale">
            {' · '}
            <WarningIcon className={classes.icon} />
            {staleText(cost)}
          </span>
        )}
      </Typography>
    </Tooltip>
  );
}
