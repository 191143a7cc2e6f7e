import { useTheme } from '@material-ui/core/styles';
import { InterruptionBucket } from '@karpenter-backstage/plugin-karpenter-common';

/**
 * A small bar chart of hourly counts of interrupted NodeClaims (by the hour of their first
 * notice, oldest left). The label states the total, so the chart is not the only carrier of the
 * number.
 *
 * @internal
 */
export function Sparkline(props: {
  buckets: InterruptionBucket[];
  width?: number;
  height?: number;
  label: string;
}) {
  const { buckets, width = 96, height = 20, label } = props;
  const theme = useTheme();
  const value = (b: InterruptionBucket) => b.nodeClaims.interrupted;
  const max = Math.max(1, ...buckets.map(value));
  const barWidth = buckets.length ? width / buckets.length : width;
  return (
    <svg width={width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      <line
        x1={0}
        y1={height - 0.5}
        x2={width}
        y2={height - 0.5}
        stroke={theme.palette.divider}
      />
      {buckets.map((b, i) => {
        const n = value(b);
        const h = n ? Math.max(2, (n / max) * (height - 2)) : 0;
        return (
          <rect
            key={b.start}
            x={i * barWidth + 0.5}
            y={height - h}
            width={Math.max(1, barWidth - 1)}
            height={h}
            fill={theme.palette.warning.main}
          >
            <title>{`${new Date(b.start).toLocaleString()}: ${n}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
