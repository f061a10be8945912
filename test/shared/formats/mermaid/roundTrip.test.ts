/**
 * Flowlane → Mermaid → Flowlane through Mermaid's own parser (under jsdom, loaded once for
 * this file): every template in both locales, and labels built to break out (S6–S8, S14).
 */
import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import type { FlowDocument } from '../../../../shared/document/index.js'
import { formatImportProblem, fromMermaid, toMermaid } from '../../../../shared/formats/mermaid/index.js'
import { validFlow } from '../../../support/flows.js'
import { loadTemplate, templateFiles } from '../../../support/templates.js'
import { hostileCases, parseMermaid } from './support.js'

async function roundTrip(doc: FlowDocument): Promise<FlowDocument> {
  const result = await fromMermaid(toMermaid(doc), `${doc.id}.mmd`, parseMermaid)
  if (!result.ok) throw new Error(result.errors.map(formatImportProblem).join('\n'))
  expect(result.value.warnings).toEqual([])
  return result.value.document
}

/** What a round trip keeps: nodes with kind, label and lane; edges between the same nodes with label and probability; lanes. */
function structure(doc: FlowDocument) {
  const label = new Map(doc.nodes.map((n) => [n.id, n.label]))
  return {
    nodes: doc.nodes.map((n) => `${n.id} ${n.kind} ${JSON.stringify(n.label)} ${n.laneId ?? '-'}`).sort(),
    edges: doc.edges
      .map(
        (e) =>
          `${label.get(e.source)} → ${label.get(e.target)} ${JSON.stringify(e.label ?? '')} ${e.probability ?? '-'}`,
      )
      .sort(),
    lanes: doc.lanes.map((l) => `${l.id} ${l.name}`),
  }
}

const templates = templateFiles().map((file) => [`${file.locale}/${file.id}`, file] as const)

describe('Mermaid export of the templates', () => {
  it.each(templates)('%s is accepted by Mermaid’s parser, every node and link in it', async (_name, file) => {
    const doc = loadTemplate(file)
    for (const options of [{}, { direction: 'TB' as const, details: true }]) {
      const chart = await parseMermaid(toMermaid(doc, options))
      const lanes = new Set(chart.subgraphs.map((s) => s.id))
      expect(chart.diagramType).toBe('flowchart-v2')
      expect(chart.vertices.filter((v) => !lanes.has(v.id))).toHaveLength(doc.nodes.length)
      expect(chart.edges).toHaveLength(doc.edges.length)
      expect(chart.subgraphs).toHaveLength(doc.lanes.length)
    }
  })

  it.each(templates)('%s comes back with its structure, kinds and labels', async (_name, file) => {
    const doc = loadTemplate(file)
    expect(structure(await roundTrip(doc))).toEqual(structure(doc))
  })
})

describe('labels that try to break out', () => {
  it.each(hostileCases())('%j comes back identical as a node, edge and lane label', async (_name, label) => {
    // given the label on a step, on a link out of a decision and as a lane name
    const doc = produce(validFlow(), (draft) => {
      draft.nodes[1]!.label = label
      draft.edges[3]!.label = label
      draft.edges[1]!.label = label
      draft.lanes[1]!.name = label
    })
    // when
    const text = toMermaid(doc)
    const back = await roundTrip(doc)
    // then
    expect(text).not.toMatch(/^\s*click\b/m)
    expect(text).not.toContain('%%')
    expect(back.nodes.find((n) => n.id === 'qualify')?.label).toBe(label)
    expect(back.edges.find((e) => e.source === 'ok' && e.target === 'lost')).toMatchObject({ label, probability: 0.6 })
    expect(back.edges.find((e) => e.source === 'qualify')?.label).toBe(label)
    expect(back.lanes[1]?.name).toBe(label)
    expect(structure(back)).toEqual(structure(doc))
  })

  it('keeps an empty label and a link label that is only a probability', async () => {
    const doc = produce(validFlow(), (draft) => {
      draft.nodes[1]!.label = ''
      delete draft.edges[2]!.label
    })
    const back = await roundTrip(doc)
    expect(back.nodes.find((n) => n.id === 'qualify')?.label).toBe('')
    expect(back.edges.find((e) => e.target === 'approve')).toMatchObject({ probability: 0.4 })
    expect(back.edges.find((e) => e.target === 'approve')?.label).toBeUndefined()
  })

  it('keeps kinds the shapes alone cannot tell: a start with an incoming link, notes, a parallel join', async () => {
    const doc = produce(validFlow(), (draft) => {
      draft.nodes.push({ id: 'memo', kind: 'note', label: 'Remember', position: { x: 0, y: 0 } })
      draft.nodes.push({ id: 'join', kind: 'parallel', label: '+', position: { x: 0, y: 0 } })
      draft.edges.push({ id: 'back', source: 'lost', target: 'in' }, { id: 'j', source: 'join', target: 'won' })
    })
    expect(structure(await roundTrip(doc))).toEqual(structure(doc))
  })
})
