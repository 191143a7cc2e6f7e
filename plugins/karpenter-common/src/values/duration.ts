/*
 * Go durations as Karpenter reads them.
 *
 * Karpenter's duration fields (`expireAfter`, `consolidateAfter`, `terminationGracePeriod`,
 * disruption budget `duration`) are `metav1.Duration`s, decoded with Go's `time.ParseDuration`
 * (go/src/time/format.go: `ParseDuration`, `leadingInt`, `leadingFraction`). This is that
 * function, step for step, with its unsigned 64-bit arithmetic done in BigInt: an optional sign,
 * then one or more `<digits>[.<digits>]<unit>` terms (or a lone `0`), overflow past
 * 2^63-1 nanoseconds refused. Only the units the NodePool CRD's duration patterns allow are
 * known (`h`, `m`, `s`); Go's smaller units (`ms`, `us`, `µs`, `μs`, `ns`) are refused, so a
 * duration this accepts is one Karpenter can be given. Each caller keeps its own pattern on top
 * (which forms it admits: the CRD's, `Never`, a range).
 */

/**
 * A duration read as Go's `time.ParseDuration` reads it: when valid, its length (negative when
 * signed so), in nanoseconds exactly and in milliseconds; otherwise Go's error message.
 *
 * @public
 */
export type GoDuration =
  | { valid: true; nanoseconds: bigint; milliseconds: number }
  | { valid: false; error: string };

const NANOSECONDS_PER_UNIT: Record<string, bigint> = {
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const U64 = 64;
const TWO_63 = 1n << 63n;
const MAX_INT64 = TWO_63 - 1n;
const NS_PER_MS = 1_000_000n;

const isDigit = (c: string | undefined) =>
  c !== undefined && c >= '0' && c <= '9';

/** Go's `leadingInt`: the leading digits, or `undefined` when they overflow 2^63. */
function leadingInt(s: string): { x: bigint; rest: string } | undefined {
  let x = 0n;
  let i = 0;
  for (; isDigit(s[i]); i++) {
    if (x > TWO_63 / 10n) return undefined;
    x = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (x > TWO_63) return undefined;
  }
  return { x, rest: s.slice(i) };
}

/** Go's `leadingFraction`: the leading digits as far as they fit, and their scale (10^n). */
function leadingFraction(s: string): {
  f: bigint;
  scale: number;
  rest: string;
} {
  let f = 0n;
  let scale = 1;
  let overflow = false;
  let i = 0;
  for (; isDigit(s[i]); i++) {
    if (overflow) continue;
    if (f > MAX_INT64 / 10n) {
      overflow = true;
      continue;
    }
    const y = f * 10n + BigInt(s.charCodeAt(i) - 48);
    if (y > TWO_63) {
      overflow = true;
      continue;
    }
    f = y;
    scale *= 10;
  }
  return { f, scale, rest: s.slice(i) };
}

function valid(nanoseconds: bigint): GoDuration {
  // integer milliseconds exactly, then the sub-millisecond rest
  const milliseconds =
    Number(nanoseconds / NS_PER_MS) + Number(nanoseconds % NS_PER_MS) / 1e6;
  return { valid: true, nanoseconds, milliseconds };
}

/**
 * Parses a duration with the semantics of Go's `time.ParseDuration` (go/src/time/format.go), for
 * the units Karpenter's CRD patterns allow (`h`, `m`, `s`): `"8h"`, `"1h30m"`, `"1.5h"`, `"-30s"`,
 * `"0"`. The error messages are Go's.
 *
 * @public
 */
export function parseGoDuration(text: string): GoDuration {
  const invalid = (): GoDuration => ({
    valid: false,
    error: `time: invalid duration ${JSON.stringify(text)}`,
  });
  let s = text;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return valid(0n);
  if (s === '') return invalid();
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid();
    const int = leadingInt(s);
    if (!int) return invalid();
    const pre = int.rest.length !== s.length;
    s = int.rest;
    let fraction = { f: 0n, scale: 1, rest: s };
    let post = false;
    if (s[0] === '.') {
      fraction = leadingFraction(s.slice(1));
      post = fraction.rest.length !== s.length - 1;
      s = fraction.rest;
    }
    if (!pre && !post) return invalid();
    let i = 0;
    while (i < s.length && !(s[i] === '.' || isDigit(s[i]))) i++;
    if (i === 0) {
      return {
        valid: false,
        error: `time: missing unit in duration ${JSON.stringify(text)}`,
      };
    }
    const u = s.slice(0, i);
    s = s.slice(i);
    const unit = NANOSECONDS_PER_UNIT[u];
    if (unit === undefined) {
      return {
        valid: false,
        error: `time: unknown unit ${JSON.stringify(
          u,
        )} in duration ${JSON.stringify(
          text,
        )} (Karpenter's durations use h, m and s)`,
      };
    }
    if (int.x > TWO_63 / unit) return invalid();
    let v = int.x * unit;
    if (fraction.f > 0n) {
      // Go: v += uint64(float64(f) * (float64(unit) / scale)), truncated
      v += BigInt(
        Math.trunc(Number(fraction.f) * (Number(unit) / fraction.scale)),
      );
      if (v > TWO_63) return invalid();
    }
    d = BigInt.asUintN(U64, d + v);
    if (d > TWO_63) return invalid();
  }
  if (negative) return valid(-d);
  if (d > MAX_INT64) return invalid();
  return valid(d);
}
