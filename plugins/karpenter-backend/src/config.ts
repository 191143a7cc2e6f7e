import { Config } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { HealthThresholds } from '@karpenter-backstage/plugin-karpenter-common';

const ms = (config: Config, key: string, fallback: HumanDuration) =>
  durationToMilliseconds(
    (config.getOptional(key) as HumanDuration | undefined) ?? fallback,
  );

/** Settings of the interruption services. @internal */
export interface InterruptionSettings {
  retentionMs: number;
  queueSampleIntervalMs: number;
  queueBacklogWindowMs: number;
  karpenterNamespace: string;
}

/** @internal */
export function readInterruptionSettings(config: Config): InterruptionSettings {
  return {
    retentionMs: ms(config, 'karpenter.interruptions.retention', { days: 14 }),
    queueSampleIntervalMs: ms(
      config,
      'karpenter.interruptions.queueSampleInterval',
      { seconds: 30 },
    ),
    queueBacklogWindowMs: ms(
      config,
      'karpenter.interruptions.queueBacklogWindow',
      { minutes: 2 },
    ),
    karpenterNamespace:
      config.getOptionalString('karpenter.interruptions.karpenterNamespace') ??
      'karpenter',
  };
}

/** @internal */
export function readHealthThresholds(
  config: Config,
): Partial<HealthThresholds> {
  const t: Partial<HealthThresholds> = {};
  const degraded = config.getOptionalNumber(
    'karpenter.health.limitDegradedRatio',
  );
  const unhealthy = config.getOptionalNumber(
    'karpenter.health.limitUnhealthyRatio',
  );
  if (degraded !== undefined) t.limitDegradedRatio = degraded;
  if (unhealthy !== undefined) t.limitUnhealthyRatio = unhealthy;
  if (config.has('karpenter.health.launchTimeout'))
    t.launchTimeoutMs = ms(config, 'karpenter.health.launchTimeout', {
      minutes: 5,
    });
  if (config.has('karpenter.health.registrationTimeout'))
    t.registrationTimeoutMs = ms(
      config,
      'karpenter.health.registrationTimeout',
      { minutes: 15 },
    );
  return t;
}
