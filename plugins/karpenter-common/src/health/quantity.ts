const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/**
 * Parses a Kubernetes quantity ("1500m", "16Gi", "1e3", 4) into a number of base units; NaN when
 * it is not a quantity.
 *
 * @public
 */
export function parseQuantity(
  value: string | number | undefined | null,
): number {
  if (value === undefined || value === null || value === '') return NaN;
  if (typeof value === 'number') return value;
  const m = String(value)
    .trim()
    .match(
      /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)([KMGTPE]i|[numkMGTPE]?)$/,
    );
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] in BINARY ? n * BINARY[m[2]] : n * DECIMAL[m[2]];
}
