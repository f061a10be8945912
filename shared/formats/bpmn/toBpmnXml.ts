/**
 * A Flowlane document as BPMN 2.0 XML, built with bpmn-moddle: one pool (a collaboration with
 * one participant) whose lanes are the document's lanes, a flow node per step, a sequence flow
 * per edge, full diagram interchange (bpmn-js skips any element without it), and every
 * Flowlane field in `extensionElements` under our namespace (flowlane-moddle.json), so
 * `fromBpmnXml` gives the same document back. What plain BPMN tools can show is also written
 * the standard way: time limits and timeouts as boundary timers, owners as lanes and
 * potential owners, wait times as timer events, conditions as condition expressions.
 */
import type {
  BpmnActivity,
  BpmnArtifact,
  BpmnAssociation,
  BpmnBaseElement,
  BpmnBoundaryEvent,
  BpmnFlowElement,
  BpmnFlowNode,
  BpmnLane,
  BpmnSequenceFlow,
  BpmnTextAnnotation,
} from 'bpmn-moddle/types'
import type { ModdleTypeMap } from 'bpmn-moddle'
import type { Distribution, Duration, FlowDocument, FlowEdge, FlowNode, Lane } from '../../document/index.js'
import type { Box } from '../../geometry/index.js'
import { distributionMean } from '../../time/distributionMean.js'
import { stripIllegalXml } from '../svg/xml.js'
import { BpmnIds } from './bpmnIds.js'
import { diagramGeometry, isActivity, isWaitActivity, type BoundaryRole } from './bpmnGeometry.js'
import { createModdle, type El } from './flowlaneModdle.js'
import { toIsoDuration } from './iso8601.js'

export interface BpmnExport {
  readonly xml: string
  /** What plain BPMN cannot show (it is still kept in our extension), one line each. */
  readonly warnings: readonly string[]
}

type Moddle = ReturnType<typeof createModdle>
type FlowNodeElement = El<BpmnFlowNode>

export async function toBpmnXml(doc: FlowDocument): Promise<BpmnExport> {
  const writer = new Writer(doc)
  return writer.write()
}

class Writer {
  private readonly moddle: Moddle = createModdle()
  private readonly ids = new BpmnIds()
  private readonly warnings: string[] = []
  private readonly stripped = new Set<string>()
  private readonly nodeElements = new Map<string, FlowNodeElement | El<BpmnTextAnnotation>>()
  private readonly nodeBpmnIds = new Map<string, string>()
  private readonly edgeBpmnIds = new Map<string, string>()
  private readonly laneBpmnIds = new Map<string, string>()
  private readonly nodesById: Map<string, FlowNode>
  /** Nodes whose timeout is an interrupting boundary timer (activities only). */
  private readonly timeouts = new Set<string>()
  private readonly boundaryElements = new Map<string, Partial<Record<BoundaryRole, El<BpmnBoundaryEvent>>>>()

  constructor(private readonly doc: FlowDocument) {
    this.nodesById = new Map(doc.nodes.map((n) => [n.id, n]))
  }

  async write(): Promise<BpmnExport> {
    const { doc, moddle } = this
    // Flowlane ids first, so they stay as they are wherever BPMN allows.
    for (const node of doc.nodes) this.nodeBpmnIds.set(node.id, this.ids.claim(node.id))
    for (const edge of doc.edges) this.edgeBpmnIds.set(edge.id, this.ids.claim(edge.id))
    for (const lane of doc.lanes) this.laneBpmnIds.set(lane.id, this.ids.claim(lane.id))

    const edgesById = new Map(doc.edges.map((e) => [e.id, e]))
    for (const node of doc.nodes) {
      if (!node.timeout) continue
      const edge = edgesById.get(node.timeout.edgeId)
      if (isActivity(node) && edge && edge.source === node.id && !this.touchesNote(edge)) this.timeouts.add(node.id)
      else {
        this.warnings.push(
          `the timeout of ${this.describe(node)} is an ordinary flow in BPMN: only tasks and subprocesses carry boundary timers`,
        )
      }
    }

    const process = moddle.create('bpmn:Process', { id: this.ids.claim('Process_1'), isExecutable: false })
    this.setName(process, doc.name, 'the document name')
    if (doc.description !== undefined)
      process.documentation = [this.documentation(doc.description, 'the document description')]
    process.extensionElements = this.extensions([this.documentExtension()])

    const flowElements: El<BpmnFlowElement>[] = []
    const artifacts: El<BpmnArtifact>[] = []
    for (const node of doc.nodes) {
      const element = this.flowNode(node)
      this.nodeElements.set(node.id, element)
      if (node.kind === 'note') artifacts.push(element)
      else flowElements.push(element)
    }
    for (const node of doc.nodes) {
      const host = this.nodeElements.get(node.id) as El<BpmnActivity>
      const boundaries: Partial<Record<BoundaryRole, El<BpmnBoundaryEvent>>> = {}
      if (isActivity(node) && node.timeLimit) {
        boundaries.timeLimit = this.boundaryTimer(node, host, 'timeLimit', node.timeLimit)
        flowElements.push(boundaries.timeLimit)
      }
      if (this.timeouts.has(node.id) && node.timeout) {
        boundaries.timeout = this.boundaryTimer(node, host, 'timeout', node.timeout.after)
        flowElements.push(boundaries.timeout)
      }
      if (boundaries.timeLimit || boundaries.timeout) this.boundaryElements.set(node.id, boundaries)
    }

    const connections = new Map<string, El<BpmnSequenceFlow> | El<BpmnAssociation>>()
    for (const edge of doc.edges) {
      const connection = this.connection(edge)
      if (!connection) continue
      connections.set(edge.id, connection)
      if (connection.$type === 'bpmn:Association') artifacts.push(connection)
      else flowElements.push(connection)
    }
    process.flowElements = flowElements
    if (artifacts.length > 0) process.artifacts = artifacts

    const lanes = doc.lanes.map((lane) => this.lane(lane))
    if (lanes.length > 0) {
      process.laneSets = [moddle.create('bpmn:LaneSet', { id: this.ids.claim('LaneSet_1'), lanes })]
    }

    const participant = moddle.create('bpmn:Participant', { id: this.ids.claim('Participant_1'), processRef: process })
    this.setName(participant, doc.name, 'the document name')
    const collaboration = moddle.create('bpmn:Collaboration', {
      id: this.ids.claim('Collaboration_1'),
      participants: [participant],
    })
    const definitions = moddle.create('bpmn:Definitions', {
      id: this.ids.claim('Definitions_1'),
      targetNamespace: `urn:flowlane:process:${encodeURIComponent(stripIllegalXml(doc.id))}`,
      exporter: 'Flowlane',
      exporterVersion: `file format ${doc.version}`,
      rootElements: [collaboration, process],
    })
    this.setName(definitions, doc.name, 'the document name')
    definitions.diagrams = [this.diagram(collaboration, participant, lanes, connections)]

    if (this.stripped.size > 0) {
      this.warnings.push(`removed characters XML cannot hold from ${[...this.stripped].join(', ')}`)
    }
    const { xml } = await moddle.toXML(definitions, { format: true })
    // bpmn-moddle writes control characters as they are; no XML reader accepts them.
    return { xml: stripIllegalXml(xml), warnings: this.warnings }
  }

  // ---- semantics ------------------------------------------------------------------------

  private flowNode(node: FlowNode): FlowNodeElement | El<BpmnTextAnnotation> {
    const { moddle } = this
    const id = this.nodeBpmnIds.get(node.id)!
    const where = this.describe(node)
    const extension = this.extensions([this.nodeExtension(node)])
    const documentation =
      node.description === undefined ? undefined : [this.documentation(node.description, `the description of ${where}`)]
    const common = { id, extensionElements: extension, ...(documentation ? { documentation } : {}) }

    if (node.kind === 'note') {
      return moddle.create('bpmn:TextAnnotation', { ...common, text: this.clean(node.label, `the label of ${where}`) })
    }
    let element: FlowNodeElement
    switch (node.kind) {
      case 'start':
        element = moddle.create('bpmn:StartEvent', common)
        break
      case 'end':
        element = moddle.create('bpmn:EndEvent', common)
        break
      case 'task':
      case 'approval':
        element = moddle.create('bpmn:UserTask', common)
        break
      case 'subprocess':
        element = moddle.create('bpmn:SubProcess', common)
        break
      case 'decision':
        element = moddle.create('bpmn:ExclusiveGateway', common)
        break
      case 'parallel':
        element = moddle.create('bpmn:ParallelGateway', common)
        break
      case 'wait':
        if (isWaitActivity(node)) element = moddle.create('bpmn:ReceiveTask', common)
        else {
          const timer = moddle.create('bpmn:TimerEventDefinition', { id: this.ids.claim(`${id}_timer`) })
          if (node.duration) timer.timeDuration = this.expression(this.iso(meanDuration(node.duration)))
          element = moddle.create('bpmn:IntermediateCatchEvent', { ...common, eventDefinitions: [timer] })
        }
        break
    }
    this.setName(element, node.label, `the label of ${where}`)
    if (isActivity(node) && node.owner !== undefined) {
      const role = this.doc.roles.find((r) => r.id === node.owner)
      const owner = moddle.create('bpmn:PotentialOwner', {
        id: this.ids.claim(`${id}_owner`),
        resourceAssignmentExpression: moddle.create('bpmn:ResourceAssignmentExpression', {
          id: this.ids.claim(`${id}_ownerExpression`),
          expression: this.expression(this.clean(role?.name ?? node.owner, `the owner of ${where}`)),
        }),
      })
      ;(element as El<BpmnActivity>).resources = [owner]
    }
    return element
  }

  private boundaryTimer(
    node: FlowNode,
    host: El<BpmnActivity>,
    role: BoundaryRole,
    after: Duration,
  ): El<BpmnBoundaryEvent> {
    const hostId = this.nodeBpmnIds.get(node.id)!
    const id = this.ids.claim(`${hostId}_${role}`)
    const timer = this.moddle.create('bpmn:TimerEventDefinition', {
      id: this.ids.claim(`${id}_timer`),
      timeDuration: this.expression(this.iso(after)),
    })
    const event = this.moddle.create('bpmn:BoundaryEvent', {
      id,
      attachedToRef: host,
      cancelActivity: role === 'timeout',
      eventDefinitions: [timer],
    })
    return event
  }

  private connection(edge: FlowEdge): El<BpmnSequenceFlow> | El<BpmnAssociation> | undefined {
    const source = this.nodeElements.get(edge.source)
    const target = this.nodeElements.get(edge.target)
    if (!source || !target) return undefined
    const id = this.edgeBpmnIds.get(edge.id)!
    const where = `edge "${edge.id}"`
    const asAssociation = this.touchesNote(edge)
    const fl = this.edgeExtension(edge, asAssociation)
    const extensionElements = fl ? this.extensions([fl]) : undefined
    if (asAssociation) {
      return this.moddle.create('bpmn:Association', {
        id,
        sourceRef: source,
        targetRef: target,
        ...(extensionElements ? { extensionElements } : {}),
      })
    }
    const sourceNode = this.nodesById.get(edge.source)!
    const fromBoundary =
      sourceNode.timeout?.edgeId === edge.id ? this.boundaryElements.get(edge.source)?.timeout : undefined
    const flowSource = (fromBoundary ?? source) as FlowNodeElement
    const flowTarget = target as FlowNodeElement
    const flow = this.moddle.create('bpmn:SequenceFlow', {
      id,
      sourceRef: flowSource,
      targetRef: flowTarget,
      ...(extensionElements ? { extensionElements } : {}),
    })
    if (edge.label !== undefined) this.setName(flow, edge.label, `the label of ${where}`)
    if (edge.condition !== undefined) {
      flow.conditionExpression = this.expression(this.clean(edge.condition, `the condition of ${where}`))
    }
    flowSource.outgoing = [...(flowSource.outgoing ?? []), flow]
    flowTarget.incoming = [...(flowTarget.incoming ?? []), flow]
    return flow
  }

  private lane(lane: Lane): El<BpmnLane> {
    const members = this.doc.nodes
      .filter((n) => n.laneId === lane.id && n.kind !== 'note')
      .flatMap((n) => {
        const boundaries = this.boundaryElements.get(n.id) ?? {}
        return [this.nodeElements.get(n.id), boundaries.timeLimit, boundaries.timeout]
      })
      .filter((e): e is FlowNodeElement => e !== undefined)
    const element = this.moddle.create('bpmn:Lane', {
      id: this.laneBpmnIds.get(lane.id)!,
      flowNodeRef: members,
    })
    this.setName(element, lane.name, `the name of lane "${lane.id}"`)
    const fl: Record<string, unknown> = {}
    if (this.laneBpmnIds.get(lane.id) !== lane.id) fl.id = this.clean(lane.id, `the id of lane "${lane.id}"`)
    if (lane.roleId !== undefined) fl.roleId = this.clean(lane.roleId, `the role of lane "${lane.id}"`)
    if (lane.height !== undefined) fl.height = lane.height
    if (Object.keys(fl).length > 0) element.extensionElements = this.extensions([this.moddle.create('fl:Lane', fl)])
    return element
  }

  // ---- our extension ----------------------------------------------------------------------

  private documentExtension(): object {
    const { doc, moddle } = this
    const attrs: Record<string, unknown> = {
      id: this.clean(doc.id, 'the document id'),
      version: doc.version,
      role: doc.roles.map((role) =>
        moddle.create('fl:Role', {
          id: this.clean(role.id, `the id of role "${role.id}"`),
          name: this.clean(role.name, `the name of role "${role.id}"`),
          headcount: role.headcount,
          ...(role.costPerHour === undefined ? {} : { costPerHour: role.costPerHour }),
        }),
      ),
    }
    if (doc.locale !== undefined) attrs.locale = this.clean(doc.locale, 'the locale')
    if (doc.currency !== undefined) attrs.currency = doc.currency
    if (doc.calendar) attrs.calendar = moddle.create('fl:Calendar', { ...doc.calendar })
    if (doc.simulation) {
      const { arrivals, ...rest } = doc.simulation
      attrs.simulation = moddle.create('fl:Simulation', {
        ...rest,
        ...(arrivals ? { arrivals: this.distribution(arrivals) } : {}),
      })
    }
    const extensions = Object.keys(doc)
      .filter((key) => key.startsWith('x-'))
      .sort()
    if (extensions.length > 0) {
      const values = Object.fromEntries(extensions.map((key) => [key, (doc as Record<string, unknown>)[key]]))
      attrs.extensions = this.clean(JSON.stringify(values), 'the x- extensions')
    }
    return moddle.create('fl:Document', attrs)
  }

  private nodeExtension(node: FlowNode): object {
    const { moddle } = this
    const where = this.describe(node)
    const text = (value: string, what: string): string => this.clean(value, `${what} of ${where}`)
    const list = (values: readonly string[], what: string): string[] => values.map((v) => text(v, what))
    const attrs: Record<string, unknown> = { kind: node.kind }
    if (this.nodeBpmnIds.get(node.id) !== node.id) attrs.id = text(node.id, 'the id')
    if (node.owner !== undefined) attrs.owner = text(node.owner, 'the owner')
    if (node.color !== undefined) attrs.color = node.color
    if (node.outcome !== undefined) attrs.outcome = text(node.outcome, 'the outcome')
    if (node.kind === 'note' && node.laneId !== undefined) attrs.lane = text(node.laneId, 'the lane')
    if (node.size) attrs.size = moddle.create('fl:Size', { ...node.size })
    if (node.timeLimit) attrs.timeLimit = moddle.create('fl:Duration', { ...node.timeLimit })
    if (node.duration) attrs.duration = this.distribution(node.duration)
    if (node.timeout) {
      attrs.timeout = moddle.create('fl:Timeout', {
        ...node.timeout.after,
        edgeId: text(node.timeout.edgeId, 'the timeout edge'),
      })
    }
    if (node.resources) {
      const { tools, materials, ...numbers } = node.resources
      attrs.resources = moddle.create('fl:Resources', {
        ...numbers,
        ...(tools ? { tools: moddle.create('fl:Tools', { tool: list(tools, 'a tool') }) } : {}),
        ...(materials ? { materials: moddle.create('fl:Materials', { material: list(materials, 'a material') }) } : {}),
      })
    }
    if (node.qualityControls) {
      attrs.qualityControls = moddle.create('fl:QualityControls', {
        qualityControl: node.qualityControls.map((qc) =>
          moddle.create(
            'fl:QualityControl',
            Object.fromEntries(
              Object.entries(qc)
                .filter((entry): entry is [string, string] => entry[1] !== undefined)
                .map(([key, value]) => [key, text(value, 'a quality control')]),
            ),
          ),
        ),
      })
    }
    if (node.steps) attrs.steps = moddle.create('fl:Steps', { step: list(node.steps, 'a step') })
    if (node.approvers)
      attrs.approvers = moddle.create('fl:Approvers', { approver: list(node.approvers, 'an approver') })
    if (node.arrivals) attrs.arrivals = this.distribution(node.arrivals)
    if (node.tags) attrs.tags = moddle.create('fl:Tags', { tag: list(node.tags, 'a tag') })
    if (node.why !== undefined) attrs.why = text(node.why, 'the why')
    if (node.how !== undefined) attrs.how = text(node.how, 'the how')
    return moddle.create('fl:Node', attrs)
  }

  private edgeExtension(edge: FlowEdge, asAssociation: boolean): object | undefined {
    const where = `edge "${edge.id}"`
    const attrs: Record<string, unknown> = {}
    if (this.edgeBpmnIds.get(edge.id) !== edge.id) attrs.id = this.clean(edge.id, `the id of ${where}`)
    if (edge.probability !== undefined) attrs.probability = edge.probability
    if (asAssociation && edge.label !== undefined) attrs.label = this.clean(edge.label, `the label of ${where}`)
    if (asAssociation && edge.condition !== undefined) {
      attrs.condition = this.clean(edge.condition, `the condition of ${where}`)
    }
    if (edge.points) {
      attrs.points = this.moddle.create('fl:Points', {
        point: edge.points.map((p) => this.moddle.create('fl:Point', { x: p.x, y: p.y })),
      })
    }
    return Object.keys(attrs).length > 0 ? this.moddle.create('fl:Edge', attrs) : undefined
  }

  private distribution(d: Distribution): object {
    return this.moddle.create('fl:Distribution', { ...d })
  }

  // ---- diagram interchange ------------------------------------------------------------------

  private diagram(
    collaboration: ModdleTypeMap['bpmn:Collaboration'],
    participant: ModdleTypeMap['bpmn:Participant'],
    lanes: readonly El<BpmnLane>[],
    connections: ReadonlyMap<string, El<BpmnSequenceFlow> | El<BpmnAssociation>>,
  ): ModdleTypeMap['bpmndi:BPMNDiagram'] {
    const { doc, moddle } = this
    const geometry = diagramGeometry(doc, this.timeouts)
    const planeElement: (ModdleTypeMap['bpmndi:BPMNShape'] | ModdleTypeMap['bpmndi:BPMNEdge'])[] = []
    const shape = (
      element: { id?: string },
      box: Box,
      extra: Partial<ModdleTypeMap['bpmndi:BPMNShape']> = {},
    ): ModdleTypeMap['bpmndi:BPMNShape'] => {
      const di = moddle.create('bpmndi:BPMNShape', {
        id: this.ids.claim(`${element.id ?? 'Shape'}_di`),
        bpmnElement: element as El<BpmnBaseElement>,
        bounds: moddle.create('dc:Bounds', { x: box.x, y: box.y, width: box.width, height: box.height }),
        ...extra,
      })
      planeElement.push(di)
      return di
    }

    shape(participant, geometry.participant, { isHorizontal: true })
    doc.lanes.forEach((lane, index) => {
      const box = geometry.lanes.get(lane.id)
      const element = lanes[index]
      if (box && element) shape(element, box, { isHorizontal: true })
    })
    for (const node of doc.nodes) {
      const element = this.nodeElements.get(node.id)!
      const box = geometry.shapes.get(node.id)!
      const di = shape(element, box, node.kind === 'subprocess' ? { isExpanded: false } : {})
      if (node.kind === 'decision') di.isMarkerVisible = true
      // BPMN in Color, which bpmn-js and bpmn-moddle read without further packages.
      if (node.color !== undefined) di.set('color:background-color', node.color)
      const boundaries = this.boundaryElements.get(node.id)
      const boxes = geometry.boundaries.get(node.id)
      for (const role of ['timeLimit', 'timeout'] as const) {
        const event = boundaries?.[role]
        const at = boxes?.[role]
        if (event && at) shape(event, at)
      }
    }
    for (const edge of doc.edges) {
      const element = connections.get(edge.id)
      const points = geometry.waypoints.get(edge.id)
      if (!element || !points) continue
      planeElement.push(
        moddle.create('bpmndi:BPMNEdge', {
          id: this.ids.claim(`${element.id ?? 'Edge'}_di`),
          bpmnElement: element,
          waypoint: points.map((p) => moddle.create('dc:Point', { x: p.x, y: p.y })),
        }),
      )
    }
    const plane = moddle.create('bpmndi:BPMNPlane', {
      id: this.ids.claim('BPMNPlane_1'),
      bpmnElement: collaboration,
      planeElement,
    })
    return moddle.create('bpmndi:BPMNDiagram', { id: this.ids.claim('BPMNDiagram_1'), plane })
  }

  // ---- helpers ------------------------------------------------------------------------------

  private extensions(values: readonly object[]): ModdleTypeMap['bpmn:ExtensionElements'] {
    return this.moddle.create('bpmn:ExtensionElements', {
      values: [...values] as ModdleTypeMap['bpmn:ExtensionElements']['values'],
    })
  }

  private documentation(text: string, what: string): ModdleTypeMap['bpmn:Documentation'] {
    return this.moddle.create('bpmn:Documentation', { text: this.clean(text, what) })
  }

  private expression(body: string): ModdleTypeMap['bpmn:FormalExpression'] {
    return this.moddle.create('bpmn:FormalExpression', { body })
  }

  private iso(duration: Duration): string {
    return toIsoDuration(duration, this.doc.calendar)
  }

  private setName(element: { name?: string }, value: string, what: string): void {
    element.name = this.clean(value, what)
  }

  /** Text as XML can hold it; says where characters had to go. */
  private clean(value: string, what: string): string {
    const cleaned = stripIllegalXml(value)
    if (cleaned !== value) this.stripped.add(what)
    return cleaned
  }

  private touchesNote(edge: FlowEdge): boolean {
    return this.nodesById.get(edge.source)?.kind === 'note' || this.nodesById.get(edge.target)?.kind === 'note'
  }

  private describe(node: FlowNode): string {
    return `"${node.label.length > 40 ? `${node.label.slice(0, 40)}…` : node.label}" (${node.id})`
  }
}

/** A wait's timer states how long it usually lasts: the mean of its distribution. */
function meanDuration(d: Distribution): Duration {
  return { value: distributionMean(d), unit: d.unit }
}
