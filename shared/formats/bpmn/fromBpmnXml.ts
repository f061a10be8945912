/**
 * BPMN 2.0 XML as a Flowlane document. Files from Camunda Modeler, bpmn.io, Signavio, Bizagi
 * and the rest: every task type becomes a task, subprocesses and call activities one collapsed
 * step, gateways decisions or parallel nodes, timer catch events waits, boundary timers time
 * limits and timeouts, lanes lanes (nested ones flattened, several pools merged), text
 * annotations notes, and diagram positions are kept (auto-layout where a file has none).
 * Files Flowlane wrote come back field for field from our extension elements. Whatever cannot
 * be represented is named in a warning, never dropped silently.
 *
 * Hostile input is refused before parsing (preflight.ts); ids from the file only ever key
 * `Map`s, so `__proto__` or `constructor` ids are plain strings here.
 */
import { importMessage, listNames, type ImportMessageKey, type ImportValues } from '../importMessages/index.js'
import { documentNameFromFile, slug } from '../importNames.js'
import type {
  BpmnActivity,
  BpmnAssociation,
  BpmnBaseElement,
  BpmnBoundaryEvent,
  BpmnCallActivity,
  BpmnCollaboration,
  BpmnDefinitions,
  BpmnExpression,
  BpmnFlowElement,
  BpmnFlowElementsContainer,
  BpmnLane,
  BpmnLaneSet,
  BpmnParticipant,
  BpmnProcess,
  BpmnResourceRole,
  BpmnSequenceFlow,
  BpmnSubProcess,
  BpmnTextAnnotation,
  BpmnTimerEventDefinition,
  BpmndiBPMNDiagram,
  BpmndiBPMNEdge,
  BpmndiBPMNShape,
} from 'bpmn-moddle/types'
import type { ZodType } from 'zod'
import {
  CURRENT_VERSION,
  CalendarSchema,
  DistributionSchema,
  DurationSchema,
  LIMITS,
  NODE_KINDS,
  parseDocument,
  QualityControlSchema,
  ResourcesSchema,
  RoleSchema,
  serializeDocument,
  SimulationSchema,
  SizeSchema,
  type Calendar,
  type Distribution,
  type Duration,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  type Lane,
  type NodeKind,
  type Point,
  type Result,
  type Role,
} from '../../document/index.js'
import { DEFAULT_SIZES, type Box } from '../../geometry/index.js'
import { layoutDocument } from '../../layout/layoutDocument.js'
import { distributionMean } from '../../time/distributionMean.js'
import type { ImportProblem } from '../mermaid/types.js'
import { diagramGeometry, positionFromShape } from './bpmnGeometry.js'
import {
  createModdle,
  flowlaneExtension,
  type El,
  type FlDistribution,
  type FlEdge,
  type FlNode,
} from './flowlaneModdle.js'
import { parseIsoDuration, toIsoDuration } from './iso8601.js'
import { preflight, type TextProblem } from './preflight.js'

export interface BpmnImport {
  /** Positioned: from the file's diagram, or laid out when it has none. */
  readonly document: FlowDocument
  readonly warnings: readonly ImportProblem[]
}

export async function fromBpmnXml(xml: string, fileName: string): Promise<Result<BpmnImport, ImportProblem>> {
  const fail = (problem: TextProblem): { ok: false; errors: ImportProblem[] } => ({
    ok: false,
    errors: [{ file: fileName, ...problem }],
  })
  const checked = preflight(xml)
  if (!checked.ok) return fail(checked.problem)
  const text = checked.text

  let parsed: Awaited<ReturnType<ReturnType<typeof createModdle>['fromXML']>>
  try {
    parsed = await createModdle().fromXML(text, 'bpmn:Definitions')
  } catch (error) {
    return fail(describeXmlError(error instanceof Error ? error.message : String(error)))
  }
  const warnings: TextProblem[] = []
  if (checked.strippedCharacters > 0) {
    warnings.push(importMessage('bpmnStripped', { count: checked.strippedCharacters }))
  }
  const readerWarnings = new Map<string, string[]>()
  for (const warning of parsed.warnings) {
    const problem = describeXmlError(warning.message)
    const nested = /nested error: (.*)/.exec(warning.message)?.[1] ?? warning.message
    if (/^unsupported document encoding/.test(warning.message)) continue // the text is already decoded
    if (
      !/^(illegal ID|duplicate ID|unresolved reference|unknown|unrecognized|unexpected element|unexpected body|expected)/.test(
        nested,
      )
    ) {
      return fail(problem)
    }
    const kind = nested.replace(/\s*<.*$/, '')
    const list = readerWarnings.get(kind) ?? []
    list.push(/<([^>]*)>/.exec(nested)?.[1] ?? '')
    readerWarnings.set(kind, list)
  }
  for (const [kind, names] of readerWarnings) {
    const tags = listNames(names.map((n) => `<${n}>`))
    warnings.push(
      kind === 'unresolved reference'
        ? importMessage('bpmnUnresolved', { names: tags })
        : importMessage('bpmnSkipped', { kind, names: tags }),
    )
  }

  const reader = new Reader(parsed.rootElement, text, fileName, warnings)
  const converted = await reader.read()
  if (!converted.ok) return fail(converted.error)

  // The promise of every importer: what it makes, Flowlane can open.
  const check = parseDocument(serializeDocument(converted.document), fileName)
  if (!check.ok) {
    const first = check.errors[0]
    return fail(importMessage('importDoesNotLoad', { detail: `${first?.path ?? ''} ${first?.message ?? ''}`.trim() }))
  }
  return {
    ok: true,
    value: { document: check.value, warnings: warnings.map((w) => ({ file: fileName, ...w })) },
  }
}

/** moddle-xml's "unparsable content <x> detected / line: 0 / column: 9 / nested error: …" as one line. */
function describeXmlError(message: string): TextProblem {
  const line = /line: (\d+)/.exec(message)
  const column = /column: (\d+)/.exec(message)
  const nested = /nested error: (.*)/.exec(message)?.[1] ?? message.split('\n')[0] ?? message
  return {
    ...(line ? { line: Number(line[1]) + 1 } : {}),
    ...(line && column ? { column: Number(column[1]) + 1 } : {}),
    ...importMessage('bpmnInvalidXml', { reason: nested }),
  }
}

type Element = El<BpmnBaseElement>
type FlowElement = El<BpmnFlowElement>

interface Pool {
  readonly participant: El<BpmnParticipant> | undefined
  readonly process: El<BpmnProcess>
}

interface LaneInfo {
  readonly lane: Lane
  readonly box: Box | undefined
}

interface Shape {
  readonly box: Box
  readonly order: number
  readonly color: string | undefined
}

/** Types whose elements are Flowlane steps, and the kind each becomes. */
const TASK_TYPES = new Set([
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ManualTask',
  'bpmn:ServiceTask',
  'bpmn:ScriptTask',
  'bpmn:BusinessRuleTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
])
const SUBPROCESS_TYPES = new Set(['bpmn:SubProcess', 'bpmn:AdHocSubProcess', 'bpmn:Transaction', 'bpmn:CallActivity'])
/** Kinds an element of a BPMN type may carry in our extension (the type may have been changed elsewhere). */
function compatibleKinds(type: string): readonly NodeKind[] {
  if (type === 'bpmn:ReceiveTask') return ['task', 'approval', 'wait']
  if (TASK_TYPES.has(type)) return ['task', 'approval']
  if (SUBPROCESS_TYPES.has(type)) return ['subprocess']
  if (type === 'bpmn:StartEvent') return ['start']
  if (type === 'bpmn:EndEvent') return ['end']
  if (type === 'bpmn:IntermediateCatchEvent') return ['wait']
  if (type === 'bpmn:ExclusiveGateway') return ['decision']
  if (type === 'bpmn:ParallelGateway') return ['parallel']
  if (type === 'bpmn:TextAnnotation') return ['note']
  return []
}

const MAX_NESTING = 32

class Reader {
  private readonly lineOfId = new Map<string, number>()
  private linesIndexed = false
  private readonly nodes: FlowNode[] = []
  private readonly edges: FlowEdge[] = []
  private readonly nodeIdOf = new Map<object, string>()
  private readonly elementOf = new Map<string, FlowElement | El<BpmnTextAnnotation>>()
  private readonly usedNodeIds = new Set<string>()
  private readonly usedEdgeIds = new Set<string>()
  private readonly usedLaneIds = new Set<string>()
  private readonly shapes = new Map<object, Shape>()
  private readonly connections = new Map<object, { readonly points: readonly Point[]; readonly order: number }>()
  private readonly roles: Role[] = []
  private readonly roleIdsByName = new Map<string, string>()
  private ours = false
  /** Our document's working calendar: ISO durations of working-clock units depend on it. */
  private calendar: Calendar | undefined
  /** Grouped warnings: one line per kind of loss, naming the elements. */
  private readonly losses = new Map<
    string,
    { key: ImportMessageKey; values: ImportValues | undefined; names: string[]; line: number | undefined }
  >()
  /** Namespace prefixes of other tools' extensions (camunda:, signavio:) on imported elements. */
  private readonly vendorPrefixes = new Set<string>()
  private readonly vendorElements: Element[] = []

  constructor(
    private readonly definitions: El<BpmnDefinitions>,
    private readonly text: string,
    private readonly fileName: string,
    private readonly warnings: TextProblem[],
  ) {}

  async read(): Promise<{ ok: true; document: FlowDocument } | { ok: false; error: TextProblem }> {
    const defs = this.definitions
    const collaborations = (defs.rootElements ?? []).filter((e) =>
      e.$instanceOf('bpmn:Collaboration'),
    ) as El<BpmnCollaboration>[]
    const collaboration = collaborations[0]
    const pools = this.pools(collaborations)
    if (pools.length === 0) return { ok: false, error: importMessage('bpmnNoProcess') }

    const flDocument = flowlaneExtension(pools[0]!.process, 'fl:Document')
    this.ours = flDocument !== undefined && pools.length === 1
    if (this.ours && flDocument) {
      for (const role of flDocument.role ?? []) {
        if (role.id === undefined) continue
        if (role.name !== undefined && !this.roleIdsByName.has(role.name)) this.roleIdsByName.set(role.name, role.id)
        if (!this.roleIdsByName.has(role.id)) this.roleIdsByName.set(role.id, role.id)
      }
      const calendar = flDocument.calendar
        ? CalendarSchema.safeParse(plain(flDocument.calendar, ['hoursPerDay', 'daysPerWeek', 'dayStartsAt']))
        : undefined
      if (calendar?.success) this.calendar = calendar.data
    }
    this.indexDiagram(defs.diagrams ?? [])

    const lanes = this.lanes(pools)
    const laneOfElement = new Map<object, string>()
    for (const { lane, members } of lanes)
      for (const member of members) if (!laneOfElement.has(member)) laneOfElement.set(member, lane.lane.id)

    // Steps, then what hangs on them (boundary events), then the flows between them.
    const boundaryEvents: El<BpmnBoundaryEvent>[] = []
    const flows: El<BpmnSequenceFlow>[] = []
    const associations: El<BpmnAssociation>[] = []
    const containers: El<BpmnFlowElementsContainer & { artifacts?: BpmnProcess['artifacts'] }>[] = pools.map(
      (p) => p.process,
    )
    for (const pool of pools) {
      for (const element of pool.process.flowElements ?? []) {
        if (element.$instanceOf('bpmn:SequenceFlow')) flows.push(element)
        else if (element.$instanceOf('bpmn:BoundaryEvent')) boundaryEvents.push(element)
        else this.step(element, laneOfElement.get(element))
      }
    }
    const artifacts = [
      ...containers.flatMap((c) => c.artifacts ?? []),
      ...collaborations.flatMap((c) => c.artifacts ?? []),
    ]
    for (const artifact of artifacts) {
      if (artifact.$instanceOf('bpmn:TextAnnotation')) this.note(artifact)
      else if (artifact.$instanceOf('bpmn:Association')) associations.push(artifact)
      else this.loss('lossGroups', [artifact])
    }
    if (this.nodes.length > LIMITS.maxNodes) {
      return {
        ok: false,
        error: importMessage('bpmnTooManySteps', {
          count: this.nodes.length,
          max: LIMITS.maxNodes.toLocaleString('en'),
        }),
      }
    }

    const boundaryFlows = this.boundaries(boundaryEvents)
    for (const flow of flows) this.flow(flow, boundaryFlows)
    for (const association of associations) this.association(association)
    this.finishTimeouts(boundaryFlows)
    if (this.edges.length > LIMITS.maxEdges) {
      return {
        ok: false,
        error: importMessage('bpmnTooManyFlows', {
          count: this.edges.length,
          max: LIMITS.maxEdges.toLocaleString('en'),
        }),
      }
    }
    const messageFlows = collaborations.flatMap((c) => c.messageFlows ?? [])
    if (messageFlows.length > 0) this.loss('lossMessageFlows', messageFlows)

    let document = this.document(
      pools,
      collaboration,
      lanes.map((l) => l.lane.lane),
    )
    document = await this.place(
      document,
      lanes.map((l) => l.lane),
    )
    if (this.ours)
      document = this.restoreRouting(
        document,
        lanes.map((l) => l.lane),
      )
    if (this.vendorElements.length > 0) {
      this.loss('lossVendor', this.vendorElements, undefined, {
        prefixes: [...this.vendorPrefixes].sort().join(', '),
      })
    }
    for (const { key, values, names, line } of this.losses.values()) {
      this.warnings.push({ ...(line === undefined ? {} : { line }), ...importMessage(key, values, names) })
    }
    this.warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    return { ok: true, document }
  }

  // ---- pools and lanes ------------------------------------------------------------------------

  /** Every participant's process, of every collaboration, and processes no participant names. */
  private pools(collaborations: readonly El<BpmnCollaboration>[]): Pool[] {
    const pools: Pool[] = []
    const seen = new Set<object>()
    for (const participant of collaborations.flatMap((c) => c.participants ?? [])) {
      const process = participant.processRef as El<BpmnProcess> | undefined
      if (!process || seen.has(process)) {
        if (!process) this.loss('lossPoolsWithoutProcess', [participant])
        continue
      }
      seen.add(process)
      pools.push({ participant: participant, process })
    }
    for (const root of this.definitions.rootElements ?? []) {
      if (root.$instanceOf('bpmn:Process') && !seen.has(root)) {
        pools.push({ participant: undefined, process: root })
      }
    }
    const withContent = pools.filter(
      (p) => (p.process.flowElements ?? []).length > 0 || (p.process.artifacts ?? []).length > 0,
    )
    if (withContent.length > 1) {
      this.warnings.push({
        ...this.lineOf(withContent[1]!.participant ?? withContent[1]!.process),
        ...importMessage('bpmnMergedPools', {
          count: withContent.length,
          pools: listNames(withContent.map((p) => this.name(p.participant ?? p.process))),
        }),
      })
    }
    return withContent.length > 0 ? withContent : pools.slice(0, 1)
  }

  private lanes(pools: readonly Pool[]): { lane: LaneInfo; members: readonly object[] }[] {
    const out: { lane: LaneInfo; members: readonly object[] }[] = []
    for (const pool of pools) {
      const laneSets = pool.process.laneSets ?? []
      if (laneSets.length > 1) this.loss('lossLaneSets', [pool.process])
      const leaves = this.leafLanes(laneSets[0], [], 0)
      if (leaves.length === 0 && pools.length > 1) {
        const owner = pool.participant ?? pool.process
        const members = (pool.process.flowElements ?? []) as object[]
        out.push({
          lane: this.laneInfo(owner, this.name(owner), undefined),
          members: [...members, ...(pool.process.artifacts ?? [])],
        })
        continue
      }
      for (const { lane, path } of leaves) {
        const name = [...path, lane.name ?? ''].filter((n) => n !== '').join(' / ')
        out.push({
          lane: this.laneInfo(lane, name, flowlaneExtension(lane, 'fl:Lane')),
          members: lane.flowNodeRef ?? [],
        })
      }
    }
    if (!this.ours) {
      // Bands stack in array order; a file's lanes stack by their drawn position.
      out.sort((a, b) => (a.lane.box?.y ?? Infinity) - (b.lane.box?.y ?? Infinity))
    }
    return out
  }

  private leafLanes(
    laneSet: El<BpmnLaneSet> | undefined,
    path: readonly string[],
    depth: number,
  ): { lane: El<BpmnLane>; path: readonly string[] }[] {
    const leaves: { lane: El<BpmnLane>; path: readonly string[] }[] = []
    for (const lane of laneSet?.lanes ?? []) {
      const children = lane.childLaneSet?.lanes ?? []
      if (children.length > 0 && depth < MAX_NESTING) {
        this.loss('lossNestedLanes', [lane])
        leaves.push(...this.leafLanes(lane.childLaneSet, [...path, lane.name ?? ''], depth + 1))
      } else leaves.push({ lane: lane, path })
    }
    return leaves
  }

  private laneInfo(
    element: Element,
    name: string,
    fl: { id?: string; roleId?: string; height?: number } | undefined,
  ): LaneInfo {
    const id = this.uniqueId(this.usedLaneIds, fl?.id, element.id, 'lane')
    const lane: Lane = { id, name: this.cut(name, element) }
    if (fl?.roleId !== undefined && fl.roleId !== '') lane.roleId = fl.roleId
    if (this.ours && isPositive(fl?.height)) lane.height = fl.height
    const box = this.shapes.get(element)?.box
    return { lane, box }
  }

  // ---- steps ----------------------------------------------------------------------------------

  private step(element: FlowElement, laneId: string | undefined): void {
    const type = element.$type
    let kind: NodeKind | undefined
    let duration: Distribution | undefined
    const definitions = (element as El<{ eventDefinitions?: El<BpmnBaseElement>[] }>).eventDefinitions ?? []
    const definitionTypes = definitions.map((d) =>
      d.$type
        .replace(/^bpmn:/, '')
        .replace(/EventDefinition$/, '')
        .toLowerCase(),
    )
    if (TASK_TYPES.has(type)) kind = 'task'
    else if (SUBPROCESS_TYPES.has(type)) {
      kind = 'subprocess'
      this.subprocessLosses(element)
    } else if (type === 'bpmn:StartEvent') {
      kind = 'start'
      if (definitionTypes.length > 0) this.loss('lossStartTriggers', [element])
    } else if (type === 'bpmn:EndEvent') {
      kind = 'end'
      if (definitionTypes.length > 0) this.loss('lossEndResults', [element])
    } else if (type === 'bpmn:ExclusiveGateway' || type === 'bpmn:EventBasedGateway') kind = 'decision'
    else if (type === 'bpmn:ParallelGateway') kind = 'parallel'
    else if (type === 'bpmn:InclusiveGateway' || type === 'bpmn:ComplexGateway') {
      kind = 'decision'
      this.loss('lossInclusive', [element])
    } else if (type === 'bpmn:IntermediateCatchEvent') {
      kind = 'wait'
      const timer = definitions.find((d) => d.$instanceOf('bpmn:TimerEventDefinition')) as
        El<BpmnTimerEventDefinition> | undefined
      const iso = parseIsoDuration(expressionText(timer?.timeDuration))
      if (iso) duration = { dist: 'fixed', value: iso.value, unit: iso.unit }
      else if (timer) this.loss('lossTimerWithoutTime', [element])
      else
        this.loss('lossCatchEvents', [element], undefined, {
          kinds: [...new Set(definitionTypes)].join(', ') || 'none',
        })
    } else if (type === 'bpmn:IntermediateThrowEvent') {
      kind = 'task'
      this.loss('lossThrowEvents', [element])
    } else {
      this.loss('lossUnknownElements', [element], undefined, { type: describeType(type) })
      return
    }

    const fl = flowlaneExtension(element, 'fl:Node')
    if (fl?.kind !== undefined && (NODE_KINDS as readonly string[]).includes(fl.kind)) {
      if (compatibleKinds(type).includes(fl.kind as NodeKind)) kind = fl.kind as NodeKind
    }
    const node: FlowNode = {
      id: this.uniqueId(this.usedNodeIds, fl?.id, element.id, 'node'),
      kind,
      label: this.cut(element.name ?? '', element),
      position: { x: 0, y: 0 },
    }
    this.common(node, element, fl, laneId)
    if (kind === 'wait') this.waitDuration(node, element, duration)
    else if (duration) node.duration = duration
    this.activityLosses(element)
    this.nodes.push(node)
    this.nodeIdOf.set(element, node.id)
    this.elementOf.set(node.id, element)
  }

  private note(annotation: El<BpmnTextAnnotation>): void {
    const fl = flowlaneExtension(annotation, 'fl:Node')
    const node: FlowNode = {
      id: this.uniqueId(this.usedNodeIds, fl?.id, annotation.id, 'note'),
      kind: 'note',
      label: this.cut(annotation.text ?? '', annotation),
      position: { x: 0, y: 0 },
    }
    const lane = fl?.lane !== undefined && this.usedLaneIds.has(fl.lane) ? fl.lane : undefined
    this.common(node, annotation, fl, lane)
    this.nodes.push(node)
    this.nodeIdOf.set(annotation, node.id)
    this.elementOf.set(node.id, annotation)
  }

  /** Fields every kind of step may have: description, lane, owner, and our extension's data. */
  private common(node: FlowNode, element: Element, fl: FlNode | undefined, laneId: string | undefined): void {
    this.noteVendorExtensions(element)
    const description = (element.documentation ?? []).map((d) => d.text ?? '').filter((t) => t !== '')
    if (description.length > 0 || (element.documentation ?? []).length > 0) node.description = description.join('\n\n')
    if (laneId !== undefined) node.laneId = laneId
    const owner = this.ownerFromResources(element, fl?.owner)
    if (owner !== undefined) node.owner = owner
    const color = fl?.color ?? this.shapes.get(element)?.color
    if (color !== undefined && /^#[0-9a-fA-F]{6}$/.test(color)) node.color = color
    if (!fl) return

    const take = <T>(value: unknown, schema: ZodType<T>, what: string): T | undefined => {
      if (value === undefined) return undefined
      const checked = schema.safeParse(value)
      if (checked.success) return checked.data
      this.loss('lossInvalidData', [element], undefined, { what })
      return undefined
    }
    if (fl.outcome !== undefined) node.outcome = fl.outcome
    if (fl.size) {
      const size = take(plain(fl.size, ['width', 'height']), SizeSchema, 'size')
      if (size) node.size = size
    }
    const timeLimit = take(plainDuration(fl.timeLimit), DurationSchema, 'time limit')
    if (timeLimit) node.timeLimit = timeLimit
    const duration = take(plainDistribution(fl.duration), DistributionSchema, 'duration')
    if (duration) node.duration = duration
    if (fl.resources) {
      const resources = take(
        {
          ...plain(fl.resources, ['people', 'budget']),
          ...(fl.resources.tools ? { tools: [...(fl.resources.tools.tool ?? [])] } : {}),
          ...(fl.resources.materials ? { materials: [...(fl.resources.materials.material ?? [])] } : {}),
        },
        ResourcesSchema,
        'resources',
      )
      if (resources) node.resources = resources
    }
    if (fl.qualityControls) {
      const controls = (fl.qualityControls.qualityControl ?? [])
        .map((qc) =>
          take(plain(qc, ['standard', 'measure', 'metric', 'target']), QualityControlSchema, 'quality control'),
        )
        .filter((qc) => qc !== undefined)
      node.qualityControls = controls
    }
    if (fl.steps) node.steps = [...(fl.steps.step ?? [])]
    if (fl.approvers) node.approvers = (fl.approvers.approver ?? []).filter((a) => a !== '')
    const arrivals = take(plainDistribution(fl.arrivals), DistributionSchema, 'arrivals')
    if (arrivals) node.arrivals = arrivals
    if (fl.tags) node.tags = [...(fl.tags.tag ?? [])]
    if (fl.why !== undefined) node.why = fl.why
    if (fl.how !== undefined) node.how = fl.how
  }

  /** A wait's time: our exact distribution unless the timer was changed elsewhere. */
  private waitDuration(node: FlowNode, element: FlowElement, fromTimer: Distribution | undefined): void {
    const ours = node.duration
    if (ours && fromTimer) {
      const mean = { value: distributionMean(ours), unit: ours.unit }
      const definitions = (element as El<{ eventDefinitions?: El<BpmnBaseElement>[] }>).eventDefinitions ?? []
      const timer = definitions.find((d) => d.$instanceOf('bpmn:TimerEventDefinition')) as
        El<BpmnTimerEventDefinition> | undefined
      const written = expressionText(timer?.timeDuration)?.trim()
      if (written !== undefined && written !== this.iso(mean)) node.duration = fromTimer
    } else if (fromTimer) node.duration = fromTimer
  }

  /** The owner: our extension's, unless the potential owner names another known role. */
  private ownerFromResources(element: Element, ours: string | undefined): string | undefined {
    const resources = ((element as El<BpmnActivity>).resources ?? []) as El<BpmnResourceRole>[]
    const performer = resources.find((r) => r.$instanceOf('bpmn:Performer')) ?? resources[0]
    const named =
      (performer?.resourceRef as { name?: string } | undefined)?.name ??
      expressionText(performer?.resourceAssignmentExpression?.expression) ??
      performer?.name
    const name = named?.trim()
    if (this.ours) {
      if (name === undefined || name === '') return ours
      const known = this.roleIdsByName.get(name)
      return known !== undefined && known !== ours ? known : ours
    }
    if (name === undefined || name === '') return ours
    let id = this.roleIdsByName.get(name)
    if (id === undefined) {
      id = this.uniqueId(new Set(this.roles.map((r) => r.id)), slug(name), undefined, 'role')
      this.roles.push({ id, name: this.cut(name, element), headcount: 1 })
      this.roleIdsByName.set(name, id)
    }
    return id
  }

  private subprocessLosses(element: FlowElement): void {
    if (element.$instanceOf('bpmn:CallActivity')) {
      const called = (element as El<BpmnCallActivity>).calledElement
      this.loss('lossCallActivities', [element], called)
      return
    }
    const inner = countInner(element, 0)
    if (inner > 0) this.loss('lossCollapsed', [element], `${inner} inside`)
    if ((element as El<BpmnSubProcess>).triggeredByEvent) {
      this.loss('lossEventSubprocesses', [element])
    }
    if (element.$type === 'bpmn:Transaction') this.loss('lossTransactions', [element])
  }

  private activityLosses(element: FlowElement): void {
    const activity = element as El<BpmnActivity>
    if (activity.loopCharacteristics) this.loss('lossLoops', [element])
    if (activity.isForCompensation) this.loss('lossCompensation', [element])
    if ((activity.dataInputAssociations ?? []).length + (activity.dataOutputAssociations ?? []).length > 0) {
      this.loss('lossDataIo', [element])
    }
  }

  /** Other tools' attributes and extension elements have no meaning in Flowlane: say so, once. */
  private noteVendorExtensions(element: Element): void {
    const prefixes = new Set<string>()
    for (const key of Object.keys(element.$attrs ?? {})) {
      const prefix = /^([\w.-]+):/.exec(key)?.[1]
      if (prefix !== undefined && prefix !== 'xmlns' && prefix !== 'xml' && prefix !== 'xsi') prefixes.add(prefix)
    }
    for (const value of element.extensionElements?.values ?? []) {
      const type = (value as { $type?: string }).$type ?? ''
      const prefix = /^([\w.-]+):/.exec(type)?.[1]
      if (prefix !== undefined && prefix !== 'fl') prefixes.add(prefix)
    }
    if (prefixes.size === 0) return
    for (const prefix of prefixes) this.vendorPrefixes.add(prefix)
    this.vendorElements.push(element)
  }

  // ---- boundary events, flows -------------------------------------------------------------------

  /** Timers on a step become its time limit or timeout; the flows of others leave the step itself. */
  private boundaries(events: readonly El<BpmnBoundaryEvent>[]): Map<object, { host: string; timeoutOf?: string }> {
    const flowsFrom = new Map<object, { host: string; timeoutOf?: string }>()
    const outgoing = new Map<object, El<BpmnSequenceFlow>[]>()
    for (const pool of this.definitions.rootElements ?? []) {
      if (!pool.$instanceOf('bpmn:Process')) continue
      for (const element of (pool as El<BpmnProcess>).flowElements ?? []) {
        if (!element.$instanceOf('bpmn:SequenceFlow')) continue
        const flow = element as El<BpmnSequenceFlow>
        if (flow.sourceRef) outgoing.set(flow.sourceRef, [...(outgoing.get(flow.sourceRef) ?? []), flow])
      }
    }
    for (const event of events) {
      const host = event.attachedToRef ? this.nodeIdOf.get(event.attachedToRef) : undefined
      if (host === undefined) {
        this.loss('lossUnattachedBoundary', [event])
        continue
      }
      const node = this.nodes.find((n) => n.id === host)!
      const definitions = event.eventDefinitions ?? []
      const timer = definitions.find((d) => d.$instanceOf('bpmn:TimerEventDefinition')) as
        El<BpmnTimerEventDefinition> | undefined
      const written = expressionText(timer?.timeDuration)?.trim()
      const iso = parseIsoDuration(written)
      const flows = outgoing.get(event) ?? []
      const interrupting = event.cancelActivity !== false
      const fl = flowlaneExtension(this.elementOf.get(host) as Element, 'fl:Node')
      if (timer && iso && definitions.length === 1 && interrupting && flows.length > 0 && !node.timeout) {
        const ours = fl?.timeout
        const exact = ours && plainDuration(ours)
        const after =
          exact && DurationSchema.safeParse(exact).success && this.iso(exact as Duration) === written
            ? (exact as Duration)
            : { value: iso.value, unit: iso.unit }
        // The edge id is filled in once the flow has become an edge (finishTimeouts).
        node.timeout = { after, edgeId: '' }
        flowsFrom.set(flows[0]!, { host, timeoutOf: host })
        for (const other of flows.slice(1)) flowsFrom.set(other, { host })
        if (flows.length > 1) this.loss('lossTimerFlows', [event])
        if (iso.approximate) this.loss('lossApproximate', [event])
        continue
      }
      if (timer && iso && definitions.length === 1 && !interrupting && flows.length === 0) {
        const exact = fl?.timeLimit && plainDuration(fl.timeLimit)
        node.timeLimit =
          exact && DurationSchema.safeParse(exact).success && this.iso(exact as Duration) === written
            ? (exact as Duration)
            : { value: iso.value, unit: iso.unit }
        if (iso.approximate) this.loss('lossApproximate', [event])
        continue
      }
      const kinds = definitions.map((d) =>
        d.$type
          .replace(/^bpmn:/, '')
          .replace(/EventDefinition$/, '')
          .toLowerCase(),
      )
      const what = { kinds: kinds.join('+') || 'none' }
      if (flows.length > 0) {
        this.loss(interrupting ? 'lossExceptionPaths' : 'lossExceptionPathsNonInterrupting', [event], undefined, what)
        for (const flow of flows) flowsFrom.set(flow, { host })
      } else this.loss(interrupting ? 'lossBoundary' : 'lossBoundaryNonInterrupting', [event], undefined, what)
    }
    return flowsFrom
  }

  private flow(flow: El<BpmnSequenceFlow>, boundaryFlows: Map<object, { host: string; timeoutOf?: string }>): void {
    const fromBoundary = boundaryFlows.get(flow)
    const source = fromBoundary?.host ?? (flow.sourceRef ? this.nodeIdOf.get(flow.sourceRef) : undefined)
    const target = flow.targetRef ? this.nodeIdOf.get(flow.targetRef) : undefined
    if (source === undefined || target === undefined) {
      this.loss('lossOrphanFlows', [flow])
      return
    }
    const fl = flowlaneExtension(flow, 'fl:Edge')
    this.noteVendorExtensions(flow)
    const edge: FlowEdge = { id: this.uniqueId(this.usedEdgeIds, fl?.id, flow.id, 'edge'), source, target }
    if (flow.name !== undefined) edge.label = this.cut(flow.name, flow)
    if (isProbability(fl?.probability)) edge.probability = fl.probability
    // Our own conditions come back exactly; others' lose the layout whitespace of the XML.
    const condition = expressionText(flow.conditionExpression)
    if (this.ours && flow.conditionExpression) edge.condition = condition ?? ''
    else if (condition !== undefined && condition.trim() !== '') edge.condition = condition.trim()
    this.addPoints(edge, fl?.points)
    this.edges.push(edge)
    if (fromBoundary?.timeoutOf !== undefined) {
      const node = this.nodes.find((n) => n.id === fromBoundary.timeoutOf)
      if (node?.timeout) node.timeout = { after: node.timeout.after, edgeId: edge.id }
    }
  }

  private association(association: El<BpmnAssociation>): void {
    const source = association.sourceRef ? this.nodeIdOf.get(association.sourceRef) : undefined
    const target = association.targetRef ? this.nodeIdOf.get(association.targetRef) : undefined
    if (source === undefined || target === undefined) {
      this.loss('lossOrphanAssociations', [association])
      return
    }
    const fl = flowlaneExtension(association, 'fl:Edge')
    const edge: FlowEdge = { id: this.uniqueId(this.usedEdgeIds, fl?.id, association.id, 'edge'), source, target }
    if (fl?.label !== undefined) edge.label = this.cut(fl.label, association)
    if (isProbability(fl?.probability)) edge.probability = fl.probability
    if (fl?.condition !== undefined) edge.condition = fl.condition
    this.addPoints(edge, fl?.points)
    this.edges.push(edge)
  }

  private addPoints(edge: FlowEdge, points: FlEdge['points']): void {
    if (!this.ours || points === undefined) return
    const clean = (points.point ?? [])
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
      .map((p) => ({ x: p.x!, y: p.y! }))
    edge.points = clean
  }

  /** Timeouts whose flow did not survive, and those our extension states for steps BPMN gives no timer. */
  private finishTimeouts(_boundaryFlows: Map<object, unknown>): void {
    const edges = new Map(this.edges.map((e) => [e.id, e]))
    for (const node of this.nodes) {
      if (node.timeout && node.timeout.edgeId === '') delete node.timeout
      if (node.timeout || !this.ours) continue
      const fl = flowlaneExtension(this.elementOf.get(node.id) as Element, 'fl:Node')
      const after = plainDuration(fl?.timeout)
      const edgeId = fl?.timeout?.edgeId
      const edge = edgeId === undefined ? undefined : edges.get(edgeId)
      if (after && DurationSchema.safeParse(after).success && edge && edge.source === node.id) {
        node.timeout = { after: after as Duration, edgeId: edge.id }
      }
    }
  }

  // ---- the document -------------------------------------------------------------------------

  private document(
    pools: readonly Pool[],
    collaboration: El<BpmnCollaboration> | undefined,
    lanes: readonly Lane[],
  ): FlowDocument {
    const first = pools[0]!
    const fl = this.ours ? flowlaneExtension(first.process, 'fl:Document') : undefined
    const base = documentNameFromFile(this.fileName, /\.(bpmn2?|xml)$/i)
    const single = pools.length === 1
    const name =
      (single ? first.participant?.name : undefined) ??
      (single ? first.process.name : undefined) ??
      this.definitions.name ??
      collaboration?.name ??
      base
    const documented = [
      first.process,
      ...(single && first.participant ? [first.participant] : []),
      ...(collaboration ? [collaboration] : []),
    ]
      .flatMap((e) => e.documentation ?? [])
      .map((d) => d.text ?? '')
    const doc: FlowDocument = {
      format: 'flowlane',
      version: CURRENT_VERSION,
      id: fl?.id !== undefined && fl.id !== '' ? fl.id : slug(base),
      name: this.cut(name, first.participant ?? first.process),
      roles: [],
      lanes: [...lanes],
      nodes: this.nodes,
      edges: this.edges,
    }
    if (this.ours && first.process.documentation !== undefined && first.process.documentation.length > 0) {
      doc.description = first.process.documentation[0]?.text ?? ''
    } else if (documented.some((t) => t !== '')) doc.description = documented.filter((t) => t !== '').join('\n\n')
    if (fl) {
      if (fl.locale !== undefined) doc.locale = fl.locale
      if (fl.currency !== undefined && /^[A-Z]{3}$/.test(fl.currency)) doc.currency = fl.currency
      if (fl.calendar) {
        const calendar = CalendarSchema.safeParse(plain(fl.calendar, ['hoursPerDay', 'daysPerWeek', 'dayStartsAt']))
        if (calendar.success) doc.calendar = calendar.data
        else this.warnings.push(importMessage('bpmnInvalidCalendar'))
      }
      for (const role of fl.role ?? []) {
        const checked = RoleSchema.safeParse(plain(role, ['id', 'name', 'headcount', 'costPerHour']))
        if (checked.success && !doc.roles.some((r) => r.id === checked.data.id)) doc.roles.push(checked.data)
        else this.warnings.push(importMessage('bpmnInvalidRole', { id: role.id ?? '' }))
      }
      if (fl.simulation) {
        const { arrivals } = fl.simulation
        const simulation = SimulationSchema.safeParse({
          ...plain(fl.simulation, ['cases', 'seed', 'warmupCases']),
          ...(arrivals ? { arrivals: plainDistribution(arrivals) } : {}),
        })
        if (simulation.success) doc.simulation = simulation.data
        else this.warnings.push(importMessage('bpmnInvalidSimulation'))
      }
      if (fl.extensions !== undefined) this.restoreExtensions(doc, fl.extensions)
    } else doc.roles.push(...this.roles)
    return doc
  }

  private restoreExtensions(doc: FlowDocument, json: string): void {
    let value: unknown
    try {
      if (jsonDepth(json) > LIMITS.maxJsonDepth) throw new Error('too deep')
      value = JSON.parse(json)
    } catch {
      this.warnings.push(importMessage('bpmnInvalidExtensions'))
      return
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (!key.startsWith('x-') || hasForbiddenKey(item)) {
        this.warnings.push(importMessage('bpmnForbiddenExtension', { key }))
        continue
      }
      ;(doc as Record<string, unknown>)[key] = item
    }
  }

  // ---- positions ------------------------------------------------------------------------------

  private async place(doc: FlowDocument, lanes: readonly LaneInfo[]): Promise<FlowDocument> {
    const missing = doc.nodes.filter((n) => !this.shapes.has(this.elementOf.get(n.id)!))
    if (missing.length === doc.nodes.length || doc.nodes.length === 0) {
      return layoutDocument(doc, { direction: 'LR' })
    }
    if (missing.length > 0) {
      this.warnings.push({
        ...importMessage('bpmnMissingPositions', { steps: listNames(missing.map((n) => `"${n.label}" (${n.id})`)) }),
      })
      return layoutDocument(doc, { direction: 'LR' })
    }
    if (this.ours) {
      for (const node of doc.nodes) {
        const shape = this.shapes.get(this.elementOf.get(node.id)!)!
        const p = positionFromShape(node, shape.box)
        node.position = { x: tidy(p.x), y: tidy(p.y) }
      }
      // Steps keep the DI order Flowlane wrote them in; edges likewise.
      const order = (id: string): number => this.shapes.get(this.elementOf.get(id)!)?.order ?? Infinity
      doc.nodes.sort((a, b) => order(a.id) - order(b.id))
      return doc
    }
    this.placeForeign(doc, lanes)
    return doc
  }

  /**
   * Others draw tasks 100 px wide, Flowlane 200: the drawing is scaled so steps keep their
   * places without overlapping, and lanes are stacked from y = 0 as Flowlane draws them.
   */
  private placeForeign(doc: FlowDocument, lanes: readonly LaneInfo[]): void {
    const boxOf = (node: FlowNode): Box => this.shapes.get(this.elementOf.get(node.id)!)!.box
    const widths = doc.nodes
      .filter((n) => n.kind === 'task' || n.kind === 'approval' || n.kind === 'subprocess')
      .map((n) => boxOf(n).width)
      .filter((w) => w > 0)
      .sort((a, b) => a - b)
    const median = widths[Math.floor(widths.length / 2)]
    const scale =
      median === undefined ? 2 : Math.min(3, Math.max(1, Math.round((DEFAULT_SIZES.task.width / median) * 4) / 4))

    const laneTop = new Map<string, number>()
    const laneDiTop = new Map<string, number>()
    let y = 0
    for (const { lane, box } of lanes) {
      const height = box ? Math.max(80, Math.round(box.height * scale)) : 200
      lane.height = height
      laneTop.set(lane.id, y)
      if (box) laneDiTop.set(lane.id, box.y)
      y += height
    }
    const nodeBoxes = doc.nodes.map(boxOf)
    const refX = Math.min(...nodeBoxes.map((b) => b.x))
    const refY = lanes[0]?.box?.y ?? Math.min(...nodeBoxes.map((b) => b.y))
    doc.nodes.forEach((node, index) => {
      const box = nodeBoxes[index]!
      const size = node.size ?? DEFAULT_SIZES[node.kind]
      const cx = (box.x + box.width / 2 - refX) * scale
      let cy: number
      const top = node.laneId === undefined ? undefined : laneTop.get(node.laneId)
      const diTop = node.laneId === undefined ? undefined : laneDiTop.get(node.laneId)
      if (top !== undefined && diTop !== undefined) {
        const lane = doc.lanes.find((l) => l.id === node.laneId)!
        const height = lane.height ?? 200
        cy = top + (box.y + box.height / 2 - diTop) * scale
        // Keep the step inside its band, which stacking may have moved.
        if (height >= size.height + 8)
          cy = Math.min(top + height - size.height / 2 - 4, Math.max(top + size.height / 2 + 4, cy))
      } else cy = (box.y + box.height / 2 - refY) * scale
      node.position = { x: Math.round(cx - size.width / 2), y: Math.round(cy - size.height / 2) }
    })
    // Leave room for the lane headers at the left, and start near the top without lanes.
    const minX = Math.min(...doc.nodes.map((n) => n.position.x))
    const shiftX = 120 - minX
    const shiftY = lanes.length > 0 ? 0 : 40 - Math.min(...doc.nodes.map((n) => n.position.y))
    for (const node of doc.nodes) node.position = { x: node.position.x + shiftX, y: node.position.y + shiftY }
  }

  /** Lane heights and bend points of our own files: ours unless the diagram was changed elsewhere. */
  private restoreRouting(doc: FlowDocument, lanes: readonly LaneInfo[]): FlowDocument {
    const timeouts = new Set(doc.nodes.filter((n) => n.timeout && this.boundaryTimeout(n)).map((n) => n.id))
    let geometry = diagramGeometry(doc, timeouts)
    let changed = false
    for (const { lane, box } of lanes) {
      const expected = geometry.lanes.get(lane.id)
      if (box && expected && !near(box.height, expected.height)) {
        // The band is the drawn lane less whatever the pool stretched it by.
        lane.height = tidy(box.height - (expected.height - (lane.height ?? 200)))
        changed = true
      }
    }
    if (changed) geometry = diagramGeometry(doc, timeouts)
    for (const edge of doc.edges) {
      const element = this.connectionOf(edge)
      const drawn = element ? this.connections.get(element) : undefined
      const expected = geometry.waypoints.get(edge.id)
      if (!drawn || !expected) continue
      const same =
        drawn.points.length === expected.length &&
        drawn.points.every((p, i) => near(p.x, expected[i]!.x) && near(p.y, expected[i]!.y))
      if (!same) {
        const inner = drawn.points.slice(1, -1).map((p) => ({ x: tidy(p.x), y: tidy(p.y) }))
        if (inner.length > 0) edge.points = inner
        else delete edge.points
      }
    }
    const order = (edge: FlowEdge): number => {
      const element = this.connectionOf(edge)
      return (element && this.connections.get(element)?.order) ?? Infinity
    }
    doc.edges.sort((a, b) => order(a) - order(b))
    return doc
  }

  private readonly edgeElements = new Map<string, object>()

  private connectionOf(edge: FlowEdge): object | undefined {
    if (this.edgeElements.size === 0) {
      for (const pool of this.definitions.rootElements ?? []) {
        if (!pool.$instanceOf('bpmn:Process')) continue
        const process = pool as El<BpmnProcess>
        for (const element of [...(process.flowElements ?? []), ...(process.artifacts ?? [])]) {
          if (!element.$instanceOf('bpmn:SequenceFlow') && !element.$instanceOf('bpmn:Association')) continue
          const fl = flowlaneExtension(element, 'fl:Edge')
          const id = fl?.id ?? element.id
          if (id !== undefined && !this.edgeElements.has(id)) this.edgeElements.set(id, element)
        }
      }
    }
    return this.edgeElements.get(edge.id)
  }

  private boundaryTimeout(node: FlowNode): boolean {
    const element = this.elementOf.get(node.id) as El<BpmnActivity> | undefined
    const edgeElement = node.timeout
      ? (this.connectionOf({ id: node.timeout.edgeId, source: '', target: '' }) as El<BpmnSequenceFlow> | undefined)
      : undefined
    return !!element && !!edgeElement?.sourceRef?.$instanceOf('bpmn:BoundaryEvent')
  }

  // ---- the diagram --------------------------------------------------------------------------

  private indexDiagram(diagrams: readonly El<BpmndiBPMNDiagram>[]): void {
    let order = 0
    for (const diagram of diagrams) {
      for (const item of diagram.plane?.planeElement ?? []) {
        order++
        const element = (item as El<BpmndiBPMNShape>).bpmnElement
        if (!element) continue
        if (item.$instanceOf('bpmndi:BPMNShape')) {
          const bounds = (item as El<BpmndiBPMNShape>).bounds
          if (!bounds || this.shapes.has(element)) continue
          const box = { x: bounds.x ?? 0, y: bounds.y ?? 0, width: bounds.width ?? 0, height: bounds.height ?? 0 }
          if (![box.x, box.y, box.width, box.height].every(Number.isFinite)) continue
          const color =
            item.get<string | undefined>('color:background-color') ?? item.get<string | undefined>('bioc:fill')
          this.shapes.set(element, { box, order, color })
        } else if (item.$instanceOf('bpmndi:BPMNEdge')) {
          const points = ((item as El<BpmndiBPMNEdge>).waypoint ?? [])
            .map((p) => ({ x: p.x ?? NaN, y: p.y ?? NaN }))
            .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
          if (!this.connections.has(element)) this.connections.set(element, { points, order })
        }
      }
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private iso(duration: Duration): string {
    return toIsoDuration(duration, this.calendar)
  }

  /** A unique id: ours from the extension, else the BPMN id, else a made-up one. */
  private uniqueId(used: Set<string>, ours: string | undefined, bpmn: string | undefined, prefix: string): string {
    for (const candidate of [ours, bpmn]) {
      if (candidate !== undefined && candidate !== '' && !used.has(candidate)) {
        used.add(candidate)
        return candidate
      }
    }
    const base = bpmn !== undefined && bpmn !== '' ? bpmn : prefix
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`
    used.add(id)
    return id
  }

  /** A label as Flowlane can hold it (at most 5,000 characters). */
  private cut(label: string, element: Element): string {
    if (label.length <= LIMITS.maxLabelLength) return label
    this.loss('lossShortened', [element], undefined, { max: LIMITS.maxLabelLength.toLocaleString('en') })
    return label.slice(0, LIMITS.maxLabelLength)
  }

  /** What could not be kept, once per kind (`key` and `values`), with every element it concerns. */
  private loss(
    key: ImportMessageKey,
    elements: readonly { id?: string; name?: string; $type?: string }[],
    detail?: string,
    values?: ImportValues,
  ): void {
    const kind = values === undefined ? key : `${key} ${JSON.stringify(values)}`
    const entry = this.losses.get(kind) ?? { key, values, names: [], line: undefined }
    for (const element of elements) {
      entry.names.push(`${this.name(element)}${detail === undefined ? '' : ` (${detail})`}`)
      entry.line ??= this.lineOf(element).line
    }
    this.losses.set(kind, entry)
  }

  private name(element: { id?: string; name?: string }): string {
    const name = element.name?.replace(/\s+/g, ' ').trim()
    const id = element.id ?? '?'
    return name ? `"${name.length > 40 ? `${name.slice(0, 40)}…` : name}" (${id})` : id
  }

  private lineOf(element: { id?: string }): { line?: number } {
    if (!this.linesIndexed) {
      this.linesIndexed = true
      let line = 1
      let last = 0
      for (const match of this.text.matchAll(/\sid\s*=\s*"([^"]*)"/g)) {
        for (let i = this.text.indexOf('\n', last); i !== -1 && i < match.index; i = this.text.indexOf('\n', i + 1))
          line++
        last = match.index
        if (!this.lineOfId.has(match[1]!)) this.lineOfId.set(match[1]!, line)
      }
    }
    const line = element.id === undefined ? undefined : this.lineOfId.get(element.id)
    return line === undefined ? {} : { line }
  }
}

/** How many elements a subprocess holds, all levels down (bounded). */
function countInner(container: El<BpmnFlowElementsContainer>, depth: number): number {
  if (depth > MAX_NESTING) return 0
  let count = 0
  for (const element of container.flowElements ?? []) {
    if (element.$instanceOf('bpmn:SequenceFlow')) continue
    count++
    if (element.$instanceOf('bpmn:SubProcess')) count += countInner(element, depth + 1)
  }
  return count
}

function expressionText(expression: El<BpmnExpression> | undefined): string | undefined {
  const body = expression?.body
  return typeof body === 'string' ? body : undefined
}

function describeType(type: string): string {
  return type
    .replace(/^bpmn:/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
}

/** The listed own properties of a moddle element that are set, as a plain object. */
function plain(element: object, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    const value = (element as Record<string, unknown>)[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

function plainDuration(element: { value?: number; unit?: string } | undefined): Record<string, unknown> | undefined {
  return element ? plain(element, ['value', 'unit']) : undefined
}

function plainDistribution(element: FlDistribution | undefined): Record<string, unknown> | undefined {
  return element ? plain(element, ['dist', 'value', 'min', 'mode', 'max', 'mean', 'sd', 'unit']) : undefined
}

function isPositive(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
}

function isProbability(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1
}

/** Removes the last-bit noise of converting shape centres back to corners. */
function tidy(value: number): number {
  return Number(value.toPrecision(12))
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6
}

function hasForbiddenKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasForbiddenKey)
  if (value === null || typeof value !== 'object') return false
  return Object.keys(value).some(
    (k) =>
      k === '__proto__' ||
      k === 'constructor' ||
      k === 'prototype' ||
      hasForbiddenKey((value as Record<string, unknown>)[k]),
  )
}

/** Nesting depth of JSON text, counted without parsing it. */
function jsonDepth(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') max = Math.max(max, ++depth)
    else if (c === '}' || c === ']') depth--
  }
  return max
}
