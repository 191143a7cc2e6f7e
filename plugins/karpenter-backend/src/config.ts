import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { InputError } from '@backstage/errors';
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

/**
 * `karpenter.staleAfter` (default 2 minutes): a cluster whose watched resources have not synced
 * (list, watch event or bookmark) for longer is reported stale.
 *
 * @internal
 */
export function readStaleAfterMs(config: Config): number {
  if (!config.has('karpenter.staleAfter')) return 2 * 60_000;
  const staleAfterMs = durationToMilliseconds(
    readDurationFromConfig(config, { key: 'karpenter.staleAfter' }),
  );
  if (!(staleAfterMs > 0))
    throw new InputError('karpenter.staleAfter must be a positive duration');
  return staleAfterMs;
}

/**
 * `karpenter.clusterRefreshInterval` (default 5 minutes): how often the clusters of cluster
 * suppliers (modules) are reloaded; app-config alone is read once.
 *
 * @internal
 */
export function readClusterRefreshMs(config: Config): number {
  if (!config.has('karpenter.clusterRefreshInterval')) return 5 * 60_000;
  const refreshMs = durationToMilliseconds(
    readDurationFromConfig(config, { key: 'karpenter.clusterRefreshInterval' }),
  );
  if (!(refreshMs > 0))
    throw new InputError(
      'karpenter.clusterRefreshInterval must be a positive duration',
    );
  return refreshMs;
}
