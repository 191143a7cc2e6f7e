import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { QueueStatus } from '@karpenter-backstage/plugin-karpenter-common';
import { queueBacklog } from '@karpenter-backstage/plugin-karpenter-common';

const WORDS: Record<QueueStatus['state'], string> = {
  ok: 'draining',
  'falling-behind': 'falling behind',
  error: 'unreadable',
  'not-configured': 'not configured',
  unknown: 'no sample yet',
};

/** One line about the interruption queue: state in words, backlog, details on hover. @internal */
export function QueueBadge(props: { queue?: QueueStatus }) {
  const { queue } = props;
  if (!queue) {
    return null;
  }
  const backlog = queue.latest ? queueBacklog(queue.latest) : undefined;
  const text = `Interruption queue: ${WORDS[queue.state]}${
    backlog !== undefined && queue.state !== 'error'
      ? ` (${backlog} waiting)`
      : ''
  }`;
  return (
    <Tooltip title={queue.message}>
      <Typography
        variant="caption"
        color={
          queue.state === 'falling-behind' || queue.state === 'error'
            ? 'error'
            : 'textSecondary'
        }
        data-testid="queue-badge"
      >
        {text}
        {queue.error ? ` — ${queue.error.code}` : ''}
      </Typography>
    </Tooltip>
  );
}
