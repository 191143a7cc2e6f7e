import { useApi } from '@backstage/core-plugin-api';
import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { queueBacklog } from '@karpenter-backstage/plugin-karpenter-common';
import { karpenterApiRef } from '../../api';
import { usePolledData } from '../../hooks';
import { QueueBadge } from '../QueueBadge';

const W = 720;
const H = 120;
const PAD = { left: 36, right: 8, top: 8, bottom: 20 };

/** The interruption queue's backlog (messages waiting) over the last hour. @internal */
export function QueueBacklogChart(props: { cluster: string; tick: number }) {
  const api = useApi(karpenterApiRef);
  const theme = useTheme();
  const { value, loading, error } = usePolledData(
    () =>
      api.getQueue(
        props.cluster,
        new Date(Date.now() - 3_600_000).toISOString(),
      ),
    [api, props.cluster, props.tick],
  );
  if (loading) return <Progress />;
  if (!value) {
    return (
      <Typography color="error">
        Queue status unavailable: {error?.message}
      </Typography>
    );
  }
  const samples = value.samples ?? [];
  const points = samples.map(s => ({
    t: Date.parse(s.time),
    v: queueBacklog(s),
  }));
  const t0 = points[0]?.t ?? 0;
  const t1 = Math.max(t0 + 1, points[points.length - 1]?.t ?? 1);
  const max = Math.max(1, ...points.map(p => p.v));
  const x = (t: number) =>
    PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const text = theme.palette.text.secondary;
  return (
    <Box data-testid="queue-chart">
      <QueueBadge queue={value} />
      {points.length < 2 ? (
        <Typography variant="body2" color="textSecondary">
          {value.state === 'not-configured'
            ? 'No interruption queue is configured for this cluster.'
            : 'Not enough samples yet for a chart.'}
        </Typography>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width="100%"
          role="img"
          aria-label={`Queue backlog over the last hour, now ${
            points[points.length - 1].v
          } messages`}
        >
          <text x={4} y={PAD.top + 8} fontSize={10} fill={text}>
            {max}
          </text>
          <text x={4} y={H - PAD.bottom} fontSize={10} fill={text}>
            0 msgs
          </text>
          <text x={PAD.left} y={H - 4} fontSize={10} fill={text}>
            {new Date(t0).toLocaleTimeString()}
          </text>
          <text
            x={W - PAD.right}
            y={H - 4}
            fontSize={10}
            fill={text}
            textAnchor="end"
          >
            {new Date(t1).toLocaleTimeString()}
          </text>
          <polyline
            fill="none"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            points={points.map(p => `${x(p.t)},${y(p.v)}`).join(' ')}
          />
        </svg>
      )}
    </Box>
  );
}
