import { beforeAll, describe, expect, it } from 'vitest'
import type { FlowDocument } from '../../../../shared/document/index.js'
import { createModdle, toBpmnXml } from '../../../../shared/formats/bpmn/index.js'
import { validFlow } from '../../../support/flows.js'
import { loadTemplate, templateFiles } from '../../../support/templates.js'
import { moddleWarnings, xsdProblems } from './support.js'

const templates = templateFiles().map((file) => ({ name: `${file.locale}/${file.id}`, doc: loadTemplate(file) }))
const exports = new Map<string, string>()

beforeAll(async () => {
  for (const { name, doc } of templates) exports.set(name, (await toBpmnXml(doc)).xml)
})

interface Parsed {
  readonly types: Map<string, string>
  readonly shapes: Map<string, { isExpanded?: boolean; width: number }>
  readonly edges: Map<string, number>
  readonly root: any
}

async function parse(xml: string): Promise<Parsed> {
  const { rootElement } = await createModdle().fromXML(xml)
  const root: any = rootElement
  const types = new Map<string, string>()
  const visit = (element: any): void => {
    types.set(element.id, element.$type)
    for (const child of [...(element.flowElements ?? []), ...(element.artifacts ?? [])]) visit(child)
    for (const set of element.laneSets ?? []) for (const lane of set.lanes ?? []) types.set(lane.id, lane.$type)
  }
  for (const element of root.rootElements) {
    visit(element)
    for (const participant of element.participants ?? []) types.set(participant.id, participant.$type)
  }
  const shapes = new Map<string, { isExpanded?: boolean; width: number }>()
  const edges = new Map<string, number>()
  for (const item of root.diagrams[0].plane.planeElement) {
    if (item.$type === 'bpmndi:BPMNShape')
      shapes.set(item.bpmnElement.id, { isExpanded: item.isExpanded, width: item.bounds.width })
    else edges.set(item.bpmnElement.id, item.waypoint.length)
  }
  return { types, shapes, edges, root }
}

describe('toBpmnXml on every template, both locales', () => {
  it('is valid against the OMG BPMN 2.0 XSD', () => {
    expect(xsdProblems(Object.fromEntries([...exports].map(([name, xml]) => [`${name}.bpmn`, xml])))).toEqual([])
  })

  it.each(templates.map((t) => t.name))('%s reads back with bpmn-moddle with zero warnings', async (name) => {
    expect(await moddleWarnings(exports.get(name)!)).toEqual([])
  })

  it.each(templates.map((t) => t.name))(
    '%s has a DI shape for every element and ≥ 2 waypoints per edge',
    async (name) => {
      const { types, shapes, edges } = await parse(exports.get(name)!)
      for (const [id, type] of types) {
        if (type === 'bpmn:SequenceFlow' || type === 'bpmn:Association')
          expect(edges.get(id), id).toBeGreaterThanOrEqual(2)
        else if (type !== 'bpmn:Process' && type !== 'bpmn:Collaboration')
          expect(shapes.has(id), `${type} ${id}`).toBe(true)
      }
      const doc = templates.find((t) => t.name === name)!.doc
      expect(doc.nodes.every((n) => shapes.has(n.id))).toBe(true)
      expect(doc.lanes.every((l) => shapes.has(l.id))).toBe(true)
    },
  )

  it('writes the kinds the standard way', async () => {
    const doc = templates.find((t) => t.name === 'en/manufacturing-order')!.doc
    const { types, shapes } = await parse(exports.get('en/manufacturing-order')!)
    const expected: Record<string, string> = {
      start: 'bpmn:StartEvent',
      end: 'bpmn:EndEvent',
      task: 'bpmn:UserTask',
      approval: 'bpmn:UserTask',
      decision: 'bpmn:ExclusiveGateway',
      parallel: 'bpmn:ParallelGateway',
      subprocess: 'bpmn:SubProcess',
    }
    for (const node of doc.nodes) {
      if (expected[node.kind]) expect(types.get(node.id), node.id).toBe(expected[node.kind])
      if (node.kind === 'subprocess') expect(shapes.get(node.id)?.isExpanded).toBe(false)
    }
  })
})

describe('toBpmnXml details', () => {
  function flow(changes: (doc: FlowDocument) => void): FlowDocument {
    const doc = structuredClone(validFlow())
    changes(doc)
    return doc
  }

  it('writes a time limit as a non-interrupting boundary timer and a timeout as an interrupting one with its flow', async () => {
    const doc = flow((d) => {
      d.edges.push({ id: 'cold', source: 'approve', target: 'lost', label: 'gone cold' })
      d.nodes.find((n) => n.id === 'approve')!.timeout = { after: { value: 3, unit: 'day' }, edgeId: 'cold' }
    })
    const { root } = await parse((await toBpmnXml(doc)).xml)
    const process = root.rootElements.find((e: any) => e.$type === 'bpmn:Process')
    const boundaries = process.flowElements.filter((e: any) => e.$type === 'bpmn:BoundaryEvent')
    const onApprove = boundaries.filter((b: any) => b.attachedToRef.id === 'approve')
    const limit = onApprove.find((b: any) => b.cancelActivity === false)
    const timeout = onApprove.find((b: any) => b.cancelActivity !== false)
    expect(limit.eventDefinitions[0].timeDuration.body).toBe('P1D')
    expect(timeout.eventDefinitions[0].timeDuration.body).toBe('P3D')
    const cold = process.flowElements.find((e: any) => e.id === 'cold')
    expect(cold.sourceRef).toBe(timeout)
  })

  it('names the owner as a potential owner, the condition as an expression, the wait as a timer', async () => {
    const doc = flow((d) => {
      d.edges.find((e) => e.id === 'e3')!.condition = 'BANT ≥ 3'
      d.nodes.push({
        id: 'feedback',
        kind: 'wait',
        label: 'Customer feedback',
        position: { x: 0, y: 300 },
        duration: { dist: 'fixed', value: 3, unit: 'day' },
      })
    })
    const { root } = await parse((await toBpmnXml(doc)).xml)
    const process = root.rootElements.find((e: any) => e.$type === 'bpmn:Process')
    const qualify = process.flowElements.find((e: any) => e.id === 'qualify')
    expect(qualify.resources[0].$type).toBe('bpmn:PotentialOwner')
    expect(qualify.resources[0].resourceAssignmentExpression.expression.body).toBe('Sales rep')
    expect(process.flowElements.find((e: any) => e.id === 'e3').conditionExpression.body).toBe('BANT ≥ 3')
    const wait = process.flowElements.find((e: any) => e.id === 'feedback')
    expect(wait.$type).toBe('bpmn:IntermediateCatchEvent')
    expect(wait.eventDefinitions[0].timeDuration.body).toBe('P3D')
  })

  it('keeps ids BPMN cannot hold, strips characters XML cannot hold, and stays valid', async () => {
    const doc = flow((d) => {
      d.nodes[1]!.id = '1 qualify & <go>'
      d.edges[0]!.target = '1 qualify & <go>'
      d.edges[1]!.source = '1 qualify & <go>'
      d.edges[1]!.id = 'in' // the same id as a node: allowed in Flowlane, not in BPMN
      d.nodes[1]!.label = 'Qualify\u0001 lead\uD800'
      d.nodes[1]!.color = '#ffcc00'
    })
    const { xml, warnings } = await toBpmnXml(doc)
    expect(warnings).toEqual([expect.stringContaining('removed characters XML cannot hold from the label of')])
    expect(xsdProblems({ 'odd.bpmn': xml })).toEqual([])
    expect(await moddleWarnings(xml)).toEqual([])
    expect(xml).toContain('name="Qualify lead"')
    expect(xml).toContain('color:background-color="#ffcc00"')
  })

  it('warns when a timeout cannot be a boundary timer', async () => {
    const doc = flow((d) => {
      d.nodes.find((n) => n.id === 'ok')!.timeout = { after: { value: 1, unit: 'day' }, edgeId: 'e4' }
    })
    const { warnings } = await toBpmnXml(doc)
    expect(warnings).toEqual([expect.stringContaining('the timeout of "Qualified?" (ok) is an ordinary flow')])
  })
})
