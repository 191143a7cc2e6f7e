import { CelEvalError } from './errors';

/*
 * cel-go's `int()` conversions (common/types/string.go, double.go, uint.go, timestamp.go), which
 * replace cel-js's `int` (see ./routedNames.ts).
 */

const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

/**
 * `int(string)`: `strconv.ParseInt(s, 10, 64)`, an optional sign and decimal digits within int64;
 * anything else is `type conversion error from 'string' to 'int'`.
 *
 * @internal
 */
export function intOfString(text: string): bigint {
  if (/^[+-]?[0-9]+$/.test(text)) {
    const value = BigInt(text);
    if (value >= MIN_INT64 && value <= MAX_INT64) return value;
  }
  throw new CelEvalError("type conversion error from 'string' to 'int'");
}

/**
 * `int(double)`: truncation toward zero; NaN, infinities and values outside int64 overflow.
 *
 * @internal
 */
export function intOfDouble(value: number): bigint {
  if (Number.isFinite(value) && value > -(2 ** 63) && value < 2 ** 63) {
    return BigInt(Math.trunc(value));
  }
  throw new CelEvalError('integer overflow');
}

/**
 * `int(uint)`: values above int64's maximum overflow.
 *
 * @internal
 */
export function intOfUint(value: { valueOf(): bigint }): bigint {
  const v = value.valueOf();
  if (v <= MAX_INT64) return v;
  throw new CelEvalError('integer overflow');
}

/**
 * `int(timestamp)`: seconds since the Unix epoch.
 *
 * @internal
 */
export function intOfTimestamp(value: Date): bigint {
  return BigInt(Math.floor(value.getTime() / 1000));
}
