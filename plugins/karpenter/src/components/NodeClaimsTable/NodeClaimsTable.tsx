import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { NodeClaimState } from '@karpenter-backstage/plugin-karpenter-common';
import { useState } from 'react';
import { karpenterApiRef } from '../../api';
import { formatAge, pluralNoun } from '../../format';
import {
  KARPENTER_PERFORMANCE_MARKS,
  usePerformanceMark,
  usePolledData,
} from '../../hooks';

const STATES: NodeClaimState[] = [
  'pending',
  'launched',
  'registered',
  'initialized',
  'drifted',
  'disrupting',
  'terminating',
  'failed',
];

/**
 * Rows per page: the server pages, so 5,000 NodeClaims never reach the DOM at once (50 keeps the
 * tab interactive under 500 ms at 5,000 NodeClaims — see docs/benchmarks.md). @internal
 */
export const NODECLAIM_PAGE_SIZE = 50;

/**
 * NodeClaims of a cluster, filtered by NodePool and state, paged by the backend's cursor.
 * `nodePools`: the choices of the NodePool filter; `scope`: the entity's NodePools, which every
 * request is narrowed to ("All NodePools" means all of them; `undefined`: the whole cluster).
 *
 * @internal
 */
export function NodeClaimsTable(props: {
  cluster: string;
  nodePools: string[];
  scope?: string[];
  tick: number;
}) {
  const api = useApi(karpenterApiRef);
  const [nodePool, setNodePool] = useState<string>(
    props.nodePools.length === 1 ? props.nodePools[0] : '',
  );
  const [state, setState] = useState<NodeClaimState | ''>('');
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  const cursor = cursors[cursors.length - 1];
  const { value, error, loading } = usePolledData(
    () =>
      api.getNodeClaims(props.cluster, {
        nodePool: nodePool || props.scope,
        state: state || undefined,
        limit: NODECLAIM_PAGE_SIZE,
        cursor,
      }),
    [
      api,
      props.cluster,
      props.scope?.join(','),
      nodePool,
      state,
      cursor,
      props.tick,
    ],
  );
  usePerformanceMark(KARPENTER_PERFORMANCE_MARKS.nodeClaimsRendered, !!value);
  const resetPaging = () => setCursors([undefined]);
  const now = Date.now();

  return (
    <Box>
      <Box display="flex" style={{ gap: 16 }} mb={1} alignItems="center">
        <TextField
          select
          size="small"
          id="karpenter-nodeclaim-nodepool"
          label="NodePool"
          value={nodePool}
          onChange={e => {
            setNodePool(e.target.value);
            resetPaging();
          }}
          style={{ minWidth: 180 }}
          inputProps={{ 'data-testid': 'nodeclaim-nodepool-filter' }}
        >
          <MenuItem value="">All NodePools</MenuItem>
          {props.nodePools.map(p => (
            <MenuItem key={p} value={p}>
              {p}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          id="karpenter-nodeclaim-state"
          label="State"
          value={state}
          onChange={e => {
            setState(e.target.value as NodeClaimState | '');
            resetPaging();
          }}
          style={{ minWidth: 160 }}
          inputProps={{ 'data-testid': 'nodeclaim-state-filter' }}
        >
          <MenuItem value="">All states</MenuItem>
          {STATES.map(s => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        {value && (
          <Typography variant="caption" color="textSecondary">
            {value.total} {pluralNoun(value.total, 'NodeClaim')}
          </Typography>
        )}
      </Box>
      {loading && <Progress />}
      {!value && error && <ResponseErrorPanel error={error} />}
      {value && (
        <>
          <Table size="small" aria-label="NodeClaims">
            <TableHead>
              <TableRow>
                <TableCell>NodeClaim</TableCell>
                <TableCell>NodePool</TableCell>
                <TableCell>State</TableCell>
                <TableCell>Instance type</TableCell>
                <TableCell>Capacity</TableCell>
                <TableCell>Zone</TableCell>
                <TableCell>Node</TableCell>
                <TableCell>Age</TableCell>
                <TableCell>Flags</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.items.map(c => (
                <TableRow key={c.name} data-testid="nodeclaim-row">
                  <TableCell>{c.name}</TableCell>
                  <TableCell>{c.nodePool ?? '—'}</TableCell>
                  <TableCell>{c.state}</TableCell>
                  <TableCell>{c.instanceType ?? '—'}</TableCell>
                  <TableCell>{c.capacityType ?? '—'}</TableCell>
                  <TableCell>{c.zone ?? '—'}</TableCell>
                  <TableCell>{c.nodeName ?? '—'}</TableCell>
                  <TableCell>{formatAge(c.createdAt, now)}</TableCell>
                  <TableCell>
                    {[
                      c.drifted ? 'drifted' : '',
                      c.disruptionReason
                        ? `disrupting: ${c.disruptionReason}`
                        : '',
                    ]
                      .filter(Boolean)
                      .join(', ') || '—'}
                  </TableCell>
                </TableRow>
              ))}
              {value.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={9}>
                    No NodeClaims match the filters.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
          <Box
            display="flex"
            justifyContent="flex-end"
            style={{ gap: 8 }}
            mt={1}
          >
            <Button
              size="small"
              disabled={cursors.length <= 1}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              Previous
            </Button>
            <Typography variant="caption" style={{ alignSelf: 'center' }}>
              Page {cursors.length}
            </Typography>
            <Button
              size="small"
              disabled={!value.nextCursor}
              onClick={() => setCursors([...cursors, value.nextCursor])}
            >
              Next
            </Button>
          </Box>
        </>
      )}
    </Box>
  );
}
