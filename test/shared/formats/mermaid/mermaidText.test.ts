import { describe, expect, it } from 'vitest'
import { decodeMermaidText, encodeMermaidText } from '../../../../shared/formats/mermaid/mermaidText.js'
import { hostileCases } from './support.js'

/** What Mermaid 11 does to a label before its parser sees it (utils `encodeEntities`), and the trim of flowDb. */
function throughMermaid(encoded: string): string {
  return encoded
    .replace(/#\w+;/g, (s) => {
      const inner = s.slice(1, -1)
      return /^\+?\d+$/.test(inner) ? `ﬂ°°${inner}¶ß` : `ﬂ°${inner}¶ß`
    })
    .trim()
}

describe('encodeMermaidText', () => {
  it.each([
    ['a "quote"', 'a #34;quote#34;'],
    ['# 1', '#35; 1'],
    ['<b>', '#60;b#62;'],
    ['one\ntwo', 'one<br>two'],
    ['`md`', '#96;md#96;'],
    ['%%{init}%%', '#37;#37;{init}#37;#37;'],
    ['$$x$$', '#36;#36;x#36;#36;'],
    ['&amp; and &#35;', '#38;amp; and #38;#35;35;'],
    ['fa:fa-car', 'fa#58;fa-car'],
    [' x\t', '#32;x#9;'],
    ['', ' '],
  ])('writes %j as %j', (text, encoded) => {
    expect(encodeMermaidText(text)).toBe(encoded)
  })

  it('keeps everyday text readable', () => {
    // given labels from the templates
    const labels = ['Sign & open account', 'Deposit 30%', '审批（加急）', 'Price: $40', 'Qualified?']
    // then they are written as they are
    expect(labels.map((l) => encodeMermaidText(l))).toEqual(labels)
  })

  it('writes colons as codes when asked, and extra characters', () => {
    expect(encodeMermaidText('a:b', { colons: true })).toBe('a#58;b')
    expect(encodeMermaidText('Top 10.5%', { also: '%.' })).toBe('Top 10#46;5#37;')
  })

  it.each(hostileCases())('never lets %j out of its quotes', (_name, label) => {
    const encoded = encodeMermaidText(label)
    expect(encoded).not.toMatch(/["\n\r`]|%%|<(?!br>)/)
    expect(encoded.replace(/<br>/g, '')).not.toMatch(/[<>]/)
  })

  it.each(hostileCases())('reads %j back exactly after Mermaid encoded it', (_name, label) => {
    expect(decodeMermaidText(throughMermaid(encodeMermaidText(label))).text).toBe(label)
  })
})

describe('decodeMermaidText', () => {
  it.each([
    ['Mermaid placeholders', 'say ﬂ°quot¶ßhiﬂ°quot¶ß ﬂ°°9829¶ß', 'say "hi" ♥'],
    ['codes as written', 'a #quot; b #35; c', 'a " b # c'],
    ['HTML entities', 'A &amp; B &lt;x&gt; &#65; &#x42;', 'A & B <x> A B'],
    ['unknown names as written', 'ﬂ°nosuch¶ß &nosuch; #nosuch;', '#nosuch; &nosuch; #nosuch;'],
    ['line breaks', 'a<br>b<br/>c<BR />d', 'a\nb\nc\nd'],
    ['impossible code points', 'ﬂ°°0¶ß ﬂ°°55296¶ß', '\ufffd \ufffd'],
  ])('decodes %s', (_what, raw, text) => {
    expect(decodeMermaidText(raw).text).toBe(text)
  })

  it('never decodes a decoded character again', () => {
    // given `&#38;lt;`, which a browser shows as "&lt;"
    expect(decodeMermaidText('ﬂ°°38¶ßlt;').text).toBe('&lt;')
    expect(decodeMermaidText('&amp;lt;').text).toBe('&lt;')
  })

  it('keeps the text of HTML labels and says tags were dropped', () => {
    const decoded = decodeMermaidText('<b>Bold</b> and <img src="x"> text')
    expect(decoded).toEqual({ text: 'Bold and  text', droppedHtml: true, droppedMarkdown: false })
  })

  it('turns markdown strings into plain text, line by line', () => {
    const decoded = decodeMermaidText('The **cat**\n    in the _hat_', 'markdown')
    expect(decoded).toEqual({ text: 'The cat\nin the hat', droppedHtml: false, droppedMarkdown: true })
  })

  it('leaves markdown characters alone outside markdown strings', () => {
    expect(decodeMermaidText('**not bold** _x_', 'string').text).toBe('**not bold** _x_')
  })
})
