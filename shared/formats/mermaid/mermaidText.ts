/**
 * Label text in and out of Mermaid. Flowlane labels are plain text; Mermaid labels are
 * HTML with Mermaid's own entity codes (`#quot;`, `#35;`). Writing, every character that
 * Mermaid or the browser could read as syntax becomes a numeric entity code, so no label
 * can close its quotes, open a directive or inject markup. Reading, the codes, HTML entities,
 * `<br>` and markdown strings become plain text again.
 */

/** `#35;`: Mermaid decodes `#<decimal>;` to that character when it draws. */
const code = (char: string): string => `#${char.codePointAt(0) ?? 0xfffd};`

/**
 * Characters written as codes wherever they appear: `"` ends the string, `#` starts a code,
 * `<` `>` are HTML, a backtick starts a markdown string.
 */
const ALWAYS = /["#<>`]/
/** Control characters and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/

/**
 * Characters that are harmless alone and written as codes only where they could mean
 * something, so everyday labels ("Deposit 30%", "Sign & open") stay readable: `%%` starts
 * comments and `%%{init}%%` directives, `$$` starts KaTeX math, `&name;` is an HTML entity,
 * `fa:fa-car` is drawn as a Font Awesome icon.
 */
function isRisky(chars: readonly string[], index: number, colons: boolean): boolean {
  const char = chars[index]
  const next = chars[index + 1]
  const previous = chars[index - 1]
  switch (char) {
    case '%':
    case '$':
      return next === char || previous === char
    case '&':
      return /^(#|[A-Za-z0-9]+;)/.test(chars.slice(index + 1, index + 34).join(''))
    case ':':
      return colons || chars.slice(index + 1, index + 4).join('') === 'fa-'
    default:
      return false
  }
}

export interface EncodeOptions {
  /**
   * Also writes `:` as a code. Mermaid drops the last `;` of any line matching
   * `style.*:\S*#.*;` or `classDef.*:\S*#.*;` before parsing, which would break a code; a
   * line with no `:` cannot match.
   */
  readonly colons?: boolean
  /** More characters to write as codes wherever they appear. */
  readonly also?: string
}

/**
 * The inside of a double-quoted Mermaid string that shows exactly `text`. Line breaks become
 * `<br>`; whitespace at either end is kept as codes (Mermaid trims labels); an empty text
 * becomes one space, since Mermaid refuses `""` and trims `" "` to nothing.
 */
export function encodeMermaidText(text: string, options: EncodeOptions = {}): string {
  const chars = Array.from(text)
  let start = 0
  while (start < chars.length && /^\s$/u.test(chars[start] ?? '')) start++
  let end = chars.length
  while (end > start && /^\s$/u.test(chars[end - 1] ?? '')) end--
  let out = ''
  chars.forEach((char, index) => {
    if (char === '\n') out += '<br>'
    else if (index < start || index >= end || ALWAYS.test(char) || CONTROL.test(char)) out += code(char)
    else if (options.also?.includes(char) === true) out += code(char)
    else if (isRisky(chars, index, options.colons === true)) out += code(char)
    else out += char
  })
  return out === '' ? ' ' : out
}

/** Named HTML entities that labels use; others stay as they were written. */
const NAMED: Readonly<Record<string, number>> = {
  amp: 38,
  lt: 60,
  gt: 62,
  quot: 34,
  apos: 39,
  nbsp: 160,
  num: 35,
  percnt: 37,
  semi: 59,
  colon: 58,
  comma: 44,
  period: 46,
  excl: 33,
  quest: 63,
  commat: 64,
  dollar: 36,
  lpar: 40,
  rpar: 41,
  lsqb: 91,
  rsqb: 93,
  lbrack: 91,
  rbrack: 93,
  lcub: 123,
  rcub: 125,
  lbrace: 123,
  rbrace: 125,
  vert: 124,
  verbar: 124,
  grave: 96,
  ast: 42,
  plus: 43,
  equals: 61,
  sol: 47,
  bsol: 92,
  lowbar: 95,
  Hat: 94,
  tilde: 732,
  copy: 169,
  reg: 174,
  trade: 8482,
  deg: 176,
  plusmn: 177,
  times: 215,
  divide: 247,
  middot: 183,
  sect: 167,
  para: 182,
  cent: 162,
  pound: 163,
  yen: 165,
  euro: 8364,
  laquo: 171,
  raquo: 187,
  lsquo: 8216,
  rsquo: 8217,
  ldquo: 8220,
  rdquo: 8221,
  ndash: 8211,
  mdash: 8212,
  hellip: 8230,
  bull: 8226,
  larr: 8592,
  uarr: 8593,
  rarr: 8594,
  darr: 8595,
  harr: 8596,
  rArr: 8658,
  le: 8804,
  ge: 8805,
  ne: 8800,
  infin: 8734,
  hearts: 9829,
  check: 10003,
  cross: 10007,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
}

const fromCode = (value: number): string =>
  value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff) ? String.fromCodePoint(value) : '\ufffd'

/**
 * One pass over every kind of code, so a decoded character is never decoded again:
 * HTML entities (`&amp;`, `&#38;`, `&#x26;`), Mermaid's own placeholders for its codes
 * (`ﬂ°°35¶ß`, `ﬂ°quot¶ß`: what its parser leaves in labels) and the codes as written
 * (`#35;`, `#quot;`), for a parser that does not encode them first.
 */
const CODES =
  /&#(\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});|&([A-Za-z][A-Za-z0-9]*);|ﬂ°°(\d+)¶ß|ﬂ°(\w+)¶ß|#(\d{1,7});|#([A-Za-z]\w*);/g

function decodeCodes(text: string): string {
  return text.replace(
    CODES,
    (
      match,
      htmlDec?: string,
      htmlHex?: string,
      htmlName?: string,
      mDec?: string,
      mName?: string,
      dec?: string,
      name?: string,
    ) => {
      const decimal = htmlDec ?? mDec ?? dec
      if (decimal !== undefined) return fromCode(Number(decimal))
      if (htmlHex !== undefined) return fromCode(Number.parseInt(htmlHex, 16))
      const entity = htmlName ?? mName ?? name ?? ''
      const value = Object.hasOwn(NAMED, entity) ? NAMED[entity] : undefined
      if (value !== undefined) return String.fromCodePoint(value)
      // An unknown name: show what the author wrote.
      return mName === undefined ? match : `#${mName};`
    },
  )
}

export interface DecodedText {
  readonly text: string
  /** HTML tags other than `<br>` were removed. */
  readonly droppedHtml: boolean
  /** Markdown emphasis (`**bold**`, `_italic_`) was removed. */
  readonly droppedMarkdown: boolean
}

const BR = /<br\s*\/?>/gi
const TAG = /<\/?[A-Za-z][^<>]*>/g

/**
 * A label as Mermaid's parser left it, as the plain text a reader sees in the drawing.
 * `labelType` `markdown` is a "`…`" string: emphasis markers go, each line is trimmed.
 */
export function decodeMermaidText(raw: string, labelType?: string): DecodedText {
  let text = raw
  let droppedMarkdown = false
  if (labelType === 'markdown') {
    const plain = stripMarkdown(text)
    droppedMarkdown =
      plain !==
      text
        .split('\n')
        .map((l) => l.trim())
        .join('\n')
    text = plain
  }
  text = text.replace(BR, '\n')
  const withoutTags = text.replace(TAG, '')
  const droppedHtml = withoutTags !== text
  return { text: decodeCodes(withoutTags), droppedHtml, droppedMarkdown }
}

/** Mermaid's markdown strings know bold and italic; the text stays. */
function stripMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/\*\*(.+?)\*\*/g, '$1')
        .replace(/__(.+?)__/g, '$1')
        .replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?![\w*])/g, '$1$2')
        .replace(/(^|[^\w])_(?!\s)(.+?)_(?!\w)/g, '$1$2'),
    )
    .join('\n')
}
