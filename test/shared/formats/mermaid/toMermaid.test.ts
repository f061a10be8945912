import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import { parseDocument, type FlowDocument } from '../../../../shared/document/index.js'
import { isSafeMermaidId, toMermaid } from '../../../../shared/formats/mermaid/toMermaid.js'
import { fixturePath, tinyText } from '../../../support/documents.js'
import { validFlow } from '../../../support/flows.js'
import { HOSTILE_LABELS, OWN_FIXTURES } from './support.js'

function tiny(): FlowDocument {
  const result = parseDocument(tinyText(), fixturePath('tiny.flow.json'))
  if (!result.ok) throw new Error('tiny.flow.json does not load')
  return result.value
}

describe('toMermaid', () => {
  it('writes the small flow of file-format.md as the golden file', () => {
    expect(toMermaid(tiny())).toBe(readFileSync(join(OWN_FIXTURES, 'tiny.golden.mmd'), 'utf8'))
  })

  it('is deterministic', () => {
    expect(toMermaid(validFlow())).toBe(toMermaid(structuredClone(validFlow())))
  })

  it('draws each kind in its shape, with its class', () => {
    // given one node of every kind
    const kinds = ['start', 'end', 'task', 'decision', 'parallel', 'approval', 'wait', 'subprocess', 'note'] as const
    const doc = produce(validFlow(), (draft) => {
      draft.lanes = []
      draft.edges = []
      draft.nodes = kinds.map((kind) => ({
        id: kind === 'end' ? 'stop' : kind,
        kind,
        label: kind,
        position: { x: 0, y: 0 },
      }))
    })
    // then
    const lines = toMermaid(doc).split('\n')
    expect(lines.slice(1, 10)).toEqual([
      '  start(["start"])',
      '  stop(["end"])',
      '  task["task"]',
      '  decision{"decision"}',
      '  parallel(("parallel"))',
      '  approval{{"approval"}}',
      '  wait>"wait"]',
      '  subprocess[["subprocess"]]',
      '  note[/"note"/]',
    ])
    expect(lines).toContain('  class decision fl_decision')
    expect(lines).toContain('  classDef fl_note fill:#fffde7,stroke:#9e9d24,color:#1b1b1b')
  })

  it('draws lanes as subgraphs named after them, nodes of unknown lanes outside', () => {
    const doc = produce(validFlow(), (draft) => {
      draft.lanes.push({ id: 'empty', name: 'Nobody here' })
      draft.nodes[0]!.laneId = 'gone'
    })
    const text = toMermaid(doc)
    expect(text).toContain(
      '  subgraph sales ["Sales"]\n    qualify["Qualify"]\n    ok{"Qualified?"}\n    lost(["Lost"])\n  end\n',
    )
    expect(text).toContain('  subgraph empty ["Nobody here"]\n  end\n')
    expect(text).toMatch(/\n {2}in\(\["Lead"\]\)\n/)
  })

  it('puts the probability in the edge label', () => {
    const text = toMermaid(validFlow())
    expect(text).toContain('  ok -->|"yes · 40%"| approve\n')
    expect(text).toContain('  approve -->|"rejected · 10%"| lost\n')
    const unlabelled = produce(validFlow(), (draft) => {
      delete draft.edges[2]!.label
    })
    expect(toMermaid(unlabelled)).toContain('  ok -->|"40%"| approve\n')
  })

  it('writes the % of a label that looks like a probability as a code', () => {
    const doc = produce(validFlow(), (draft) => {
      draft.edges[0]!.label = 'Top 10%'
      draft.edges[2]!.label = 'yes 0.5'
    })
    const text = toMermaid(doc)
    expect(text).toContain('  in -->|"Top 10#37;"| qualify\n')
    expect(text).toContain('  ok -->|"yes 0#46;5 · 40%"| approve\n')
  })

  it('lays out top to bottom on request', () => {
    expect(toMermaid(validFlow(), { direction: 'TB' }).split('\n')[0]).toBe('flowchart TB')
  })

  it('adds the owner and the time limit as a second line on request', () => {
    expect(toMermaid(validFlow(), { details: true })).toContain('    qualify["Qualify<br>Sales rep · 1 workday"]\n')
    const zh = produce(validFlow(), (draft) => {
      draft.locale = 'zh-CN'
      draft.roles[0]!.name = '销售'
    })
    expect(toMermaid(zh, { details: true })).toContain('    qualify["Qualify<br>销售 · 1个工作日"]\n')
  })

  it('renames ids Mermaid cannot read, deterministically and without collisions', () => {
    // given ids with spaces, keywords, dots, a lane id equal to a node id and a taken "n2"
    const doc = produce(validFlow(), (draft) => {
      draft.nodes[0]!.id = 'lead in'
      draft.nodes[1]!.id = 'end'
      draft.nodes[2]!.id = 'n2'
      draft.nodes[3]!.id = 'style-x'
      draft.lanes[0]!.id = 'n2'
      draft.edges = [{ id: 'e1', source: 'lead in', target: 'end' }]
      for (const node of draft.nodes) delete node.laneId
    })
    const text = toMermaid(doc)
    expect(text).toContain('  n1(["Lead"])\n  n2_2["Qualify"]\n  n2{"Qualified?"}\n  n4{{"Approve discount"}}\n')
    expect(text).toContain('  subgraph lane1 ["Sales"]\n')
    expect(text).toContain('  n1 --> n2_2\n')
  })

  it.each([
    ['lead-in', true],
    ['a_b', true],
    ['Start', true],
    ['end', false],
    ['end-x', false],
    ['style-x', false],
    ['a--b', false],
    ['1a', false],
    ['a b', false],
    ['a.b', false],
    ['-a', false],
    ['审批', false],
  ])('knows whether %j is a safe Mermaid id: %s', (id, safe) => {
    expect(isSafeMermaidId(id)).toBe(safe)
  })

  it('never writes a click line or a directive, whatever the labels hold (S14)', () => {
    const doc = produce(validFlow(), (draft) => {
      draft.lanes[0]!.name = HOSTILE_LABELS.join('')
      HOSTILE_LABELS.forEach((label, index) => {
        draft.nodes.push({ id: `h${index}`, kind: 'task', label, position: { x: 0, y: 0 } })
        draft.edges.push({ id: `he${index}`, source: 'qualify', target: `h${index}`, label })
      })
    })
    const text = toMermaid(doc)
    expect(text).not.toMatch(/^\s*click\b/m)
    expect(text).not.toContain('%%')
    expect(text).not.toMatch(/<(?!br>)/)
    // every label stays on its own line: one line per node, lane, edge and class statement
    const kinds = new Set(doc.nodes.map((n) => n.kind)).size
    expect(text.split('\n').length).toBe(1 + 2 * doc.lanes.length + doc.nodes.length + doc.edges.length + 2 * kinds + 1)
  })

  it('keeps the trailing ; of an entity code on a line Mermaid would cut (style…:…#…;)', () => {
    const doc = produce(validFlow(), (draft) => {
      draft.nodes[0]!.label = 'lifestyle:#1; "x"'
    })
    expect(toMermaid(doc)).toContain('  in(["lifestyle#58;#35;1; #34;x#34;"])\n')
  })
})
