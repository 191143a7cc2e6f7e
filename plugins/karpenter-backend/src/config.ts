import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { InputError } from '@backstage/errors';
import { HealthThresholds } from './services/Health';

/**
 * A duration key in ms, read with `readDurationFromConfig` (a HumanDuration object such as
 * `{ minutes: 2 }`, or a string such as `2m`, `2 minutes` or ISO `PT2M`); `fallback` when the key
 * is absent. With `positive`, a zero or negative duration fails start-up naming the key.
 *
 * @internal
 */
export function readDurationMs(
  config: Config,
  key: string,
  fallback: HumanDuration,
  options?: { positive?: boolean },
): number {
  const value = durationToMilliseconds(
    config.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );
  if (options?.positive && !(value > 0))
    throw new InputError(`${key} must be a positive duration`);
  return value;
}

const ms = (config: Config, key: string, fallback: HumanDuration) =>
  readDurationMs(config, key, fallback);

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
  return readDurationMs(
    config,
    'karpenter.staleAfter',
    { minutes: 2 },
    { positive: true },
  );
}

/**
 * `karpenter.clusterRefreshInterval` (default 5 minutes): how often the clusters of cluster
 * suppliers (modules) are reloaded; app-config alone is read once.
 *
 * @internal
 */
export function readClusterRefreshMs(config: Config): number {
  return readDurationMs(
    config,
    'karpenter.clusterRefreshInterval',
    { minutes: 5 },
    { positive: true },
  );
}

/**
 * A price multiplier (`karpenter.cost.discount`, a cluster's `cost.discount`): a number above 0
 * (below 1 a discount); 0, negative or not a number fails start-up naming the key (`name` is how
 * the key is shown).
 *
 * @internal
 */
export function readDiscount(config: Config, name: string, key = name): number {
  const value = config.getNumber(key);
  if (!Number.isFinite(value) || value <= 0)
    throw new InputError(`${name} must be a number above 0, got ${value}`);
  return value;
}

/** Settings of the cost services (`karpenter.cost`). @internal */
export interface CostSettings {
  enabled: boolean;
  discount: number;
  reservedPriceFactor: number;
  refreshIntervalMs: number;
  checkIntervalMs: number;
  staleAfterMs: number;
  sampleIntervalMs: number;
}

/** @internal */
export function readCostSettings(config: Config): CostSettings {
  const key = 'karpenter.cost';
  const factor = config.has(`${key}.reservedPriceFactor`)
    ? readDiscount(config, `${key}.reservedPriceFactor`)
    : 1;
  return {
    enabled: config.getOptionalBoolean(`${key}.enabled`) ?? true,
    discount: config.has(`${key}.discount`)
      ? readDiscount(config, `${key}.discount`)
      : 1,
    reservedPriceFactor: factor,
    refreshIntervalMs: readDurationMs(
      config,
      `${key}.refreshInterval`,
      { hours: 12 },
      { positive: true },
    ),
    checkIntervalMs: readDurationMs(
      config,
      `${key}.checkInterval`,
      { minutes: 10 },
      { positive: true },
    ),
    staleAfterMs: readDurationMs(
      config,
      `${key}.staleAfter`,
      { hours: 24 },
      { positive: true },
    ),
    sampleIntervalMs: readDurationMs(
      config,
      `${key}.sampleInterval`,
      { minutes: 10 },
      { positive: true },
    ),
  };
}
