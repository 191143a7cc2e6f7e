import {
  isInterruptionReason,
  isRecordedReason,
  RECORDED_REASONS,
} from './reasons';

describe('recorded reasons', () => {
  it('records the interruption and disruption reasons Karpenter emits', () => {
    expect(RECORDED_REASONS).toHaveLength(11);
    expect(isRecordedReason('SpotInterrupted')).toBe(true);
    expect(isRecordedReason('DisruptionBlocked')).toBe(true);
    expect(isRecordedReason('FailedScheduling')).toBe(false);
    expect(isRecordedReason(undefined)).toBe(false);
  });
  it('tells interruptions from disruptions', () => {
    expect(isInterruptionReason('InstanceStopping')).toBe(true);
    expect(isInterruptionReason('Unconsolidatable')).toBe(false);
  });
});
