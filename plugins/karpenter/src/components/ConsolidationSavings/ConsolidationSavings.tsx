import { ConsolidationSavings as Savings } from '@karpenter-backstage/plugin-karpenter-common';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { formatHourlyCost, nodesText } from '../../format';

/**
 * "Consolidation in 24 h saved $0.42/h: 3 nodes (1 replaced by a cheaper one, 2 removed)", or
 * "No consolidation in 24 h".
 *
 * @internal
 */
export function consolidationSavingsText(
  savings: Savings,
  window: string,
): string {
  if (savings.consolidated === 0) return `No consolidation in ${window}`;
  const estimated = savings.fromKarpenter + savings.fromPrices;
  if (estimated === 0)
    return `Consolidation in ${window}: ${nodesText(
      savings.consolidated,
    )}, no estimate of what it saved`;
  const amount =
    savings.hourly >= 0
      ? `saved ${formatHourlyCost(savings.hourly)}`
      : `added ${formatHourlyCost(-savings.hourly)}`;
  const parts: string[] = [];
  if (savings.fromKarpenter > 0)
    parts.push(`${savings.fromKarpenter} replaced by a cheaper one`);
  if (savings.fromPrices > 0) parts.push(`${savings.fromPrices} removed`);
  if (savings.unestimated > 0)
    parts.push(`${savings.unestimated} without an estimate`);
  return `Consolidation in ${window} ${amount}: ${nodesText(
    savings.consolidated,
  )} (${parts.join(', ')})`;
}

const EXPLANATION =
  'How much lower the hourly cost is because of the consolidations in the window: for a node ' +
  "replaced by a cheaper one, Karpenter's own estimate (its ConsolidationCandidate event: the " +
  'old price minus the replacement\u2019s); for a node removed without replacement, its price. ' +
  'After the discount, at list prices.';

/**
 * What consolidation took off the hourly cost in a window, next to the cost trend.
 *
 * @internal
 */
export function ConsolidationSavings(props: {
  savings: Savings;
  window: string;
}) {
  return (
    <Tooltip title={EXPLANATION}>
      <Typography variant="body2" data-testid="consolidation-savings">
        {consolidationSavingsText(props.savings, props.window)}
      </Typography>
    </Tooltip>
  );
}
