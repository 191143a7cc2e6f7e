import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { WindowToggle } from '../WindowToggle';
import {
  CostHistory,
  CostPoint,
} from '@karpenter-backstage/plugin-karpenter-common';
import { useState } from 'react';
import { CostHistoryQuery, karpenterApiRef } from '../../api';
import { formatHourlyCost, unpricedText } from '../../format';
import { usePolledData } from '../../hooks';
import { ConsolidationSavings } from '../ConsolidationSavings';
import { RefreshFailed } from '../RefreshFailed';
import { CostLineChart } from './CostLineChart';

const HOUR = 3_600_000;

/** The windows the trend offers: their length, bucket width and x tick spacing. @internal */
export const COST_WINDOWS = {
  '24h': {
    hours: 24,
    bucket: '1h',
    bucketMs: HOUR,
    tickHours: 4,
    words: '24 h',
  },
  '7d': {
    hours: 7 * 24,
    bucket: '6h',
    bucketMs: 6 * HOUR,
    tickHours: 24,
    words: '7 d',
  },
} as const satisfies Record<
  string,
  {
    hours: number;
    bucket: CostHistoryQuery['bucket'];
    bucketMs: number;
    tickHours: number;
    words: string;
  }
>;
type CostWindow = keyof typeof COST_WINDOWS;

/** An answer with the range it was asked for (the answer does not repeat it). */
interface LoadedHistory {
  history: CostHistory;
  window: CostWindow;
  fromMs: number;
  toMs: number;
}

/** "Latest: $12.40/h · on-demand equivalent $20.00/h · +1 node unpriced". */
function latestText(p: CostPoint): string {
  const parts = [
    `Latest: ${formatHourlyCost(p.hourly)}`,
    `on-demand equivalent ${formatHourlyCost(p.onDemandEquivalentHourly)}`,
  ];
  if (p.unpricedNodes > 0) parts.push(unpricedText(p.unpricedNodes));
  return parts.join(' · ');
}

/** A line of the legend: a short solid or dashed stroke and its label. */
function LegendItem(props: {
  colour: string;
  dashed?: boolean;
  label: string;
}) {
  return (
    <Box display="flex" alignItems="center" style={{ gap: 4 }}>
      <svg width={20} height={8} aria-hidden>
        <line
          x1={0}
          x2={20}
          y1={4}
          y2={4}
          stroke={props.colour}
          strokeWidth={2}
          strokeDasharray={props.dashed ? '6 4' : undefined}
        />
      </svg>
      <Typography variant="caption">{props.label}</Typography>
    </Box>
  );
}

/**
 * What the cluster's NodePools of the entity cost per hour over the last 24 h (hourly buckets)
 * or 7 d (6 h buckets), from the backend's cost samples, with the on-demand equivalent as a
 * dashed line. Refreshes with the tab's tick, keeping the last answer on screen.
 *
 * @internal
 */
export function CostTrendChart(props: {
  cluster: string;
  /** The entity's NodePools in the cluster (the trend sums them); `undefined`: the whole cluster. */
  nodePools?: string[];
  tick: number;
}) {
  const api = useApi(karpenterApiRef);
  const theme = useTheme();
  const [selected, setSelected] = useState<CostWindow>('24h');
  const scopeKey = props.nodePools?.join(',');
  const { value, error, loading } = usePolledData(async () => {
    const { hours, bucket, bucketMs } = COST_WINDOWS[selected];
    // whole buckets: the range ends at the end of the current one
    const toMs = Math.ceil((Date.now() + 1) / bucketMs) * bucketMs;
    const fromMs = toMs - hours * HOUR;
    // an empty list of NodePools must not widen to the whole cluster
    const history: CostHistory =
      props.nodePools?.length === 0
        ? { cluster: props.cluster, bucketMs, nodePools: [], points: [] }
        : await api.getCostHistory(props.cluster, {
            from: new Date(fromMs).toISOString(),
            to: new Date(toMs).toISOString(),
            bucket,
            nodePool: props.nodePools,
          });
    return { history, window: selected, fromMs, toMs } satisfies LoadedHistory;
  }, [api, props.cluster, scopeKey, selected, props.tick]);

  if (loading) return <Progress />;
  if (!value) return error ? <ResponseErrorPanel error={error} /> : null;

  // the window of the answer on screen (a toggle keeps it until the new one arrives)
  const shown = COST_WINDOWS[value.window];
  const points = [...value.history.points].sort(
    (a, b) => Date.parse(a.time) - Date.parse(b.time),
  );
  const latest = points[points.length - 1];
  return (
    <Box data-testid="cost-trend">
      <WindowToggle
        windows={Object.keys(COST_WINDOWS) as CostWindow[]}
        value={selected}
        onChange={setSelected}
        label="Cost window"
      >
        {latest && (
          <Typography variant="body2" data-testid="cost-trend-latest">
            {latestText(latest)}
          </Typography>
        )}
        {latest && (
          <Box display="flex" style={{ gap: 12 }}>
            <LegendItem colour={theme.palette.primary.main} label="Cost" />
            <LegendItem
              colour={theme.palette.text.secondary}
              dashed
              label="On-demand equivalent"
            />
          </Box>
        )}
      </WindowToggle>
      <RefreshFailed error={error} testId="cost-trend-refresh-failed" />
      {latest ? (
        <CostLineChart
          points={points}
          fromMs={value.fromMs}
          toMs={value.toMs}
          bucketMs={value.history.bucketMs || shown.bucketMs}
          tickHours={shown.tickHours}
          label={`Cost per hour over ${value.window} (${points.length} bucket${
            points.length === 1 ? '' : 's'
          }), ${latestText(latest)}`}
        />
      ) : (
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="cost-trend-empty"
        >
          No cost samples yet: the backend samples every 10 minutes
        </Typography>
      )}
      {value.history.consolidation && (
        <ConsolidationSavings
          savings={value.history.consolidation}
          window={shown.words}
        />
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        Sampled list prices after the discount; mean per NodePool per bucket.
      </Typography>
    </Box>
  );
}
