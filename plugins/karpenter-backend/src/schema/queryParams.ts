import { InputError } from '@backstage/errors';

/*
 * What the OpenAPI spec cannot express about the query parameters. The spec (openapi.yaml) has
 * already refused values of the wrong shape (patterns, enums, formats, integer ranges) before a
 * handler runs; these helpers turn the valid strings into the services' inputs and check the
 * relations between parameters, with InputErrors that start with the parameter's name.
 */

/** Milliseconds of each `bucket` value of the interruptions endpoint. @internal */
export const BUCKET_MS = {
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '6h': 21_600_000,
  '1d': 86_400_000,
} as const;

/** @internal */
export type BucketName = keyof typeof BUCKET_MS;

const MAX_RANGE_MS = 31 * 86_400_000;
const DAY_MS = 86_400_000;

/**
 * `nodePool=a,b` (already matched against the spec's pattern): the NodePools, each once, or
 * `undefined` for the whole cluster.
 *
 * @internal
 */
export function nodePoolList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return [...new Set(text.split(',').map(n => n.trim()))];
}

/**
 * `from`/`to` (RFC 3339 times, checked by the spec): `to` defaults to now and `from` to 24 h
 * before `to`; `from` must be before `to` and the range at most 31 days.
 *
 * @internal
 */
export function timeRange(
  from: string | undefined,
  to: string | undefined,
  nowMs: number,
): { fromMs: number; toMs: number } {
  const toMs = to === undefined ? nowMs : Date.parse(to);
  const fromMs = from === undefined ? toMs - DAY_MS : Date.parse(from);
  if (Number.isNaN(toMs)) throw new InputError('to: must be an ISO-8601 time');
  if (Number.isNaN(fromMs))
    throw new InputError('from: must be an ISO-8601 time');
  if (fromMs >= toMs) throw new InputError('from: must be before to');
  if (toMs - fromMs > MAX_RANGE_MS)
    throw new InputError('from: the range may span at most 31 days');
  return { fromMs, toMs };
}

/** `since` (an RFC 3339 time, checked by the spec) or the fallback. @internal */
export function timeOrDefault(
  name: string,
  text: string | undefined,
  fallbackMs: number,
): number {
  if (text === undefined) return fallbackMs;
  const t = Date.parse(text);
  if (Number.isNaN(t))
    throw new InputError(`${name}: must be an ISO-8601 time`);
  return t;
}
