import { useTheme } from '@material-ui/core/styles';
import { InterruptionBucket } from '@karpenter-backstage/plugin-karpenter-common';

const PALETTE = [
  '#d32f2f',
  '#f57c00',
  '#fbc02d',
  '#7b1fa2',
  '#1976d2',
  '#0097a7',
  '#388e3c',
  '#5d4037',
  '#455a64',
  '#c2185b',
];

/** A stable colour per series. @internal */
export function seriesColour(keys: string[], key: string): string {
  const i = keys.indexOf(key);
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length];
}

/** One stacked series: its key, label and value per bucket. @internal */
export interface ChartSeries {
  key: string;
  label: string;
  colour: string;
  value: (bucket: InterruptionBucket) => number;
}

const WIDTH = 720;
const HEIGHT = 180;
const PAD = { left: 36, right: 8, top: 8, bottom: 28 };

/**
 * Counts per bucket stacked by series (interrupted NodeClaims, rebalance warnings, disruptions),
 * with a labelled y axis (count per bucket) and time ticks. The legend and the totals table
 * carry the same numbers in text.
 *
 * @internal
 */
export function StackedBarChart(props: {
  buckets: InterruptionBucket[];
  series: ChartSeries[];
  unit: string;
}) {
  const { buckets, series, unit } = props;
  const theme = useTheme();
  const sum = (b: InterruptionBucket) =>
    series.reduce((n, s) => n + s.value(b), 0);
  const max = Math.max(1, ...buckets.map(sum));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const bw = buckets.length ? plotW / buckets.length : plotW;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const tickEvery = Math.max(1, Math.ceil(buckets.length / 8));
  const total = buckets.reduce((n, b) => n + sum(b), 0);
  const text = theme.palette.text.secondary;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={`NodeClaims per ${unit} (${series
        .map(s => s.label)
        .join(', ')}): ${total} in total`}
      data-testid="interruption-chart"
    >
      <text x={4} y={PAD.top + 8} fontSize={10} fill={text}>
        {max}
      </text>
      <text x={4} y={PAD.top + plotH} fontSize={10} fill={text}>
        0
      </text>
      <text
        x={10}
        y={PAD.top + plotH / 2}
        fontSize={10}
        fill={text}
        transform={`rotate(-90 10 ${PAD.top + plotH / 2})`}
        textAnchor="middle"
      >
        per {unit}
      </text>
      <line
        x1={PAD.left}
        x2={WIDTH - PAD.right}
        y1={PAD.top + plotH}
        y2={PAD.top + plotH}
        stroke={theme.palette.divider}
      />
      {buckets.map((b, i) => {
        let acc = 0;
        const x = PAD.left + i * bw;
        return (
          <g key={b.start}>
            <title>{`${new Date(b.start).toLocaleString()}: ${series
              .map(s => `${s.label} ${s.value(b)}`)
              .join(', ')}`}</title>
            {series.map(s => {
              const n = s.value(b);
              if (!n) return null;
              const top = y(acc + n);
              const h = y(acc) - top;
              acc += n;
              return (
                <rect
                  key={s.key}
                  x={x + 0.5}
                  y={top}
                  width={Math.max(1, bw - 1)}
                  height={h}
                  fill={s.colour}
                />
              );
            })}
            {i % tickEvery === 0 && (
              <text x={x} y={HEIGHT - 10} fontSize={10} fill={text}>
                {new Date(b.start).toLocaleString([], {
                  month: buckets.length > 48 ? 'short' : undefined,
                  day: buckets.length > 48 ? 'numeric' : undefined,
                  hour: '2-digit',
                  minute: '2-digit',
                })}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
