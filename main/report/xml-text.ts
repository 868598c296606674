/**
 * Text for SpreadsheetML. Besides the five XML entities, characters XML 1.0 cannot carry
 * (control characters; CR, which parsers would turn into LF) are written the way Excel
 * writes them, `_xHHHH_`, and a literal `_xHHHH_` in the text is escaped as `_x005F_xHHHH_`
 * so it reads back unchanged. A lone surrogate becomes U+FFFD.
 */

const SPECIAL = /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function replacement(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case '_':
      return '_x005F_';
    default: {
      const code = c.charCodeAt(0);
      if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
      return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
    }
  }
}

/** Escaped for element content and double-quoted attributes. */
export function escapeXmlText(text: string): string {
  return text.replace(SPECIAL, replacement);
}

/** Escaped for structural attributes (names, refs): only the XML entities, control characters dropped. */
export function escapeXmlAttribute(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Whether `xml:space="preserve"` is needed to keep the text's whitespace. */
export function needsSpacePreserve(text: string): boolean {
  return /^[\s]|[\s]$|\n|\t| {2}/.test(text);
}
