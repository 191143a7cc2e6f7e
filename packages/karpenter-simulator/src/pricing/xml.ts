/** Building (never parsing) the XML documents of the EC2 query protocol. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text or an attribute value with XML's special characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** `<name>text</name>`, the text escaped. */
export function textElement(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

/** `<name attrs…>children…</name>`: the children are elements already built. */
export function element(
  name: string,
  children: string[],
  attributes: Record<string, string> = {},
): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  return `<${name}${attrs}>${children.join('')}</${name}>`;
}

/** An XML document: the declaration, then the root element. */
export function xmlDocument(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}`;
}
