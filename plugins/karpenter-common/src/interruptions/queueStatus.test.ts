import { assessQueueBacklog, queueBacklog } from './queueStatus';

const now = Date.parse('2026-11-24T12:00:00Z');
const sample = (
  secondsAgo: number,
  visible: number,
  notVisible = 0,
  delayed = 0,
) => ({
  time: new Date(now - secondsAgo * 1000).toISOString(),
  visible,
  notVisible,
  delayed,
});

describe('assessQueueBacklog', () => {
  it('is unknown without samples', () => {
    expect(assessQueueBacklog([], now).state).toBe('unknown');
  });

  it('is ok when the latest sample is drained, whatever came before', () => {
    const result = assessQueueBacklog(
      [sample(600, 5), sample(300, 7), sample(10, 0)],
      now,
    );
    expect(result).toMatchObject({ state: 'ok', message: 'Queue is drained' });
    expect(result.backlogSince).toBeUndefined();
  });

  it('is ok while a backlog is younger than the window', () => {
    const result = assessQueueBacklog(
      [sample(200, 0), sample(60, 3), sample(5, 2)],
      now,
    );
    expect(result.state).toBe('ok');
    expect(result.backlogSince).toBe(sample(60, 0).time);
  });

  it('is falling-behind when every sample of the window has a backlog', () => {
    const result = assessQueueBacklog(
      [sample(400, 0), sample(150, 1), sample(60, 0, 2), sample(5, 0, 0, 4)],
      now,
    );
    expect(result.state).toBe('falling-behind');
    expect(result.backlogSince).toBe(sample(150, 0).time);
    expect(result.message).toContain('4 message(s) waiting for 150 s');
  });

  it('honours a configured window and unsorted input', () => {
    const samples = [sample(5, 1), sample(40, 1)];
    expect(assessQueueBacklog(samples, now, 30_000).state).toBe(
      'falling-behind',
    );
    expect(assessQueueBacklog(samples, now, 60_000).state).toBe('ok');
  });

  it('counts visible, in-flight and delayed messages', () => {
    expect(queueBacklog(sample(0, 1, 2, 3))).toBe(6);
  });
});
