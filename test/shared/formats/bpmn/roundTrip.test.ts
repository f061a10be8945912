import { describe, expect, it } from 'vitest'
import { serializeDocument, type FlowDocument } from '../../../../shared/document/index.js'
import { fromBpmnXml, toBpmnXml } from '../../../../shared/formats/bpmn/index.js'
import { validFlow } from '../../../support/flows.js'
import { loadTemplate, templateFiles } from '../../../support/templates.js'
import { xsdProblems } from './support.js'

async function roundTrip(doc: FlowDocument): Promise<{ back: string; warnings: readonly unknown[]; xml: string }> {
  const { xml } = await toBpmnXml(doc)
  const result = await fromBpmnXml(xml, 'round-trip.bpmn')
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return { back: serializeDocument(result.value.document), warnings: result.value.warnings, xml }
}

describe('Flowlane → BPMN → Flowlane', () => {
  it.each(templateFiles().map((f) => [`${f.locale}/${f.id}`, f] as const))(
    '%s comes back byte for byte, without warnings',
    async (_name, file) => {
      const doc = loadTemplate(file)
      const { back, warnings } = await roundTrip(doc)
      expect(warnings).toEqual([])
      expect(back).toBe(serializeDocument(doc))
    },
  )

  it('keeps every field, odd ids, notes in lanes, edges to notes, empty lists and x- extensions', async () => {
    const doc: FlowDocument = {
      ...structuredClone(validFlow()),
      description: 'Line one\nline two, "quoted" & <tagged>',
      locale: 'zh-CN',
      currency: 'CNY',
      'x-review': { by: ['ann', 'bo'], depth: { n: 1 } },
      'x-flag': true,
    }
    doc.roles[0]!.costPerHour = 40.5
    doc.lanes[1]!.height = 333
    const qualify = doc.nodes.find((n) => n.id === 'qualify')!
    Object.assign(qualify, {
      id: 'qualify lead #1',
      description: '',
      size: { width: 240, height: 120 },
      color: '#a1b2c3',
      steps: ['  leading spaces', 'tab\there', ''],
      resources: { people: 2, tools: [], materials: ['paper'], budget: 1234.5 },
      qualityControls: [{ standard: 'S', measure: 'M', metric: 'X', target: '≤ 1 h' }, { standard: 'only' }],
      tags: [],
      why: 'because\nreasons',
      how: '',
      duration: { dist: 'pert', min: 0.1, mode: 0.25, max: 1e-3 + 1, unit: 'minute' },
    })
    for (const edge of doc.edges) {
      if (edge.source === 'qualify') edge.source = 'qualify lead #1'
      if (edge.target === 'qualify') edge.target = 'qualify lead #1'
    }
    doc.nodes.push(
      {
        id: 'note',
        kind: 'note',
        label: 'Remember\nthis',
        position: { x: 10.5, y: -20.25 },
        laneId: 'sales',
        tags: ['x'],
      },
      {
        id: 'cool-off',
        kind: 'wait',
        label: '',
        position: { x: 900, y: 0 },
        laneId: 'mgmt',
        duration: { dist: 'uniform', min: 1, max: 2, unit: 'week' },
        timeout: { after: { value: 5, unit: 'workday' }, edgeId: 'e8' },
      },
      {
        id: 'e1',
        kind: 'start',
        label: 'Same id as an edge',
        position: { x: 0, y: 400 },
        arrivals: { dist: 'normal', mean: 2, sd: 0.5, unit: 'hour' },
      },
    )
    doc.edges.push(
      { id: 'e7', source: 'note', target: 'qualify lead #1', label: 'about', condition: 'c', points: [] },
      { id: 'e8', source: 'cool-off', target: 'lost', label: '' },
      {
        id: 'e9',
        source: 'approve',
        target: 'cool-off',
        points: [
          { x: 650, y: 420 },
          { x: 950.5, y: 420 },
        ],
      },
      { id: 'e10', source: 'cool-off', target: 'won', condition: '' },
      { id: 'e11', source: 'e1', target: 'qualify lead #1' },
    )
    doc.nodes.find((n) => n.id === 'ok')!.timeout = { after: { value: 1, unit: 'hour' }, edgeId: 'e4' }
    const { back, xml } = await roundTrip(doc)
    expect(back).toBe(serializeDocument(doc))
    expect(xsdProblems({ 'every-field.bpmn': xml })).toEqual([])
  })

  it('takes what another tool changed: a renamed step, a new time limit, a moved step', async () => {
    const doc = structuredClone(validFlow())
    let { xml } = await toBpmnXml(doc)
    xml = xml
      .replace('name="Qualify"', 'name="Qualify the lead"')
      .replace(/(<bpmn:boundaryEvent id="qualify_timeLimit"[\s\S]*?<bpmn:timeDuration[^>]*>)P1D</, '$1PT4H<')
      .replace(/(<bpmndi:BPMNShape id="qualify_di"[^>]*>\s*<dc:Bounds x=")200(")/, '$1260$2')
    const result = await fromBpmnXml(xml, 'edited.bpmn')
    if (!result.ok) throw new Error('import failed')
    const qualify = result.value.document.nodes.find((n) => n.id === 'qualify')!
    expect(qualify.label).toBe('Qualify the lead')
    expect(qualify.timeLimit).toEqual({ value: 4, unit: 'hour' })
    expect(qualify.position).toEqual({ x: 260, y: 0 })
  })
})
