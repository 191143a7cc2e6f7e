import { parseKubernetesQuantity, parseQuantity } from './quantity';

/** The NodePool CRD's pattern for `spec.limits` values (karpenter.sh_nodepools.yaml), verbatim. */
const CRD_LIMITS_PATTERN =
  /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;

const value = (text: string) => parseKubernetesQuantity(text)?.value;

describe('parseKubernetesQuantity', () => {
  it.each<[string, number]>([
    ['0', 0],
    ['12', 12],
    ['1500m', 1.5],
    ['1k', 1000],
    ['16Gi', 16 * 2 ** 30],
    ['0.5Ki', 512],
    ['1Ei', 2 ** 60],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1e+3', 1000],
    ['1e-3', 0.001],
    ['1E', 1e18],
    ['2P', 2e15],
    ['100n', 1e-7],
    ['1u', 1e-6],
    ['+2', 2],
    ['-1', -1],
    ['.5', 0.5],
    ['1.', 1],
    ['007', 7],
    ['1.1k', 1100], // exact decimal arithmetic, then the nearest number
    ['0.1m', 0.0001],
  ])('%s is %p', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('rounds a non-zero magnitude up to a whole nano, caps binary SI at 2^63-1', () => {
    expect(value('1e-12')).toBe(1e-9);
    expect(value('-1e-12')).toBe(-1e-9);
    expect(value('1.0000000001')).toBe(1.000000001);
    expect(value('0.0000000001Ki')).toBe(1.03e-7);
    expect(value('9Ei')).toBe(Number(2n ** 63n - 1n));
    expect(value('-9Ei')).toBe(-Number(2n ** 63n - 1n));
    expect(value('1e19')).toBe(1e19); // decimal quantities are not capped
    expect(value('0e-99')).toBe(0);
  });

  it('names the format and exponent of the suffix', () => {
    expect(parseKubernetesQuantity('16Gi')).toEqual({
      value: 16 * 2 ** 30,
      format: 'BinarySI',
      base: 2,
      exponent: 30,
    });
    expect(parseKubernetesQuantity('500m')).toMatchObject({
      format: 'DecimalSI',
      base: 10,
      exponent: -3,
    });
    expect(parseKubernetesQuantity('4')).toMatchObject({
      format: 'DecimalSI',
      exponent: 0,
    });
    expect(parseKubernetesQuantity('1e3')).toMatchObject({
      format: 'DecimalExponent',
      base: 10,
      exponent: 3,
    });
    // ParseQuantity scales by int32(exponent); the exponent as written is kept
    expect(parseKubernetesQuantity('1e4294967296')).toMatchObject({
      value: 1,
      exponent: 4294967296,
    });
  });

  it.each([
    '',
    ' 1',
    '1 ',
    'abc',
    '1GB',
    '1K',
    '1k1',
    '1e',
    '1e+',
    '1e3Ki',
    '1Ki3',
    '1e1.5',
    '+',
    '-',
    '.',
    '+.',
    '1..5',
    '--1',
    '1e99999999999999999999',
  ])('refuses %p', text => {
    expect(parseKubernetesQuantity(text)).toBeUndefined();
  });

  it("accepts within the CRD's pattern, which also admits fractional exponents", () => {
    const samples = [
      '1',
      '1.5',
      '.5',
      '1.',
      '-1',
      '+1',
      '1Ki',
      '1Ei',
      '1n',
      '1E',
      '1e3',
      '1e-3',
      '1e+3',
      '1e1.5',
      '1E.5',
      '1e3Ki',
      '1K',
      'x',
      '',
    ];
    for (const text of samples) {
      const parsed = parseKubernetesQuantity(text) !== undefined;
      const admitted = CRD_LIMITS_PATTERN.test(text);
      const fractionalExponent = /[eE][+-]?[0-9]*\./.test(text);
      expect([text, parsed]).toEqual([text, admitted && !fractionalExponent]);
    }
  });
});

describe('parseQuantity', () => {
  it('takes numbers as they are, trims strings, NaN otherwise', () => {
    expect(parseQuantity(4)).toBe(4);
    expect(parseQuantity(' 16Gi ')).toBe(16 * 2 ** 30);
    expect(parseQuantity('1500m')).toBe(1.5);
    expect(parseQuantity(undefined)).toBeNaN();
    expect(parseQuantity(null)).toBeNaN();
    expect(parseQuantity('')).toBeNaN();
    expect(parseQuantity('abc')).toBeNaN();
  });
});
