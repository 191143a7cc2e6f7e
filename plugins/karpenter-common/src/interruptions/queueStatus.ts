import { QueueSample, QueueState } from './types';

/** Default: a backlog older than 2 minutes means interruption handling is falling behind. @public */
export const DEFAULT_QUEUE_BACKLOG_WINDOW_MS = 2 * 60 * 1000;

/** Messages waiting in the queue at the time of a sample. @public */
export function queueBacklog(sample: QueueSample): number {
  return sample.visible + sample.notVisible + sample.delayed;
}

/** The state of the queue derived from its samples (no errors involved). @public */
export interface QueueBacklogAssessment {
  state: Extract<QueueState, 'ok' | 'falling-behind' | 'unknown'>;
  message: string;
  latest?: QueueSample;
  /** Time of the first sample of the current uninterrupted run of backlog above zero. */
  backlogSince?: string;
}

/**
 * Karpenter deletes every message it handles within seconds; a backlog that stays above zero for
 * longer than `windowMs` (every sample in that time above 0) means it is falling behind.
 *
 * @public
 */
export function assessQueueBacklog(
  samples: readonly QueueSample[],
  nowMs: number,
  windowMs: number = DEFAULT_QUEUE_BACKLOG_WINDOW_MS,
): QueueBacklogAssessment {
  const sorted = [...samples].sort(
    (a, b) => Date.parse(a.time) - Date.parse(b.time),
  );
  const latest = sorted[sorted.length - 1];
  if (!latest) {
    return { state: 'unknown', message: 'No queue sample yet' };
  }
  let since: QueueSample | undefined;
  for (let i = sorted.length - 1; i >= 0 && queueBacklog(sorted[i]) > 0; i--) {
    since = sorted[i];
  }
  if (!since) {
    return { state: 'ok', message: 'Queue is drained', latest };
  }
  const ageMs = nowMs - Date.parse(since.time);
  const backlog = queueBacklog(latest);
  if (ageMs >= windowMs) {
    return {
      state: 'falling-behind',
      message: `Interruption handling is falling behind: ${backlog} message(s) waiting for ${Math.round(
        ageMs / 1000,
      )} s`,
      latest,
      backlogSince: since.time,
    };
  }
  return {
    state: 'ok',
    message: `${backlog} message(s) waiting (being handled)`,
    latest,
    backlogSince: since.time,
  };
}
