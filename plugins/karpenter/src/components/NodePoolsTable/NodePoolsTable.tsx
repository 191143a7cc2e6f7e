import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import TextField from '@material-ui/core/TextField';
import {
  HealthStatus,
  NodeClassInfo,
  NodePoolInfo,
} from '@karpenter-backstage/plugin-karpenter-common';
import { useMemo, useState } from 'react';
import { costUnavailable } from '../../format';
import { CostSummary } from '../CostSummary';
import { nodeCountText } from '../EntityKarpenterCard/NodePoolLine';
import { HealthChip } from '../HealthChip';
import { RemediationLink } from '../RemediationLink';
import { CpuUsageBar, MemoryUsageBar } from '../UsageBar';
import { NodePoolDetails } from './NodePoolDetails';

type SortKey = 'name' | 'health' | 'nodes' | 'cost' | 'cpu' | 'memory';
const SEVERITY: Record<HealthStatus, number> = {
  unhealthy: 3,
  degraded: 2,
  unknown: 1,
  healthy: 0,
};

const sortValue: Record<SortKey, (p: NodePoolInfo) => number | string> = {
  name: p => p.name,
  health: p => SEVERITY[p.health.status],
  nodes: p => p.nodeCount,
  // by $/h; a NodePool without a known price sorts below $0.00/h
  cost: p => (p.cost && !costUnavailable(p.cost) ? p.cost.hourly : -1),
  cpu: p => p.usage.cpu.ratio ?? p.usage.cpu.used,
  memory: p => p.usage.memory.ratio ?? p.usage.memory.used,
};

/** Sorts and filters NodePools for the table. @internal */
export function sortNodePools(
  pools: NodePoolInfo[],
  key: SortKey,
  direction: 'asc' | 'desc',
  health: HealthStatus | 'all',
): NodePoolInfo[] {
  const value = sortValue[key];
  return pools
    .filter(p => health === 'all' || p.health.status === health)
    .sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      let order = 0;
      if (x < y) order = -1;
      else if (x > y) order = 1;
      // Ties are broken by name, always A→Z, whichever way the column sorts.
      if (order === 0) return a.name.localeCompare(b.name);
      return direction === 'asc' ? order : -order;
    });
}

/** NodePools per page (sorted by health, the ones needing attention come first). @internal */
export const NODEPOOL_PAGE_SIZES = [25, 50, 100];

/**
 * The NodePools of the entity in one cluster: sortable, filterable by health, paged, with details.
 * `consolidations`: NodeClaims consolidated away per NodePool (24 h), for the remediation hints.
 * @internal
 */
export function NodePoolsTable(props: {
  pools: NodePoolInfo[];
  nodeClasses?: NodeClassInfo[];
  consolidations?: Record<string, number>;
}) {
  const [key, setKey] = useState<SortKey>('health');
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [health, setHealth] = useState<HealthStatus | 'all'>('all');
  const [open, setOpen] = useState<string | undefined>();
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(NODEPOOL_PAGE_SIZES[0]);
  const sorted = useMemo(
    () => sortNodePools([...props.pools], key, direction, health),
    [props.pools, key, direction, health],
  );
  const lastPage = Math.max(0, Math.ceil(sorted.length / pageSize) - 1);
  const shownPage = Math.min(page, lastPage);
  const rows = sorted.slice(shownPage * pageSize, (shownPage + 1) * pageSize);
  // the Cost column only when the backend computes cost
  const withCost = props.pools.some(p => p.cost);
  const columns = withCost ? 7 : 6;
  const header = (k: SortKey, label: string) => (
    <TableCell sortDirection={key === k ? direction : false}>
      <TableSortLabel
        active={key === k}
        direction={key === k ? direction : 'asc'}
        onClick={() => {
          setDirection(key === k && direction === 'asc' ? 'desc' : 'asc');
          setKey(k);
        }}
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );
  return (
    <Box>
      <TextField
        select
        size="small"
        id="karpenter-nodepool-health"
        label="Health"
        value={health}
        onChange={e => {
          setHealth(e.target.value as HealthStatus | 'all');
          setPage(0);
        }}
        inputProps={{ 'data-testid': 'nodepool-health-filter' }}
        style={{ minWidth: 160, marginBottom: 8 }}
      >
        {['all', 'healthy', 'degraded', 'unhealthy', 'unknown'].map(h => (
          <MenuItem key={h} value={h}>
            {h === 'all' ? 'All' : h}
          </MenuItem>
        ))}
      </TextField>
      <Table size="small" aria-label="NodePools">
        <TableHead>
          <TableRow>
            {header('name', 'NodePool')}
            {header('health', 'Health')}
            {header('nodes', 'Nodes')}
            {withCost && header('cost', 'Cost')}
            {header('cpu', 'CPU')}
            {header('memory', 'Memory')}
            <TableCell>NodeClaims</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(pool => (
            <NodePoolRows
              key={pool.name}
              pool={pool}
              open={open === pool.name}
              onToggle={() =>
                setOpen(open === pool.name ? undefined : pool.name)
              }
              nodeClass={props.nodeClasses?.find(
                c => c.name === pool.nodeClass?.name,
              )}
              consolidations={props.consolidations?.[pool.name]}
              withCost={withCost}
              columns={columns}
            />
          ))}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns}>
                No NodePools match the filter.
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      {sorted.length > NODEPOOL_PAGE_SIZES[0] && (
        <TablePagination
          component="div"
          count={sorted.length}
          page={shownPage}
          rowsPerPage={pageSize}
          rowsPerPageOptions={NODEPOOL_PAGE_SIZES}
          onPageChange={(_, p) => setPage(p)}
          onRowsPerPageChange={e => {
            setPageSize(Number(e.target.value));
            setPage(0);
          }}
        />
      )}
    </Box>
  );
}

function NodePoolRows(props: {
  pool: NodePoolInfo;
  open: boolean;
  onToggle: () => void;
  nodeClass?: NodeClassInfo;
  consolidations?: number;
  withCost: boolean;
  columns: number;
}) {
  const { pool, open, onToggle } = props;
  const claims = Object.entries(pool.nodeClaimsByState)
    .map(([state, n]) => `${n} ${state}`)
    .join(', ');
  return (
    <>
      <TableRow
        hover
        onClick={onToggle}
        style={{ cursor: 'pointer' }}
        aria-expanded={open}
        data-testid={`nodepool-row-${pool.name}`}
      >
        <TableCell>
          <strong>{pool.name}</strong>
        </TableCell>
        <TableCell>
          <HealthChip
            status={pool.health.status}
            reasons={pool.health.reasons}
          />
          <RemediationLink pool={pool} consolidations={props.consolidations} />
        </TableCell>
        <TableCell>{nodeCountText(pool)}</TableCell>
        {props.withCost && (
          <TableCell data-testid={`nodepool-cost-${pool.name}`}>
            {pool.cost ? <CostSummary cost={pool.cost} variant="body2" /> : '—'}
          </TableCell>
        )}
        <TableCell>
          <CpuUsageBar usage={pool.usage.cpu} />
        </TableCell>
        <TableCell>
          <MemoryUsageBar usage={pool.usage.memory} />
        </TableCell>
        <TableCell>{claims || '—'}</TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={props.columns}>
            <NodePoolDetails pool={pool} nodeClass={props.nodeClass} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
