import { parse } from '@cdktn/hcl2json';
import fc from 'fast-check';
import { fromHclJsonString, hclString } from './escape';

async function roundTrip(value: string): Promise<string> {
  const parsed = await parse('value.tf', `v = ${hclString(value)}\n`);
  return fromHclJsonString(parsed.v);
}

/** Strings UTF-8 can carry (no lone surrogates). */
const wellFormed = (s: string) => !/[\ud800-\udfff]/u.test(s);

describe('hclString', () => {
  it('escapes quotes, backslashes, control characters and template sequences', () => {
    expect(hclString('a"b\\c\nd\te\r')).toBe('"a\\"b\\\\c\\nd\\te\\r"');
    expect(hclString('${x} %{if} $$ % $')).toBe(
      '"\\u0024{x} \\u0025{if} $$ % $"',
    );
    expect(hclString('\u0000\u007f\u2028\u202e')).toBe(
      '"\\u0000\\u007F\\u2028\\u202E"',
    );
    expect(hclString('Müller 東京 😀')).toBe('"Müller 東京 \\U0001F600"');
    expect(() => hclString('\ud800')).toThrow(TypeError);
  });

  it.each([
    '${var.secret}',
    '%{ for x in y }',
    '$${x}',
    '$$${x}',
    '%%{x}',
    '"; } resource "x" "y" { a = "',
    'line1\nline2',
    '\\${x}',
    'EOT\n<<EOT',
    'ü',
  ])('round-trips %j through the HCL parser', async value => {
    await expect(roundTrip(value)).resolves.toBe(value);
  });

  it('round-trips arbitrary strings (NFC) through the real HCL parser', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({
            unit: fc.constantFrom(
              '$',
              '%',
              '{',
              '}',
              '"',
              '\\',
              '\n',
              'a',
              '~',
            ),
          }),
        ),
        async raw => {
          fc.pre(wellFormed(raw));
          await expect(roundTrip(raw)).resolves.toBe(raw.normalize('NFC'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
