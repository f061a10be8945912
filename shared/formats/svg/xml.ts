/**
 * Text for XML: characters XML 1.0 forbids (C0 controls but tab/newline/return, lone
 * surrogates, U+FFFE/U+FFFF) are dropped — expat and resvg reject files that carry them —
 * and markup characters are escaped, so a label is always text, never markup (quality.md S12, S15).
 */
export function xmlText(value: string): string {
  return stripIllegalXml(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** C0 controls but tab, newline and return; U+FFFE/U+FFFF; surrogates without their pair. */
/* eslint-disable no-control-regex -- these are exactly the characters XML forbids */
const ILLEGAL_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
/* eslint-enable no-control-regex */

export function stripIllegalXml(value: string): string {
  return value.replace(ILLEGAL_XML, '')
}

/** Numbers in attributes: at most two decimals, no `-0`. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100
  return Object.is(rounded, -0) ? '0' : String(rounded)
}
