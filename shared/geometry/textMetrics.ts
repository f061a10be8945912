/**
 * Text measurement without a DOM: advance widths of a Helvetica-like sans (the AFM widths,
 * in thousandths of an em) for ASCII, 1 em for CJK and other wide characters, 0.6 em for
 * everything else. The canvas and every exporter wrap with these same numbers, so a label
 * breaks in the same places on screen, in SVG, PNG and PDF.
 */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
]

/** The font stack every drawing names: Latin first, then CJK fonts common on each platform. */
export const FONT_FAMILY =
  "'Noto Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei', sans-serif"

/** East Asian wide characters (CJK ideographs, kana, Hangul, full-width forms, CJK punctuation). */
export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
}

export function charWidth(code: number, fontSize: number): number {
  if (code >= 32 && code <= 126) return (ASCII_WIDTHS[code - 32]! / 1000) * fontSize
  if (isWide(code)) return fontSize
  return 0.6 * fontSize
}

export function textWidth(text: string, fontSize: number): number {
  let width = 0
  for (const char of text) width += charWidth(char.codePointAt(0)!, fontSize)
  return width
}

/**
 * Breaks text into lines no wider than `maxWidth`: at spaces for words, anywhere between
 * wide characters (Chinese has no spaces), inside a word only when it alone is too long.
 * Explicit newlines are kept. Past `maxLines` the last line ends with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = Infinity): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    let line = ''
    let lineWidth = 0
    for (const token of tokenize(paragraph)) {
      const width = textWidth(token, fontSize)
      if (lineWidth + width <= maxWidth || line === '') {
        if (width > maxWidth && line === '') {
          // A single token wider than the line: break it by characters.
          for (const char of token) {
            const w = charWidth(char.codePointAt(0)!, fontSize)
            if (lineWidth + w > maxWidth && line !== '') {
              lines.push(line.trimEnd())
              line = ''
              lineWidth = 0
            }
            line += char
            lineWidth += w
          }
        } else {
          line += token
          lineWidth += width
        }
      } else {
        lines.push(line.trimEnd())
        const trimmed = token.trimStart()
        line = trimmed
        lineWidth = textWidth(trimmed, fontSize)
      }
    }
    lines.push(line.trimEnd())
  }
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1]!, maxWidth, fontSize)
  return kept
}

function ellipsize(line: string, maxWidth: number, fontSize: number): string {
  const ellipsis = '…'
  let out = line
  while (out !== '' && textWidth(out + ellipsis, fontSize) > maxWidth) out = [...out].slice(0, -1).join('')
  return out.trimEnd() + ellipsis
}

/** Words with their leading space, and each wide character on its own. */
function tokenize(text: string): string[] {
  const tokens: string[] = []
  let current = ''
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (isWide(code)) {
      if (current) tokens.push(current)
      tokens.push(char)
      current = ''
    } else if (char === ' ') {
      if (current.trim()) {
        tokens.push(current)
        current = ' '
      } else current += ' '
    } else current += char
  }
  if (current) tokens.push(current)
  return tokens
}
