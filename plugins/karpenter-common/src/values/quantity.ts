/*
 * Kubernetes resource quantities (NodePool `spec.limits`, `status.resources`, node capacities).
 *
 * Grammar (k8s.io/apimachinery pkg/api/resource/quantity.go, the doc comment of `Quantity`; the
 * NodePool CRD's `spec.limits` pattern is generated from it):
 *
 *   <quantity>        ::= <signedNumber><suffix>
 *   <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
 *   <signedNumber>    ::= <number> | <sign><number>
 *   <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI>
 *   <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei
 *   <decimalSI>       ::= n | u | m | "" | k | M | G | T | P | E
 *   <decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber>
 *
 * with the exponent an integer, as `ParseQuantity` reads it (suffix.go `interpret`:
 * `strconv.ParseInt` of what follows the `e`, then `int32(...)`): the CRD's pattern also admits a
 * fractional exponent (`1e1.5`), which `ParseQuantity` — and so Karpenter — refuses.
 *
 * The value is `ParseQuantity`'s: exact decimal arithmetic, a non-zero magnitude rounded up to a
 * whole nano (10^-9), a binary-SI magnitude capped at 2^63-1; then the nearest JavaScript number.
 */

/** The suffix kind of a quantity, as `ParseQuantity` names it. @public */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/**
 * A parsed Kubernetes quantity: its value in base units (`"1500m"` → 1.5, `"16Gi"` → 17179869184)
 * and how its suffix scales it (`base` ** `exponent`; an `e` exponent as written — `ParseQuantity`
 * scales by its `int32` truncation, which only differs past 2^31).
 *
 * @public
 */
export interface KubernetesQuantity {
  value: number;
  format: QuantityFormat;
  base: 2 | 10;
  exponent: number;
}

const SUFFIX_EXPONENTS: Record<string, { base: 2 | 10; exponent: number }> = {
  n: { base: 10, exponent: -9 },
  u: { base: 10, exponent: -6 },
  m: { base: 10, exponent: -3 },
  '': { base: 10, exponent: 0 },
  k: { base: 10, exponent: 3 },
  M: { base: 10, exponent: 6 },
  G: { base: 10, exponent: 9 },
  T: { base: 10, exponent: 12 },
  P: { base: 10, exponent: 15 },
  E: { base: 10, exponent: 18 },
  Ki: { base: 2, exponent: 10 },
  Mi: { base: 2, exponent: 20 },
  Gi: { base: 2, exponent: 30 },
  Ti: { base: 2, exponent: 40 },
  Pi: { base: 2, exponent: 50 },
  Ei: { base: 2, exponent: 60 },
};

/** sign, integer digits, fraction digits, SI suffix, exponent digits */
const QUANTITY =
  /^([+-]?)(?:([0-9]+)(?:\.([0-9]*))?|\.([0-9]+))(?:([KMGTPE]i|[numkMGTPE])|[eE]([+-]?[0-9]+))?$/;

const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);
/** The finest scale a quantity keeps (`resource.Nano`). */
const NANO_DIGITS = 9;

/** ceil(n / 10^digits) for n ≥ 0, without building 10^digits when n is shorter. */
function ceilShift(n: bigint, digits: number): bigint {
  if (n === 0n) return 0n;
  if (digits > n.toString().length) return 1n;
  const divisor = 10n ** BigInt(digits);
  return n / divisor + (n % divisor === 0n ? 0n : 1n);
}

/**
 * Parses a Kubernetes quantity string (`"1500m"`, `"16Gi"`, `"1e3"`, `"0.5"`) as
 * k8s.io/apimachinery's `ParseQuantity` does; `undefined` when it is not one. No surrounding
 * white space is allowed (see {@link parseQuantity} for the JSON decoder's trimming).
 *
 * @public
 */
export function parseKubernetesQuantity(
  text: string,
): KubernetesQuantity | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [
    ,
    sign,
    integer = '',
    afterPoint,
    fractionOnly,
    suffix,
    exponentDigits,
  ] = match;
  const fraction = afterPoint ?? fractionOnly ?? '';
  let format: QuantityFormat;
  let base: 2 | 10;
  let exponent: number;
  let scaleBy: number;
  if (exponentDigits !== undefined) {
    const parsed = BigInt(exponentDigits);
    if (parsed > MAX_INT64 || parsed < MIN_INT64) return undefined; // strconv.ParseInt fails
    format = 'DecimalExponent';
    base = 10;
    exponent = Number(parsed);
    scaleBy = Number(BigInt.asIntN(32, parsed)); // Go's int32(parsed)
  } else {
    ({ base, exponent } = SUFFIX_EXPONENTS[suffix ?? '']);
    format = base === 2 ? 'BinarySI' : 'DecimalSI';
    scaleBy = exponent;
  }
  // value = digits × 10^-scale, with the suffix applied
  let digits = BigInt(`${integer}${fraction}` || '0');
  let scale = fraction.length;
  if (base === 2) {
    digits <<= BigInt(scaleBy);
  } else {
    scale -= scaleBy;
  }
  if (scale > NANO_DIGITS) {
    digits = ceilShift(digits, scale - NANO_DIGITS);
    scale = NANO_DIGITS;
  }
  if (base === 2) {
    const cap = MAX_INT64 * 10n ** BigInt(scale); // 2^63-1 at this scale (scale >= 0)
    if (digits > cap) digits = cap;
  }
  const magnitude = Number(`${digits}e${-scale}`);
  return {
    value: sign === '-' ? -magnitude : magnitude,
    format,
    base,
    exponent,
  };
}

/**
 * Parses a Kubernetes quantity ("1500m", "16Gi", "1e3", 4) into a number of base units; NaN when
 * it is not a quantity. Numbers are taken as they are; strings are trimmed first, as
 * `Quantity.UnmarshalJSON` does.
 *
 * @public
 */
export function parseQuantity(
  value: string | number | undefined | null,
): number {
  if (value === undefined || value === null || value === '') return NaN;
  if (typeof value === 'number') return value;
  return parseKubernetesQuantity(String(value).trim())?.value ?? NaN;
}
