import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { WindowToggle } from '../WindowToggle';
import {
  disruptedText,
  InterruptionHistoryResponse,
  InterruptionNotice,
  interruptedText,
  NodeClaimCounts,
  rebalanceText,
} from '@karpenter-backstage/plugin-karpenter-common';
import { useState } from 'react';
import { karpenterApiRef } from '../../api';
import { usePolledData } from '../../hooks';
import { Breakdown } from './Breakdown';
import { LatestNotices, noticeKey } from './LatestNotices';
import { LoadedRows, mergeRows } from './mergeRows';
import { ChartSeries, seriesColour, StackedBarChart } from './StackedBarChart';

/** The ranges the timeline offers. @internal */
export const RANGES = { '24h': 24, '7d': 7 * 24, '14d': 14 * 24 } as const;
type Range = keyof typeof RANGES;
const HOUR = 3_600_000;

/** The series of the timeline, each a count of distinct NodeClaims. @internal */
export const SERIES: ReadonlyArray<{
  key: keyof NodeClaimCounts;
  label: string;
}> = [
  { key: 'interrupted', label: 'Interruptions' },
  { key: 'rebalanceRecommended', label: 'Rebalance warnings' },
  { key: 'disrupted', label: 'Disruptions' },
];
const SERIES_KEYS = SERIES.map(s => s.key);

/**
 * The tables under the chart: the interrupted NodeClaims by where they ran (a quarter of the
 * width each on wide screens), then the NodeClaims by event reason and by disruption reason.
 */
const BREAKDOWNS: ReadonlyArray<{
  title: string;
  unit: string;
  counts: (
    totals: InterruptionHistoryResponse['totals'],
  ) => Record<string, number>;
  md?: 3;
}> = [
  { title: 'NodePool', unit: 'Nodes', counts: t => t.byNodePool, md: 3 },
  {
    title: 'Capacity type',
    unit: 'Nodes',
    counts: t => t.byCapacityType,
    md: 3,
  },
  {
    title: 'Instance type',
    unit: 'Nodes',
    counts: t => t.byInstanceType,
    md: 3,
  },
  { title: 'Zone', unit: 'Nodes', counts: t => t.byZone, md: 3 },
  {
    title: 'Reason',
    unit: 'NodeClaims',
    counts: t => t.byReason as Record<string, number>,
  },
  {
    title: 'Disruption reason',
    unit: 'NodeClaims',
    counts: t => t.disruptionsByReason,
  },
];

/**
 * The rows of the "Latest" list to show: see {@link mergeRows}.
 *
 * @internal
 */
export function mergeNotices(
  first: Pick<
    InterruptionHistoryResponse,
    'from' | 'notices' | 'nextNoticeCursor'
  >,
  loaded?: Pick<LoadedRows<InterruptionNotice>, 'rows' | 'cursor'>,
) {
  return mergeRows(
    { from: first.from, rows: first.notices, cursor: first.nextNoticeCursor },
    loaded,
    noticeKey,
    n => n.lastTime,
  );
}

/** "2 nodes interrupted · 1 rebalance warning · 1 replaced by Karpenter (consolidation)". */
function summaryText(totals: InterruptionHistoryResponse['totals']) {
  const { nodeClaims } = totals;
  const parts = [interruptedText(nodeClaims.interrupted)];
  if (nodeClaims.rebalanceRecommended)
    parts.push(rebalanceText(nodeClaims.rebalanceRecommended));
  if (nodeClaims.disrupted)
    parts.push(disruptedText(nodeClaims.disrupted, totals.disruptionsByReason));
  return parts.join(' · ');
}

/**
 * Interrupted NodeClaims, rebalance warnings and disruptions per hour over 24 h / 7 d / 14 d
 * (series you can toggle), breakdowns of the interrupted NodeClaims by NodePool, capacity type,
 * instance type and zone, and the latest rows per NodeClaim and notice.
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
  const [visible, setVisible] = useState<string[]>(SERIES_KEYS);
  // The filters the rows are for: what "Load more" fetched is kept across refreshes and
  // dropped only when these change.
  const scopeKey = props.nodePools?.join(',');
  const filterKey = JSON.stringify([props.cluster, scopeKey, range]);
  const [loaded, setLoaded] = useState<LoadedRows<InterruptionNotice>>({
    filterKey,
    rows: [],
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

  const { totals } = value;
  const { rows, cursor } = mergeNotices(
    value,
    loaded.filterKey === filterKey ? loaded : undefined,
  );
  const loadMore = async () => {
    const page = await api.getInterruptions(props.cluster, {
      from: value.from,
      to: value.to,
      bucket: '1h',
      nodePool: props.nodePools,
      limit: 50,
      noticeCursor: cursor,
    });
    // Everything shown so far plus the older page, so a refresh that pushes rows off the
    // first page does not hide them.
    setLoaded({
      filterKey,
      rows: [...rows, ...page.notices],
      cursor: page.nextNoticeCursor,
    });
  };
  const series: ChartSeries[] = SERIES.filter(s => visible.includes(s.key)).map(
    s => ({
      key: s.key,
      label: s.label,
      colour: seriesColour(SERIES_KEYS, s.key),
      value: b => b.nodeClaims[s.key],
    }),
  );

  return (
    <Box data-testid="interruption-timeline">
      <WindowToggle
        windows={Object.keys(RANGES) as Range[]}
        value={range}
        onChange={setRange}
        label="Time range"
      >
        <Typography variant="body2" data-testid="interruption-summary">
          {summaryText(totals)} in {range}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          from {totals.events} Kubernetes event{totals.events === 1 ? '' : 's'}
        </Typography>
      </WindowToggle>
      {totals.events === 0 ? (
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="no-interruptions"
        >
          No interruptions or disruptions recorded in this range.
        </Typography>
      ) : (
        <>
          <ToggleButtonGroup
            size="small"
            value={visible}
            onChange={(_e, keys: string[]) => setVisible(keys)}
            aria-label="Series"
          >
            {SERIES.map(s => (
              <ToggleButton key={s.key} value={s.key} aria-label={s.label}>
                <span
                  style={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    marginRight: 4,
                    background: seriesColour(SERIES_KEYS, s.key),
                  }}
                />
                {s.label}: {totals.nodeClaims[s.key]}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <StackedBarChart
            buckets={value.buckets}
            series={series}
            unit="hour"
          />
          <Typography variant="subtitle2" component="h4">
            Interrupted NodeClaims
          </Typography>
          <Grid container spacing={2}>
            {BREAKDOWNS.map(b => (
              <Grid item xs={12} sm={6} md={b.md} key={b.title}>
                <Breakdown
                  title={b.title}
                  unit={b.unit}
                  counts={b.counts(totals)}
                />
              </Grid>
            ))}
          </Grid>
          <Typography variant="h6" component="h4" style={{ marginTop: 16 }}>
            Latest
          </Typography>
          <LatestNotices notices={rows} />
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
