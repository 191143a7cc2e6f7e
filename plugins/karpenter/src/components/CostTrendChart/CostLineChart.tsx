import { useTheme } from '@material-ui/core/styles';
import { CostPoint } from '@karpenter-backstage/plugin-karpenter-common';
import { formatHourlyCost, unpricedText } from '../../format';

const WIDTH = 720;
const HEIGHT = 180;
const PAD = { left: 72, right: 24, top: 10, bottom: 24 };
const HOUR = 3_600_000;

/** 0.37 → 0.4, 3.2 → 4, 12 → 20: a round top for the y axis (1, 2, 2.5, 4, 5 or 10 × 10ⁿ). */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 0.01;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 4, 5, 10].find(m => m * magnitude >= value) ?? 10;
  return step * magnitude;
}

/**
 * The x ticks: the local full hours in [fromMs, toMs] whose hour is a multiple of `tickHours`
 * (local midnights for 24), so the labels read as times of day or as days.
 */
export function timeTicks(
  fromMs: number,
  toMs: number,
  tickHours: number,
): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(fromMs / HOUR) * HOUR; t <= toMs; t += HOUR) {
    if (new Date(t).getHours() % tickHours === 0) ticks.push(t);
  }
  return ticks;
}

/** The runs of consecutive buckets: a missing bucket (no sample) breaks the line. */
function segments(points: CostPoint[], bucketMs: number): CostPoint[][] {
  const runs: CostPoint[][] = [];
  let previous: number | undefined;
  for (const p of points) {
    const t = Date.parse(p.time);
    if (previous === undefined || t - previous > bucketMs) runs.push([]);
    runs[runs.length - 1].push(p);
    previous = t;
  }
  return runs;
}

/** "24 Nov, 13:00: $12.40/h (on-demand equivalent $20.00/h), 12 priced nodes, +1 node unpriced". */
export function pointText(p: CostPoint): string {
  const parts = [
    `${new Date(p.time).toLocaleString([], {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })}: ${formatHourlyCost(p.hourly)} (on-demand equivalent ${formatHourlyCost(
      p.onDemandEquivalentHourly,
    )})`,
    `${p.pricedNodes} priced node${p.pricedNodes === 1 ? '' : 's'}`,
  ];
  if (p.unpricedNodes > 0) parts.push(unpricedText(p.unpricedNodes));
  return parts.join(', ');
}

/**
 * The cost per hour of each bucket over [fromMs, toMs] (x: the bucket start), as a line with
 * a light area under it, and the on-demand equivalent as a dashed line; y axis in $/h. Each
 * point has a title with its values; buckets without a sample leave a gap.
 *
 * @internal
 */
export function CostLineChart(props: {
  points: CostPoint[];
  fromMs: number;
  toMs: number;
  bucketMs: number;
  /** Hours between x ticks (24: one per day, labelled with the date). */
  tickHours: number;
  label: string;
}) {
  const { points, fromMs, toMs, bucketMs, tickHours, label } = props;
  const theme = useTheme();
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const max = niceCeiling(
    Math.max(
      0,
      ...points.map(p => Math.max(p.hourly, p.onDemandEquivalentHourly)),
    ),
  );
  const x = (time: string) =>
    PAD.left +
    ((Date.parse(time) - fromMs) / Math.max(1, toMs - fromMs)) * plotW;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const bottom = PAD.top + plotH;
  const runs = segments(points, bucketMs);
  const line = (value: (p: CostPoint) => number) =>
    runs
      .map(run =>
        run
          .map((p, i) => `${i ? 'L' : 'M'}${x(p.time)},${y(value(p))}`)
          .join(' '),
      )
      .join(' ');
  const area = runs
    .filter(run => run.length > 1)
    .map(
      run =>
        `M${x(run[0].time)},${bottom} ${run
          .map(p => `L${x(p.time)},${y(p.hourly)}`)
          .join(' ')} L${x(run[run.length - 1].time)},${bottom} Z`,
    )
    .join(' ');
  const text = theme.palette.text.secondary;
  const cost = theme.palette.primary.main;
  const yTicks = [0, max / 2, max];
  const xTicks = timeTicks(fromMs, toMs, tickHours);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={label}
      data-testid="cost-trend-chart"
    >
      {yTicks.map(v => (
        <g key={v}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(v)}
            y2={y(v)}
            stroke={theme.palette.divider}
          />
          <text
            x={PAD.left - 4}
            y={y(v) + 3}
            fontSize={10}
            fill={text}
            textAnchor="end"
            data-testid="cost-trend-y-tick"
          >
            {formatHourlyCost(v)}
          </text>
        </g>
      ))}
      {xTicks.map(t => (
        <text
          key={t}
          x={PAD.left + ((t - fromMs) / Math.max(1, toMs - fromMs)) * plotW}
          y={HEIGHT - 8}
          fontSize={10}
          fill={text}
          textAnchor="middle"
        >
          {tickHours >= 24
            ? new Date(t).toLocaleDateString([], {
                month: 'short',
                day: 'numeric',
              })
            : new Date(t).toLocaleTimeString([], {
                hour: '2-digit',
                minute: '2-digit',
              })}
        </text>
      ))}
      {area && <path d={area} fill={cost} fillOpacity={0.12} stroke="none" />}
      <path
        d={line(p => p.onDemandEquivalentHourly)}
        fill="none"
        stroke={text}
        strokeWidth={1.5}
        strokeDasharray="6 4"
        data-testid="cost-trend-on-demand"
      />
      <path
        d={line(p => p.hourly)}
        fill="none"
        stroke={cost}
        strokeWidth={2}
        data-testid="cost-trend-hourly"
      />
      {points.map(p => (
        <g key={p.time} data-testid="cost-trend-point">
          <title>{pointText(p)}</title>
          <circle cx={x(p.time)} cy={y(p.hourly)} r={3} fill={cost} />
          <circle
            cx={x(p.time)}
            cy={y(p.hourly)}
            r={8}
            fill="transparent"
            stroke="none"
          />
        </g>
      ))}
    </svg>
  );
}
