/**
 * Mermaid → Flowlane with Mermaid's own parser (under jsdom, loaded once for this file):
 * Mermaid's documentation examples, the diagrams of seed 002, pasted text, hostile input.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument, serializeDocument } from '../../../../shared/document/index.js'
import {
  formatImportProblem,
  fromMermaid,
  toMermaid,
  type MermaidImport,
} from '../../../../shared/formats/mermaid/index.js'
import { mermaidDocs, ownFixture, parseMermaid, SEED_002 } from './support.js'

async function imported(text: string, file = 'in.mmd', diagram?: number): Promise<MermaidImport> {
  const result = await fromMermaid(text, file, parseMermaid, diagram === undefined ? {} : { diagram })
  if (!result.ok) throw new Error(result.errors.map(formatImportProblem).join('\n'))
  return result.value
}

async function failure(text: string, file = 'in.mmd'): Promise<string> {
  const result = await fromMermaid(text, file, parseMermaid)
  if (result.ok) throw new Error('expected the import to fail')
  return result.errors.map(formatImportProblem).join('\n')
}

const messages = (result: MermaidImport): string[] => result.warnings.map(formatImportProblem)
const kinds = (result: MermaidImport): Record<string, string> =>
  Object.fromEntries(result.document.nodes.map((n) => [n.id, n.kind]))

describe('Mermaid’s documentation examples', () => {
  const docs = mermaidDocs()

  it('are all there', () => {
    expect(docs).toHaveLength(103)
  })

  it.each(docs.map((d) => [d.name, d.text]))('%s imports, loads, and its export parses again', async (name, text) => {
    const result = await imported(text, name)
    // what the import made, Flowlane opens as it is
    const reloaded = parseDocument(serializeDocument(result.document), name)
    expect(reloaded.ok).toBe(true)
    expect(result.document.nodes.length).toBeGreaterThan(0)
    for (const warning of result.warnings) expect(warning.file).toBe(name)
    // and Mermaid reads its export again, to the same structure
    const again = await imported(toMermaid(result.document), `${name}.again.mmd`)
    expect(again.document.nodes.map((n) => [n.id, n.kind, n.label])).toEqual(
      result.document.nodes.map((n) => [n.id, n.kind, n.label]).sort(byLane(result)),
    )
    expect(again.document.edges.length).toBe(result.document.edges.length)
  })

  it('keep what the examples mean: shapes, labels, links, subgraphs', async () => {
    const byName = new Map(docs.map((d) => [d.name, d.text]))
    const doc = async (name: string) => imported(byName.get(name) ?? '', name)
    expect((await doc('flowchart-001.mmd')).document.name).toBe('Node')
    expect((await doc('flowchart-004.mmd')).document.nodes.map((n) => n.label)).toEqual([
      'This is Markdown',
      'Line1\nLine 2\nLine 3',
    ])
    expect((await doc('flowchart-088.mmd')).document.nodes.map((n) => n.label)).toEqual([
      'A double quote:"',
      'A dec char:♥',
    ])
    expect(kinds(await doc('flowchart-103.mmd'))).toEqual({ A: 'task', B: 'task', C: 'decision', D: 'task', E: 'task' })
    expect((await doc('flowchart-086.mmd')).document.edges.map((e) => e.label ?? '')).toEqual(['', 'Yes', '', '', 'No'])
    const lanes = await doc('flowchart-089.mmd')
    expect(lanes.document.lanes.map((l) => l.name)).toEqual(['one', 'two', 'three'])
    expect(lanes.document.nodes.map((n) => `${n.id}:${n.laneId}`)).toEqual([
      'c1:three',
      'a2:one',
      'a1:one',
      'b1:two',
      'b2:two',
      'c2:three',
    ])
  })
})

/** An export writes nodes lane by lane; the order to compare an import with its re-import. */
function byLane(result: MermaidImport) {
  const order = new Map<string, number>()
  const lanes = result.document.lanes.map((l) => l.id)
  const nodes = [...result.document.nodes].sort(
    (a, b) =>
      (a.laneId === undefined ? lanes.length : lanes.indexOf(a.laneId)) -
      (b.laneId === undefined ? lanes.length : lanes.indexOf(b.laneId)),
  )
  nodes.forEach((n, i) => order.set(n.id, i))
  return (a: unknown[], b: unknown[]) => (order.get(a[0] as string) ?? 0) - (order.get(b[0] as string) ?? 0)
}

describe('seed 002', () => {
  const seed = readFileSync(SEED_002, 'utf8')

  it.each([
    [0, 7, 6],
    [1, 21, 19],
    [2, 21, 19],
  ])('diagram %d imports out of its doubled fence (%d steps, %d links)', async (diagram, nodes, edges) => {
    const result = await imported(seed, 'seed-002.txt', diagram)
    expect(result.document.nodes).toHaveLength(nodes)
    expect(result.document.edges).toHaveLength(edges)
    expect(result.document.nodes[0]).toMatchObject({ id: 'A', kind: 'task', label: '潜在客户获取' })
    expect(result.direction).toBe('TB')
    expect(messages(result)).toEqual([expect.stringMatching(/^seed-002\.txt:\d+: the text holds 3 Mermaid diagrams/)])
  })
})

describe('pasted text', () => {
  it('imports a Markdown page: title, lanes, kinds, probabilities, warnings with lines', async () => {
    const result = await imported(ownFixture('sales-pipeline.md'), 'docs/sales-pipeline.md')
    const { document } = result
    expect(document).toMatchObject({ id: 'sales-pipeline', name: 'Sales pipeline', roles: [] })
    expect(document.lanes).toEqual([
      { id: 'marketing', name: 'Marketing' },
      { id: 'sales', name: 'Sales' },
    ])
    expect(kinds(result)).toEqual({
      lead: 'start',
      capture: 'task',
      qualify: 'decision',
      quote: 'subprocess',
      wait: 'wait',
      approve: 'approval',
      won: 'end',
      lost: 'end',
    })
    expect(document.nodes.find((n) => n.id === 'capture')).toMatchObject({
      label: 'Capture & classify',
      laneId: 'marketing',
    })
    expect(document.edges.filter((e) => e.probability !== undefined).map((e) => [e.label, e.probability])).toEqual([
      ['yes', 0.4],
      ['no', 0.6],
      ['approved', 0.9],
      ['rejected', 0.1],
    ])
    expect(document.nodes.every((n) => n.position.x === 0 && n.position.y === 0)).toBe(true)
    expect(messages(result)).toEqual([
      'docs/sales-pipeline.md:28: dropped a click: Flowlane keeps no links or callbacks on steps',
      'docs/sales-pipeline.md:29: ignored 1 style statement(s): Flowlane colours steps by their kind',
    ])
  })

  it('reads CRLF, a BOM, semicolons and full-width brackets the same as clean text', async () => {
    const clean = await imported('graph TD\nA(潜在客户) --> B(资格审查)\nB --> C(跟进)\n')
    const pasted = await imported(
      '\uFEFF```mermaid\r\ngraph TD;\r\nA（潜在客户） --> B（资格审查）;\r\nB --> C（跟进）;\r\n```\r\n',
    )
    expect(pasted.document).toEqual(clean.document)
    expect(messages(pasted)).toEqual(['in.mmd:3: read full-width brackets （ ） as ( ) on line 3, 4'])
  })

  it('takes names from accTitle and accDescr', async () => {
    const result = await imported('flowchart LR\naccTitle: Lead flow\naccDescr: From lead to deal\nA --> B\n')
    expect(result.document).toMatchObject({ name: 'Lead flow', description: 'From lead to deal' })
  })
})

describe('shapes and links', () => {
  it('maps shapes to kinds, terminals by their links', async () => {
    const result = await imported(
      [
        'flowchart LR',
        '  s([Start]) --> d{Choose} --> h{{Approve}} --> r[[Sub]] --> w>Wait] --> t[Task] --> e([End])',
        '  c1((In)) --> c2((Split)) --> x[X] & y[Y] --> c3((Join)) --> c4((Out))',
        '  n1@{ shape: sm-circ, label: "begin" } --> n2@{ shape: delay, label: "Delay" } --> n3@{ shape: fork } --> n4@{ shape: dbl-circ, label: "stop" }',
        '  m@{ shape: comment, label: "A note" }',
        '  db[(Orders)] --> doc@{ shape: doc, label: "Invoice" }',
        '  mid([Middle]) --> t',
        '  t --> mid',
      ].join('\n'),
    )
    expect(kinds(result)).toMatchObject({
      s: 'start',
      d: 'decision',
      h: 'approval',
      r: 'subprocess',
      w: 'wait',
      t: 'task',
      e: 'end',
      c1: 'start',
      c2: 'parallel',
      c3: 'parallel',
      c4: 'end',
      n1: 'start',
      n2: 'wait',
      n3: 'parallel',
      n4: 'end',
      m: 'note',
      db: 'task',
      doc: 'task',
      mid: 'task',
    })
    expect(messages(result)).toContain('in.mmd:6: imported as tasks, having no Flowlane kind: shapes cylinder, doc')
  })

  it('reads chains, &, both label syntaxes, dotted, thick, open and invisible links', async () => {
    const result = await imported(
      [
        'flowchart LR',
        '  A -- one --> B -->|two| C',
        '  A & B --> D',
        '  C -.-> D',
        '  D ==> E',
        '  E --- F',
        '  F ~~~ A',
      ].join('\n'),
    )
    expect(result.document.edges.map((e) => `${e.source}>${e.target}${e.label ? `:${e.label}` : ''}`)).toEqual([
      'A>B:one',
      'B>C:two',
      'A>D',
      'B>D',
      'C>D',
      'D>E',
      'E>F',
    ])
    expect(messages(result)).toEqual([
      'in.mmd:4: drew 2 dotted or thick link(s) as ordinary flows',
      'in.mmd:6: read 1 link(s) without arrowhead as flowing from the first node to the second',
      "in.mmd:7: dropped 1 invisible link(s) (~~~): they only steer Mermaid's layout",
    ])
  })

  it('reads probabilities only where cases choose a way', async () => {
    const result = await imported(
      [
        'flowchart LR',
        '  a[Top 10%] -->|Top 10%| b[Next]',
        '  b --> q{OK?}',
        '  q -->|yes 70%| c[C]',
        '  q -->|no 0.3| d[D]',
      ].join('\n'),
    )
    expect(result.document.edges.map((e) => [e.label, e.probability])).toEqual([
      ['Top 10%', undefined],
      [undefined, undefined],
      ['yes', 0.7],
      ['no', 0.3],
    ])
  })

  it('flattens nested subgraphs and joins links to subgraphs to their first and last steps', async () => {
    const result = await imported(
      [
        'flowchart LR',
        '  subgraph outer [Outer]',
        '    subgraph inner [Inner]',
        '      i1 --> i2',
        '    end',
        '    o1',
        '  end',
        '  start --> outer',
        '  inner --> o1',
      ].join('\n'),
    )
    expect(result.document.lanes).toEqual([
      { id: 'inner', name: 'Inner' },
      { id: 'outer', name: 'Outer' },
    ])
    expect(result.document.edges.map((e) => `${e.source}>${e.target}`)).toEqual([
      'i1>i2',
      'start>i1',
      'start>o1',
      'i2>o1',
    ])
    expect(messages(result)).toEqual([
      'in.mmd:3: flattened nested subgraphs ("inner" in "outer"): each step is in the lane of its innermost subgraph',
      "in.mmd:8: links to or from subgraphs (outer, inner) now join the steps where the subgraph's flow starts or ends",
    ])
  })

  it.each([
    ['flowchart LR', 'LR', []],
    ['flowchart TD', 'TB', []],
    ['graph BT', 'TB', ['in.mmd:1: direction BT is drawn top to bottom: Flowlane lays flows out forwards']],
    ['flowchart RL', 'LR', ['in.mmd:1: direction RL is drawn left to right: Flowlane lays flows out forwards']],
    ['graph', 'TB', []],
  ])('%s is laid out %s', async (header, direction, warnings) => {
    const result = await imported(`${header}\n  A --> B\n`)
    expect(result.direction).toBe(direction)
    expect(messages(result)).toEqual(warnings)
  })
})

describe('hostile input', () => {
  it('drops clicks, directives and styles with a warning each, and keeps labels as plain text (S6–S8)', async () => {
    const result = await imported(ownFixture('hostile.mmd'), 'hostile.mmd')
    expect(result.document.nodes.map((n) => n.label)).toEqual(['Lead', 'Qualify', 'Won'])
    expect(messages(result)).toEqual([
      'hostile.mmd:1: ignored a %%{…}%% directive: Flowlane keeps no Mermaid settings',
      'hostile.mmd:3: kept the text of 1 label(s) without their HTML tags',
      'hostile.mmd:5: dropped a click: Flowlane keeps no links or callbacks on steps',
      'hostile.mmd:6: dropped a click: Flowlane keeps no links or callbacks on steps',
      'hostile.mmd:7: dropped a click: Flowlane keeps no links or callbacks on steps',
      'hostile.mmd:8: ignored 1 style statement(s): Flowlane colours steps by their kind',
      'hostile.mmd:9: ignored 1 classDef statement(s): Flowlane colours steps by their kind',
      'hostile.mmd:10: ignored 1 class statement(s): Flowlane colours steps by their kind',
    ])
    const again = toMermaid(result.document)
    expect(again).not.toMatch(/click|javascript|%%|url\(/)
  })

  it('keeps the text that a label’s markup shows, never the markup', async () => {
    const result = await imported('flowchart LR\n  A["<b>Bold</b><br>next <iframe srcdoc=x></iframe>"] --> B\n')
    expect(result.document.nodes[0]?.label).toBe('Bold\nnext ')
  })

  it('refuses more than 5,000 links as too complex (L5)', async () => {
    const text = `flowchart LR\n${Array.from({ length: 6000 }, (_, i) => `n${i} --> n${i + 1}`).join('\n')}\n`
    expect(await failure(text)).toBe('in.mmd: too complex: more than 5,000 links')
  })

  it('imports 2,000 nodes and 600 links in well under 10 s (L5)', async () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => `n${i}["Step ${i}"]`)
    const links = Array.from({ length: 600 }, (_, i) => `n${i} --> n${i + 1}`)
    const started = performance.now()
    const result = await imported(`flowchart LR\n${nodes.join('\n')}\n${links.join('\n')}\n`)
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(result.document.nodes).toHaveLength(2000)
    expect(result.document.edges).toHaveLength(600)
  })

  it('refuses a label over 5,000 characters, naming the node and its line, never cutting it (L3)', async () => {
    const text = `flowchart LR\n  A --> B\n  B["${'x'.repeat(5001)}"]\n`
    expect(await failure(text)).toBe(
      'in.mmd:3:1: the label of node "B" is 5,001 characters long; Flowlane keeps at most 5,000 and never cuts a label: shorten it',
    )
  })
})

describe('errors', () => {
  it('names the file, line and column of a syntax error', async () => {
    expect(await failure(ownFixture('broken.mmd'), 'broken.mmd')).toBe(
      'broken.mmd:4:10: Mermaid syntax error: unexpected "|"; expected ]',
    )
  })

  it('counts lines in the file, not in the diagram, and columns past entity codes', async () => {
    const text = 'Notes first.\n\n```mermaid\nflowchart LR\n  A["#quot;x#quot;"] --> end\n```\n'
    expect(await failure(text, 'page.md')).toBe(
      'page.md:5:26: Mermaid syntax error: unexpected "end"; expected |, a node id',
    )
  })

  it('places a lexical error', async () => {
    expect(await failure('flowchart LR\n  A --> B\n  A--> ]\n')).toBe(
      'in.mmd:3:8: Mermaid cannot read the text here: "]"',
    )
  })

  it('says where an unclosed bracket starts', async () => {
    expect(await failure('flowchart LR\n  A[Start --> B\n')).toBe(
      'in.mmd:2:5: Mermaid syntax error: the diagram ends while a bracket, a quote or a subgraph is still open',
    )
  })

  it('refuses other kinds of diagram by name', async () => {
    expect(await failure(ownFixture('sequence.mmd'), 'sequence.mmd')).toBe(
      'sequence.mmd:1:1: this is a Mermaid sequenceDiagram diagram; Flowlane imports flowcharts, which start with `flowchart` or `graph`',
    )
  })
})
