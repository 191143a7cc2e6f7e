import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  InterruptionHistoryResponse,
  InterruptionRecord,
  RECORDED_REASONS,
} from '@karpenter-backstage/plugin-karpenter-common';
import { useState } from 'react';
import { karpenterApiRef } from '../../api';
import { usePolledData } from '../../hooks';
import { reasonColour, StackedBarChart } from './StackedBarChart';

/** The ranges the timeline offers. @internal */
export const RANGES = { '24h': 24, '7d': 7 * 24, '14d': 14 * 24 } as const;
type Range = keyof typeof RANGES;
const HOUR = 3_600_000;

/** Records the user fetched with "Load more" (and the ones shown above them at the time). */
interface LoadedRecords {
  filterKey: string;
  records: InterruptionRecord[];
  cursor?: string;
}

const recordKey = (r: InterruptionRecord) => `${r.eventUid}:${r.occurrence}`;

/**
 * The latest records to show: the freshly refreshed first page, then the records loaded before
 * that are not on it (by eventUid + occurrence) and still inside the range, with the cursor
 * after the last loaded page. It is the first page alone, with its own cursor, when nothing was
 * loaded, when the first page is all there is, or when it does not reach the loaded records
 * (more new records arrived than fit on it: keeping them would leave a hole).
 *
 * @internal
 */
export function mergeRecords(
  first: Pick<InterruptionHistoryResponse, 'from' | 'records' | 'nextCursor'>,
  loaded?: Pick<LoadedRecords, 'records' | 'cursor'>,
): { records: InterruptionRecord[]; cursor?: string } {
  const firstPage = { records: first.records, cursor: first.nextCursor };
  // Without a next page the first page already holds every record in the range.
  if (!loaded?.records.length || !first.nextCursor) return firstPage;
  const onFirstPage = new Set(first.records.map(recordKey));
  if (!loaded.records.some(r => onFirstPage.has(recordKey(r)))) {
    return firstPage;
  }
  const from = Date.parse(first.from);
  const older = loaded.records.filter(
    r => !onFirstPage.has(recordKey(r)) && !(Date.parse(r.time) < from),
  );
  return { records: [...first.records, ...older], cursor: loaded.cursor };
}

function Breakdown(props: { title: string; counts: Record<string, number> }) {
  const rows = Object.entries(props.counts).sort((a, b) => b[1] - a[1]);
  return (
    <Table size="small" aria-label={props.title}>
      <TableHead>
        <TableRow>
          <TableCell>{props.title}</TableCell>
          <TableCell align="right">Count</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([k, n]) => (
          <TableRow key={k}>
            <TableCell>{k}</TableCell>
            <TableCell align="right">{n}</TableCell>
          </TableRow>
        ))}
        {rows.length === 0 && (
          <TableRow>
            <TableCell colSpan={2}>—</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

/**
 * Interruptions per hour stacked by reason over 24 h / 7 d / 14 d, breakdowns by NodePool,
 * capacity type, instance type and zone, and the latest records.
 *
 * @internal
 */
export function InterruptionTimeline(props: {
  cluster: string;
  /** The entity's NodePools (every request is narrowed to them); `undefined`: the whole cluster. */
  nodePools?: string[];
  tick: number;
}) {
  const api = useApi(karpenterApiRef);
  const [range, setRange] = useState<Range>('24h');
  // The filters the records are for: what "Load more" fetched is kept across refreshes and
  // dropped only when these change.
  const scopeKey = props.nodePools?.join(',');
  const filterKey = JSON.stringify([props.cluster, scopeKey, range]);
  const [loaded, setLoaded] = useState<LoadedRecords>({
    filterKey,
    records: [],
  });
  const { value, error, loading } = usePolledData(() => {
    const to = Math.ceil((Date.now() + 1) / HOUR) * HOUR;
    return api.getInterruptions(props.cluster, {
      from: new Date(to - RANGES[range] * HOUR).toISOString(),
      to: new Date(to).toISOString(),
      bucket: '1h',
      nodePool: props.nodePools,
      limit: 20,
    });
  }, [api, props.cluster, scopeKey, range, props.tick]);

  if (loading) return <Progress />;
  if (!value) return error ? <ResponseErrorPanel error={error} /> : null;

  const present = RECORDED_REASONS.filter(r => value.totals.byReason[r]);
  const { records, cursor } = mergeRecords(
    value,
    loaded.filterKey === filterKey ? loaded : undefined,
  );
  const loadMore = async () => {
    const to = Date.parse(value.to);
    const page = await api.getInterruptions(props.cluster, {
      from: value.from,
      to: new Date(to).toISOString(),
      bucket: '1h',
      nodePool: props.nodePools,
      limit: 50,
      cursor,
    });
    // Everything shown so far plus the older page, so a refresh that pushes records off the
    // first page does not hide them.
    setLoaded({
      filterKey,
      records: [...records, ...page.records],
      cursor: page.nextCursor,
    });
  };

  return (
    <Box data-testid="interruption-timeline">
      <Box display="flex" alignItems="center" style={{ gap: 16 }} mb={1}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={range}
          onChange={(_e, r) => r && setRange(r)}
          aria-label="Time range"
        >
          {Object.keys(RANGES).map(r => (
            <ToggleButton key={r} value={r} aria-label={r}>
              {r}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Typography variant="body2">
          {value.totals.total} interruption{value.totals.total === 1 ? '' : 's'}{' '}
          in {range}
        </Typography>
      </Box>
      {value.totals.total === 0 ? (
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="no-interruptions"
        >
          No interruptions or disruptions recorded in this range.
        </Typography>
      ) : (
        <>
          <StackedBarChart
            buckets={value.buckets}
            reasons={[...present]}
            unit="hour"
          />
          <Box display="flex" flexWrap="wrap" style={{ gap: 12 }} mb={2}>
            {present.map(r => (
              <Typography variant="caption" key={r}>
                <span
                  style={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    marginRight: 4,
                    background: reasonColour([...present], r),
                  }}
                />
                {r}: {value.totals.byReason[r]}
              </Typography>
            ))}
          </Box>
          <Grid container spacing={2}>
            <Grid item xs={12} sm={6} md={3}>
              <Breakdown title="NodePool" counts={value.totals.byNodePool} />
            </Grid>
            <Grid item xs={12} sm={6} md={3}>
              <Breakdown
                title="Capacity type"
                counts={value.totals.byCapacityType}
              />
            </Grid>
            <Grid item xs={12} sm={6} md={3}>
              <Breakdown
                title="Instance type"
                counts={value.totals.byInstanceType}
              />
            </Grid>
            <Grid item xs={12} sm={6} md={3}>
              <Breakdown title="Zone" counts={value.totals.byZone} />
            </Grid>
          </Grid>
          <Typography variant="h6" component="h4" style={{ marginTop: 16 }}>
            Latest
          </Typography>
          <Table size="small" aria-label="Latest interruptions">
            <TableHead>
              <TableRow>
                <TableCell>Time</TableCell>
                <TableCell>Reason</TableCell>
                <TableCell>NodePool</TableCell>
                <TableCell>NodeClaim / Node</TableCell>
                <TableCell>Instance</TableCell>
                <TableCell>Message</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {records.map(r => (
                <TableRow
                  key={`${r.eventUid}:${r.occurrence}`}
                  data-testid="interruption-row"
                >
                  <TableCell>{new Date(r.time).toLocaleString()}</TableCell>
                  <TableCell>{r.reason}</TableCell>
                  <TableCell>{r.nodePool ?? '—'}</TableCell>
                  <TableCell>{r.nodeClaim ?? r.node ?? '—'}</TableCell>
                  <TableCell>
                    {[r.instanceType, r.capacityType, r.zone]
                      .filter(Boolean)
                      .join(' · ') || '—'}
                  </TableCell>
                  <TableCell>{r.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {cursor && (
            <Button size="small" onClick={loadMore}>
              Load more
            </Button>
          )}
        </>
      )}
    </Box>
  );
}
