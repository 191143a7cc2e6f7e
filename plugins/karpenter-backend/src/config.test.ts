import { ConfigReader } from '@backstage/config';
import {
  readClusterRefreshMs,
  readDurationMs,
  readHealthThresholds,
  readInterruptionSettings,
  readStaleAfterMs,
} from './config';

const config = (karpenter: object) => new ConfigReader({ karpenter });

describe('config durations (readDurationFromConfig)', () => {
  it('reads HumanDuration objects and duration strings alike', () => {
    const settings = readInterruptionSettings(
      config({
        interruptions: {
          retention: { days: 7 },
          queueSampleInterval: '15s',
          queueBacklogWindow: '5 minutes',
        },
      }),
    );
    expect(settings.retentionMs).toBe(7 * 86_400_000);
    expect(settings.queueSampleIntervalMs).toBe(15_000);
    expect(settings.queueBacklogWindowMs).toBe(5 * 60_000);
    expect(
      readHealthThresholds(config({ health: { launchTimeout: 'PT10M' } })),
    ).toEqual({ launchTimeoutMs: 10 * 60_000 });
  });

  it('falls back to the defaults when the keys are absent', () => {
    expect(readInterruptionSettings(config({}))).toMatchObject({
      retentionMs: 14 * 86_400_000,
      queueSampleIntervalMs: 30_000,
      queueBacklogWindowMs: 2 * 60_000,
    });
    expect(readStaleAfterMs(config({}))).toBe(2 * 60_000);
    expect(readClusterRefreshMs(config({}))).toBe(5 * 60_000);
  });

  it('names the key of a duration that is not positive or not a duration', () => {
    expect(() => readStaleAfterMs(config({ staleAfter: '0s' }))).toThrow(
      'karpenter.staleAfter must be a positive duration',
    );
    expect(() =>
      readDurationMs(config({ staleAfter: 'soon' }), 'karpenter.staleAfter', {
        minutes: 1,
      }),
    ).toThrow(/karpenter\.staleAfter/);
  });
});
