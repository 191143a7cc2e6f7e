/**
 * Writes any string as a quoted HCL string literal that parses back to exactly the same value.
 *
 * Why it is safe: the literal body only contains printable ASCII other than `"` and `\`, plus
 * escape sequences, and letters and digits of other scripts; `$` and `%` are escaped (`\u0024`,
 * `\u0025`) whenever a `{` follows, so no `${` or `%{` template sequence can start; newlines and
 * every other control, space, format or symbol character outside ASCII are written as
 * `\n`-style or `\uNNNN` / `\UNNNNNNNN` escapes. Strings that UTF-8 cannot
 * carry (lone surrogates) are refused. HCL applies Unicode NFC normalisation to string values,
 * so only NFC strings round-trip exactly (the input model requires NFC where it allows Unicode).
 */
export function hclString(value: string): string {
  let out = '"';
  const chars = Array.from(value);
  chars.forEach((ch, index) => {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') {
      out += '\\"';
    } else if (ch === '\\') {
      out += '\\\\';
    } else if (ch === '\n') {
      out += '\\n';
    } else if (ch === '\r') {
      out += '\\r';
    } else if (ch === '\t') {
      out += '\\t';
    } else if ((ch === '$' || ch === '%') && chars[index + 1] === '{') {
      out += ch === '$' ? '\\u0024' : '\\u0025';
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      throw new TypeError('HCL strings cannot hold lone UTF-16 surrogates');
    } else if (cp > 0x7e && /^[\p{L}\p{N}]$/u.test(ch)) {
      out += ch; // letters and digits of any script stay readable
    } else if (cp < 0x20 || cp > 0x7e) {
      out +=
        cp <= 0xffff
          ? `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`
          : `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`;
    } else {
      out += ch;
    }
  });
  return `${out}"`;
}

/**
 * Reads a string value as `@cdktn/hcl2json` reports it (HCL's JSON syntax, where a literal `${`
 * or `%{` is written `$${` / `%%{`).
 */
export function fromHclJsonString(value: string): string {
  return value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
