import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableFooter from '@material-ui/core/TableFooter';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  Cost,
  NodePoolInfo,
} from '@karpenter-backstage/plugin-karpenter-common';
import { formatHourlyCost, formatPercent } from '../../format';
import { CostSummary } from '../CostSummary';
import { CostBreakdownRow, costBreakdown } from './breakdown';

function hourlyText(row: Pick<CostBreakdownRow, 'hourly' | 'unpricedNodes'>) {
  if (row.hourly === undefined) return 'unpriced';
  const cost = formatHourlyCost(row.hourly);
  return row.unpricedNodes > 0
    ? `${cost} (+${row.unpricedNodes} unpriced)`
    : cost;
}

/**
 * What a cluster's NodePools of the entity cost, by instance type and capacity type: nodes, $/h
 * and share of the priced cost (unpriced nodes are said, never counted as free). `total`: the
 * cluster's cost from the backend, shown above (with its stale and unavailable states). Nothing
 * when no NodePool has a cost (the backend computes none).
 *
 * @internal
 */
export function CostBreakdown(props: { pools: NodePoolInfo[]; total?: Cost }) {
  const { pools, total } = props;
  if (!pools.some(p => p.cost)) {
    return null;
  }
  const { rows, total: sum } = costBreakdown(pools);
  const share = (hourly?: number) =>
    hourly === undefined || !(sum.hourly > 0)
      ? '—'
      : formatPercent(hourly / sum.hourly);
  return (
    <Box>
      {total && (
        <Box mb={1}>
          <CostSummary cost={total} label="Total: " variant="body2" detailed />
        </Box>
      )}
      {rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No running nodes.
        </Typography>
      ) : (
        <Table size="small" aria-label="Cost by instance type">
          <TableHead>
            <TableRow>
              <TableCell>Instance type</TableCell>
              <TableCell>Capacity type</TableCell>
              <TableCell align="right">Nodes</TableCell>
              <TableCell align="right">Cost</TableCell>
              <TableCell align="right">Share</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
              <TableRow key={`${row.instanceType}:${row.capacityType}`}>
                <TableCell>{row.instanceType}</TableCell>
                <TableCell>{row.capacityType}</TableCell>
                <TableCell align="right">{row.nodes}</TableCell>
                <TableCell align="right">{hourlyText(row)}</TableCell>
                <TableCell align="right">{share(row.hourly)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow data-testid="cost-breakdown-total">
              <TableCell colSpan={2}>Total</TableCell>
              <TableCell align="right">{sum.nodes}</TableCell>
              <TableCell align="right">
                {sum.nodes === sum.unpricedNodes ? 'unpriced' : hourlyText(sum)}
              </TableCell>
              <TableCell align="right">
                {sum.hourly > 0 ? '100 %' : '—'}
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        AWS list prices per hour (USD) of the running nodes, after the
        configured discount; share of the priced cost. Savings Plans and
        Reserved Instances are not modelled.
      </Typography>
    </Box>
  );
}
