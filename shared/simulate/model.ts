/**
 * Compiles a document into the flat tables the engine's hot loop reads (architecture.md:
 * "readability lives in the model compilation step"). Everything about meaning is decided
 * here, once: which nodes hold people, how a node's cases leave it, where joins are.
 */
import type { FlowDocument } from '../document/schema.js'
import { analyseCapacity, arrivalsOf, branchShares } from '../analysis/capacity.js'
import { buildFlowGraph, timeoutEdgeOf, type FlowGraph } from '../graph/flowGraph.js'
import { clockOf, toClockHours } from '../time/clock.js'
import { nameOf } from '../validate/naming.js'
import { compileDistribution, STRIDE, UNIFORM, type CompiledDistribution } from './distributions.js'

export const START = 0
export const END = 1
/** Tasks and subprocesses: seize `resources.people` of the owner, work, release. */
export const TASK = 2
export const APPROVAL = 3
export const WAIT = 4
export const DECISION = 5
export const PARALLEL = 6

export interface CompiledRole {
  readonly id: string
  readonly name: string
  readonly headcount: number
  readonly costPerHour: number | undefined
}

export interface CompiledStart {
  readonly node: number
  readonly arrivals: CompiledDistribution
}

export interface CompiledModel {
  readonly doc: FlowDocument
  readonly graph: FlowGraph
  readonly nodeCount: number
  readonly kind: Uint8Array
  /** Tasks: the owner's role index. */
  readonly role: Int32Array
  /** Tasks: people held at once (0 holds nobody and never queues). */
  readonly people: Int32Array
  /** Approvals: their reviewing roles, in order, at `reviewRoles[reviewStart[v] ...]`. */
  readonly reviewStart: Int32Array
  readonly reviewCount: Int32Array
  readonly reviewRoles: Int32Array
  /** Per node: 1 when its work or delay runs on the working clock. */
  readonly distWorking: Uint8Array
  /** Time limit in hours on its clock; NaN without one. */
  readonly limitHours: Float64Array
  readonly limitWorking: Uint8Array
  /** Timeout after, in hours on its clock; NaN without one. */
  readonly timeoutHours: Float64Array
  readonly timeoutWorking: Uint8Array
  /** Timeout edge index (into `edgeTarget`), -1 without one. */
  readonly timeoutEdge: Int32Array
  /** Regular ways out: `outEdges[outStart[v] ... + outCount[v]]`, with cumulative shares for exclusive draws. */
  readonly outStart: Int32Array
  readonly outCount: Int32Array
  readonly outEdges: Int32Array
  readonly outCumulative: Float64Array
  /** Decisions and approvals draw one way out; every other node takes all (a split). */
  readonly exclusive: Uint8Array
  readonly edgeTarget: Int32Array
  /** Joins: parallel nodes with several incoming edges. */
  readonly joinOf: Int32Array
  readonly joinCount: number
  readonly joinInputs: Int32Array
  /** For an edge into a join: its position among the join's incoming edges. */
  readonly edgeInput: Int32Array
  /** End nodes: index into `outcomes`, -1 without an outcome. */
  readonly outcomeOf: Int32Array
  readonly outcomes: readonly string[]
  readonly roles: readonly CompiledRole[]
  readonly starts: readonly CompiledStart[]
  /**
   * What the engine draws random numbers for ("sources"), each from a stream of its own: node v's
   * work or delay is source v, its branch draws (uniforms on (0, 1)) source nodeCount + v, start
   * i's arrival gaps source 2 × nodeCount + i. Per source: its stream, distribution kind and
   * `STRIDE` parameters (hours on its clock).
   */
  readonly sourceStream: Int32Array
  readonly sourceKind: Uint8Array
  readonly sourceParams: Float64Array
  /** Stream names, index = stream number (see random.ts). */
  readonly streamNames: readonly string[]
  /** The steps reported per node (tasks, approvals, waits, subprocesses), in document order. */
  readonly steps: readonly number[]
  /** Expected visits per case entering (capacity analysis): sizes the engine's buffers up front. */
  readonly expectedVisits: Float64Array
}

export type CompileResult = { ok: true; model: CompiledModel } | { ok: false; problems: string[] }

const KIND_CODES: Record<string, number> = {
  start: START,
  end: END,
  task: TASK,
  subprocess: TASK,
  approval: APPROVAL,
  wait: WAIT,
  decision: DECISION,
  parallel: PARALLEL,
}

/**
 * Builds the tables, or says why the flow cannot run at all. These refusals are a safety net
 * behind validation (which reports the same things as errors): the engine must never
 * deadlock or crash on a document that loads.
 */
export function compileModel(doc: FlowDocument): CompileResult {
  const graph = buildFlowGraph(doc)
  const n = graph.nodes.length
  const problems: string[] = []
  const roleIndex = new Map<string, number>()
  doc.roles.forEach((r, i) => roleIndex.set(r.id, i))
  const roles: CompiledRole[] = doc.roles.map((r) => ({
    id: r.id,
    name: r.name,
    headcount: r.headcount,
    costPerHour: r.costPerHour,
  }))

  const streamNames: string[] = []
  const stream = (name: string): number => streamNames.push(name) - 1

  const kind = new Uint8Array(n)
  const role = new Int32Array(n).fill(-1)
  const people = new Int32Array(n)
  const reviewStart = new Int32Array(n)
  const reviewCount = new Int32Array(n)
  const reviewRoles: number[] = []
  const distKind = new Uint8Array(n)
  const distWorking = new Uint8Array(n)
  const distParams = new Float64Array(n * STRIDE)
  const limitHours = new Float64Array(n).fill(NaN)
  const limitWorking = new Uint8Array(n)
  const timeoutHours = new Float64Array(n).fill(NaN)
  const timeoutWorking = new Uint8Array(n)
  const timeoutEdge = new Int32Array(n).fill(-1)
  const durationStream = new Int32Array(n).fill(-1)
  const branchStream = new Int32Array(n).fill(-1)
  const outcomeOf = new Int32Array(n).fill(-1)
  const outcomes: string[] = []
  const steps: number[] = []
  const starts: CompiledStart[] = []

  graph.nodes.forEach((node, v) => {
    const code = KIND_CODES[node.kind]!
    kind[v] = code
    const label = `"${nameOf(node)}"`
    const isStep = code === TASK || code === APPROVAL || code === WAIT
    if (isStep) {
      steps.push(v)
      if (!node.duration) problems.push(`${label} has no duration`)
      else {
        const d = compileDistribution(node.duration, doc.calendar)
        distKind[v] = d.kind
        distWorking[v] = d.working ? 1 : 0
        distParams.set(d.params, v * STRIDE)
      }
      durationStream[v] = stream(`duration:${node.id}`)
      if (node.timeLimit) {
        limitHours[v] = toClockHours(node.timeLimit.value, node.timeLimit.unit, doc.calendar)
        limitWorking[v] = clockOf(node.timeLimit.unit) === 'working' ? 1 : 0
      }
      const edge = timeoutEdgeOf(graph, node)
      if (node.timeout && edge) {
        timeoutHours[v] = toClockHours(node.timeout.after.value, node.timeout.after.unit, doc.calendar)
        timeoutWorking[v] = clockOf(node.timeout.after.unit) === 'working' ? 1 : 0
        timeoutEdge[v] = graph.edges.indexOf(edge)
      }
    }
    if (code === TASK) {
      const r = node.owner === undefined ? undefined : roleIndex.get(node.owner)
      if (r === undefined) problems.push(`${label} has no owner role to take people from`)
      else {
        role[v] = r
        people[v] = node.resources?.people ?? 1
        if (people[v] > roles[r]!.headcount) {
          problems.push(
            `${label} needs ${people[v]} people but role "${roles[r]!.name}" has ${roles[r]!.headcount}: it would wait forever`,
          )
        }
      }
    }
    if (code === APPROVAL) {
      const reviewers = node.approvers && node.approvers.length > 0 ? node.approvers : node.owner ? [node.owner] : []
      if (reviewers.length === 0) problems.push(`${label} has no approvers and no owner to review it`)
      reviewStart[v] = reviewRoles.length
      reviewCount[v] = reviewers.length
      for (const id of reviewers) {
        const r = roleIndex.get(id)
        if (r === undefined) problems.push(`${label} names approver "${id}", which is not a role`)
        reviewRoles.push(r ?? 0)
      }
      role[v] = reviewRoles[reviewStart[v]] ?? -1
    }
    if (code === END && node.outcome !== undefined) {
      let o = outcomes.indexOf(node.outcome)
      if (o === -1) o = outcomes.push(node.outcome) - 1
      outcomeOf[v] = o
    }
    if (code === START) {
      const arrivals = arrivalsOf(doc, node)
      if (!arrivals) problems.push(`start ${label} has no arrivals, and the document has no simulation.arrivals`)
      else starts.push({ node: v, arrivals: compileDistribution(arrivals, doc.calendar) })
    }
  })
  if (!graph.nodes.some((node) => node.kind === 'start')) {
    problems.push('the flow has no start node: no case can enter')
  }
  if (problems.length > 0) return { ok: false, problems }
  const arrivalStreams = starts.map((s) => stream(`arrivals:${graph.nodes[s.node]!.id}`))

  // Ways out, in edge order.
  const outStart = new Int32Array(n)
  const outCount = new Int32Array(n)
  const outEdges: number[] = []
  const outCumulative: number[] = []
  const exclusive = new Uint8Array(n)
  for (let v = 0; v < n; v++) {
    const shares = branchShares(graph, v)
    outStart[v] = outEdges.length
    outCount[v] = shares.length
    const isExclusive = kind[v] === DECISION || kind[v] === APPROVAL
    exclusive[v] = isExclusive ? 1 : 0
    let cumulative = 0
    for (const { edge, share } of shares) {
      cumulative += share
      outEdges.push(edge)
      outCumulative.push(cumulative)
    }
    // The last way out always catches a draw, whatever rounding did to the sum.
    if (shares.length > 0) outCumulative[outCumulative.length - 1] = Infinity
    if (isExclusive && shares.length > 1) branchStream[v] = stream(`branch:${graph.nodes[v]!.id}`)
  }

  const edgeTarget = Int32Array.from(graph.edges, (e) => graph.indexOf.get(e.target)!)
  const joinOf = new Int32Array(n).fill(-1)
  const joinInputs: number[] = []
  const edgeInput = new Int32Array(graph.edges.length).fill(-1)
  for (let v = 0; v < n; v++) {
    if (kind[v] !== PARALLEL || graph.incoming[v]!.length < 2) continue
    joinOf[v] = joinInputs.push(graph.incoming[v]!.length) - 1
    graph.incoming[v]!.forEach((e, position) => (edgeInput[e] = position))
  }

  // The sources of random numbers (see `sourceStream`).
  const sources = 2 * n + starts.length
  const sourceStream = new Int32Array(sources).fill(-1)
  const sourceKind = new Uint8Array(sources)
  const sourceParams = new Float64Array(sources * STRIDE)
  sourceStream.set(durationStream)
  sourceKind.set(distKind)
  sourceParams.set(distParams)
  sourceStream.set(branchStream, n)
  for (let v = 0; v < n; v++) {
    // 0 + 1 × u, which is u exactly.
    sourceKind[n + v] = UNIFORM
    sourceParams[(n + v) * STRIDE + 1] = 1
  }
  starts.forEach((start, i) => {
    sourceStream[2 * n + i] = arrivalStreams[i]!
    sourceKind[2 * n + i] = start.arrivals.kind
    sourceParams.set(start.arrivals.params, (2 * n + i) * STRIDE)
  })

  const capacity = analyseCapacity(doc, graph)
  return {
    ok: true,
    model: {
      doc,
      graph,
      nodeCount: n,
      kind,
      role,
      people,
      reviewStart,
      reviewCount,
      reviewRoles: Int32Array.from(reviewRoles),
      distWorking,
      limitHours,
      limitWorking,
      timeoutHours,
      timeoutWorking,
      timeoutEdge,
      outStart,
      outCount,
      outEdges: Int32Array.from(outEdges),
      outCumulative: Float64Array.from(outCumulative),
      exclusive,
      edgeTarget,
      joinOf,
      joinCount: joinInputs.length,
      joinInputs: Int32Array.from(joinInputs),
      edgeInput,
      outcomeOf,
      outcomes,
      roles,
      starts,
      sourceStream,
      sourceKind,
      sourceParams,
      streamNames,
      steps,
      expectedVisits: Float64Array.from(graph.nodes, (node) => capacity.visits.get(node.id) ?? 0),
    },
  }
}

/** The role a person would name for a step: its owner, else its first approver. */
export function stepRoleId(model: CompiledModel, v: number): string | null {
  const node = model.graph.nodes[v]!
  return node.owner ?? node.approvers?.[0] ?? null
}
