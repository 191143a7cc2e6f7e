import { parseGoDuration } from './duration';

const SECOND = 1_000_000_000n;
const MINUTE = 60n * SECOND;
const HOUR = 60n * MINUTE;
const MAX_INT64 = (1n << 63n) - 1n;

function nanoseconds(text: string): bigint {
  const duration = parseGoDuration(text);
  if (!duration.valid) throw new Error(duration.error);
  return duration.nanoseconds;
}

describe('parseGoDuration', () => {
  // go/src/time/time_test.go parseDurationTests, the cases in h, m and s
  it.each<[string, bigint]>([
    ['0', 0n],
    ['5s', 5n * SECOND],
    ['30s', 30n * SECOND],
    ['1478s', 1478n * SECOND],
    ['-5s', -5n * SECOND],
    ['+5s', 5n * SECOND],
    ['-0', 0n],
    ['+0', 0n],
    ['5.0s', 5n * SECOND],
    ['5.6s', 5n * SECOND + 600_000_000n],
    ['5.s', 5n * SECOND],
    ['.5s', 500_000_000n],
    ['1.004s', SECOND + 4_000_000n],
    ['100.00100s', 100n * SECOND + 1_000_000n],
    ['3h30m', 3n * HOUR + 30n * MINUTE],
    ['10.5s4m', 4n * MINUTE + 10n * SECOND + 500_000_000n],
    ['-2m3.4s', -(2n * MINUTE + 3n * SECOND + 400_000_000n)],
    ['1h2m3s', HOUR + 2n * MINUTE + 3n * SECOND],
    ['39h9m14.425s', 39n * HOUR + 9n * MINUTE + 14n * SECOND + 425_000_000n],
    ['0.3333333333333333333h', 20n * MINUTE],
    ['9223372036.854775807s', MAX_INT64],
    ['-9223372036.854775808s', -(1n << 63n)],
    ['2562047h47m16.854775807s', MAX_INT64],
    ['-2562047h47m16.854775808s', -(1n << 63n)],
    ['0.100000000000000000000h', 6n * MINUTE],
    ['0.830103483285477580700h', 49n * MINUTE + 48n * SECOND + 372_539_827n],
  ])('%s is %p ns', (text, ns) => {
    expect(nanoseconds(text)).toBe(ns);
  });

  it('gives milliseconds exactly for whole ones, fractions below', () => {
    const ms = (text: string) => {
      const duration = parseGoDuration(text);
      return duration.valid ? duration.milliseconds : NaN;
    };
    expect(ms('1h30m')).toBe(5_400_000);
    expect(ms('1.5h')).toBe(5_400_000);
    expect(ms('720h')).toBe(2_592_000_000);
    expect(ms('-30s')).toBe(-30_000);
    expect(ms('16.854775807s')).toBe(16_854.775807);
    expect(ms('2562047h47m16.854775807s')).toBe(9_223_372_036_854.775);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1h-2m', 'time: unknown unit "h-" in duration "1h-2m"'],
    ['Never', 'time: invalid duration "Never"'],
    // Go's units below a second: valid for Go, not in Karpenter's duration patterns
    ['300ms', 'time: unknown unit "ms" in duration "300ms"'],
    ['5ns', 'time: unknown unit "ns" in duration "5ns"'],
    // overflow
    ['9223372036.854775808s', 'time: invalid duration "9223372036.854775808s"'],
    ['2562048h', 'time: invalid duration "2562048h"'],
    ['9223372036854775808s', 'time: invalid duration "9223372036854775808s"'],
    ['99999999999999999999s', 'time: invalid duration "99999999999999999999s"'],
    [
      '-2562047h47m16.854775809s',
      'time: invalid duration "-2562047h47m16.854775809s"',
    ],
  ])('refuses %p', (text, error) => {
    expect(parseGoDuration(text)).toEqual({
      valid: false,
      error: expect.stringContaining(error),
    });
  });
});
