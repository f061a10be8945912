import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  normaliseFullWidthBrackets,
  prepareMermaidText,
  type PreparedDiagram,
} from '../../../../shared/formats/mermaid/prepareMermaidText.js'
import { SEED_002 } from './support.js'

function prepared(text: string, diagram?: number): PreparedDiagram {
  const result = prepareMermaidText(text, diagram)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('prepareMermaidText', () => {
  it('passes a bare diagram through', () => {
    expect(prepared('flowchart LR\n  A --> B\n')).toEqual({
      text: 'flowchart LR\n  A --> B\n',
      firstLine: 1,
      firstLineIndent: 0,
      warnings: [],
    })
  })

  it('takes the diagram out of a ```mermaid fence in Markdown, keeping its line numbers', () => {
    // given prose, a fence and more prose
    const text = 'Our flow:\n\n```mermaid\ngraph TD\n  A --> B\n```\n\nThe end.\n'
    // then the parser's line 1 is the file's line 4
    expect(prepared(text)).toMatchObject({ text: 'graph TD\n  A --> B', firstLine: 4, warnings: [] })
  })

  it('drops a BOM and reads CRLF and CR line ends', () => {
    expect(prepared('\uFEFF```mermaid\r\ngraph TD;\r\n  A-->B;\r\n```\r\n').text).toBe('graph TD;\n  A-->B;')
    expect(prepared('graph TD\r  A-->B\r').text).toBe('graph TD\n  A-->B\n')
  })

  it('reads a header on the fence line: ```mermaid flowchart LR and ```graph TD;', () => {
    expect(prepared('```mermaid flowchart LR\nA --> B\n```\n')).toMatchObject({
      text: 'flowchart LR\nA --> B',
      firstLine: 1,
      firstLineIndent: 11,
    })
    expect(prepared('```graph TD;\nA --> B;\n```\n')).toMatchObject({ text: 'graph TD;\nA --> B;', firstLineIndent: 3 })
  })

  it('ignores other text on a ```mermaid line', () => {
    expect(prepared('```mermaid title="Sales"\nflowchart LR\nA --> B\n```').text).toBe('flowchart LR\nA --> B')
  })

  it('finds a flowchart in an unlabelled or mislabelled fence', () => {
    expect(prepared('```\ngraph LR\nA-->B\n```').text).toBe('graph LR\nA-->B')
    expect(prepared('```text\n---\ntitle: T\n---\ngraph LR\nA-->B\n```').title).toBe('T')
  })

  it('comes apart the doubled fence of seed 002 into its three diagrams', () => {
    const seed = readFileSync(SEED_002, 'utf8')
    const diagrams = [0, 1, 2].map((i) => prepared(seed, i))
    expect(diagrams.map((d) => d.text.split('\n')[0])).toEqual(['graph TD;', 'graph TD;', 'graph TD;'])
    expect(diagrams.map((d) => d.text.split('\n').length)).toEqual([7, 20, 20])
    expect(diagrams[0]?.warnings[0]?.message).toMatch(/holds 3 Mermaid diagrams; imported the one at line 22/)
    expect(prepareMermaidText(seed, 3)).toMatchObject({
      ok: false,
      error: { message: 'there is no diagram 4: the text holds 3' },
    })
  })

  it('skips prose before an unfenced diagram, with a warning', () => {
    expect(prepared('Here is the chart:\ngraph TD\nA-->B')).toMatchObject({
      text: 'graph TD\nA-->B',
      firstLine: 2,
      warnings: [{ line: 1, message: 'ignored the text before the diagram (lines 1–1)' }],
    })
  })

  it('takes the title from front-matter and warns about Mermaid settings', () => {
    const text = '---\ntitle: "Sales flow"\nconfig:\n  theme: dark\n---\nflowchart LR\nA --> B\n'
    expect(prepared(text)).toMatchObject({
      title: 'Sales flow',
      firstLine: 6,
      warnings: [{ line: 1, message: expect.stringContaining('front-matter settings ignored: config') }],
    })
  })

  it('refuses a front-matter that is never closed', () => {
    expect(prepareMermaidText('```mermaid\n---\ntitle: x\nflowchart LR\nA-->B\n```')).toMatchObject({
      ok: false,
      error: { line: 2, column: 1, message: 'the front-matter that starts here is never closed with ---' },
    })
  })

  it('blanks %%{init}%% directives and comments, keeping positions, and warns about directives', () => {
    const directive = '%%{init: {"securityLevel":"loose"}}%%'
    const result = prepared(`flowchart LR\n${directive}\n%% a comment\n  A --> B\n`)
    expect(result.text).toBe(`flowchart LR\n${' '.repeat(directive.length)}\n\n  A --> B\n`)
    expect(result.warnings).toMatchObject([
      { line: 2, message: expect.stringContaining('ignored a %%{…}%% directive') },
    ])
  })

  it('blanks a directive before the header and one left open', () => {
    const result = prepared('%%{init: {"theme":"dark"}}%%\nflowchart LR\nA --> B %%{init\n')
    expect(result).toMatchObject({ text: 'flowchart LR\nA --> B        \n', firstLine: 2 })
    expect(result.warnings.map((w) => w.line)).toEqual([1, 3])
    expect(result.text).not.toContain('%%')
  })

  it('reads full-width brackets as ASCII where they are syntax, with a warning naming the lines', () => {
    const text = 'graph TD\nA（潜在客户获取） --> B（客户资格审查）\nB --> C["客户（重要）"]\n'
    expect(prepared(text)).toMatchObject({
      text: 'graph TD\nA(潜在客户获取) --> B(客户资格审查)\nB --> C["客户（重要）"]\n',
      warnings: [{ line: 2, message: 'read full-width brackets （ ） as ( ) on line 2' }],
    })
  })

  it.each([
    ['A（x）', 'A(x)'],
    ['A[客户（重要）]', 'A[客户（重要）]'],
    ['A -->|是（Y）| B', 'A -->|是（Y）| B'],
    ['A（x（y）z）', 'A(x（y）z)'],
    ['A{｛x｝}', 'A{｛x｝}'],
    ['A［x］', 'A[x]'],
  ])('normalises %s as %s', (line, normal) => {
    expect(normaliseFullWidthBrackets(line)).toBe(normal)
  })

  it.each([
    ['sequenceDiagram\nA->>B: hi', 'this is a Mermaid sequenceDiagram diagram; Flowlane imports flowcharts'],
    ['xychart-beta\nx-axis 1 --> 1', 'this is a Mermaid xychart-beta diagram'],
    ['flowchrt LR\nA-->B', 'expected `flowchart` or `graph` and a direction on the first line'],
    ['```mermaid\n```', 'the diagram is empty'],
  ])('refuses what is not a flowchart: %j', (text, message) => {
    const result = prepareMermaidText(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain(message)
  })

  it('says so when a Markdown text holds no flowchart', () => {
    expect(prepareMermaidText('# Notes\n\n```js\nconsole.log(1)\n```\n')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('no Mermaid flowchart found') },
    })
  })

  it('refuses subgraphs nested more than 100 deep before Mermaid sees them', () => {
    const text = `flowchart LR\n${'subgraph s\n'.repeat(101)}a\n${'end\n'.repeat(101)}`
    expect(prepareMermaidText(text)).toMatchObject({
      ok: false,
      error: { line: 102, column: 1, message: 'too complex: subgraphs nested more than 100 deep' },
    })
    expect(prepareMermaidText(`flowchart LR\n${'subgraph s\n'.repeat(100)}a\n${'end\n'.repeat(100)}`).ok).toBe(true)
  })

  it('refuses a diagram over 500 kB', () => {
    const text = `flowchart LR\n${'A --> B\n'.repeat(70_000)}`
    expect(prepareMermaidText(text)).toMatchObject({
      ok: false,
      error: {
        line: 1,
        column: 1,
        message: expect.stringMatching(/^too complex: the diagram is 547 kB; .* up to 500 kB$/),
      },
    })
  })
})
