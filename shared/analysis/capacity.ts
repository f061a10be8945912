/**
 * Capacity analysis (simulation.md, "Capacity"): expected visits per step from the edge
 * probabilities — an absorbing Markov chain, extended with parallel forks that multiply a
 * case and joins that merge its branches — and from them the offered load of every role.
 * A load ≥ 1 means the role's queue grows without bound.
 */
import type { Distribution, FlowDocument, FlowNode } from '../document/schema.js'
import { buildFlowGraph, regularOutgoing, stronglyConnectedComponents, type FlowGraph } from '../graph/flowGraph.js'
import { toClockHours, workingShare, clockOf } from '../time/clock.js'
import { distributionMean } from '../time/distributionMean.js'

export interface StepLoad {
  readonly nodeId: string
  /** This step's share of the role's offered load. */
  readonly load: number
}

export interface RoleLoad {
  readonly roleId: string
  /** Offered load: busy people ÷ headcount, on average over working time. */
  readonly load: number
  /** The steps that load the role, heaviest first. */
  readonly steps: readonly StepLoad[]
}

export interface CapacityReport {
  /** Cases entering per working hour over all start nodes; null when no start has arrivals. */
  readonly arrivalsPerWorkingHour: number | null
  /** Expected visits per case entering; Infinity inside a loop no case can leave. */
  readonly visits: ReadonlyMap<string, number>
  /** Per role with work; empty when arrivals are unknown. */
  readonly roles: ReadonlyMap<string, RoleLoad>
}

/** Mean of a distribution in working hours, elapsed units scaled by the working share. */
export function meanWorkingHours(d: Distribution, doc: FlowDocument): number {
  const hours = toClockHours(distributionMean(d), d.unit, doc.calendar)
  return clockOf(d.unit) === 'working' ? hours : hours * workingShare(doc.calendar)
}

/** Probabilities of a node's regular outgoing edges as the simulator draws them. */
export function branchShares(graph: FlowGraph, index: number): { edge: number; share: number }[] {
  const node = graph.nodes[index]!
  const out = regularOutgoing(graph, index)
  if (out.length === 0) return []
  const exclusive = node.kind === 'decision' || node.kind === 'approval'
  if (!exclusive) return out.map((edge) => ({ edge, share: 1 }))
  // Missing probabilities share what the given ones leave; a sum off 1 is normalised.
  const given = out.reduce((sum, e) => sum + (graph.edges[e]!.probability ?? 0), 0)
  const missing = out.filter((e) => graph.edges[e]!.probability === undefined).length
  const rest = missing > 0 ? Math.max(0, 1 - given) / missing : 0
  const raw = out.map((edge) => ({ edge, share: graph.edges[edge]!.probability ?? rest }))
  const total = raw.reduce((sum, r) => sum + r.share, 0)
  return total > 0
    ? raw.map((r) => ({ edge: r.edge, share: r.share / total }))
    : raw.map((r) => ({ edge: r.edge, share: 1 / raw.length }))
}

function isJoin(graph: FlowGraph, index: number): boolean {
  return graph.nodes[index]!.kind === 'parallel' && graph.incoming[index]!.length > 1
}

/** Largest loop solved exactly; bigger ones are iterated (Gauss–Seidel). */
const DENSE_LIMIT = 400

/**
 * Flow per node: f = a + M·f, solved component by component in topological order,
 * so an acyclic flow costs one pass and each loop a small linear system.
 */
export function expectedFlow(graph: FlowGraph, source: Float64Array): Float64Array {
  const n = graph.nodes.length
  const flow = new Float64Array(n)
  const inflow = new Float64Array(n)
  const component = new Int32Array(n)
  const components = stronglyConnectedComponents(graph).reverse()
  components.forEach((c, k) => c.forEach((v) => (component[v] = k)))
  const shares = graph.nodes.map((_, v) => branchShares(graph, v))
  const divisor = (v: number): number => (isJoin(graph, v) ? graph.incoming[v]!.length : 1)

  const emit = (v: number, into: Float64Array, onlyOutside: number | null): void => {
    for (const { edge, share } of shares[v]!) {
      const w = graph.indexOf.get(graph.edges[edge]!.target)!
      if (onlyOutside !== null && component[w] === onlyOutside) continue
      into[w]! += flow[v]! * share
    }
  }

  components.forEach((members, k) => {
    if (members.length === 1) {
      const v = members[0]!
      const selfShare = shares[v]!.filter(({ edge }) => graph.edges[edge]!.target === graph.nodes[v]!.id).reduce(
        (s, x) => s + x.share,
        0,
      )
      const d = divisor(v)
      const base = (source[v]! + inflow[v]!) / d
      flow[v] = selfShare === 0 ? base : selfShare / d >= 1 ? (base > 0 ? Infinity : 0) : base / (1 - selfShare / d)
    } else {
      solveLoop(graph, members, k, component, shares, divisor, source, inflow, flow)
    }
    for (const v of members) emit(v, inflow, k)
  })
  return flow
}

function solveLoop(
  graph: FlowGraph,
  members: readonly number[],
  k: number,
  component: Int32Array,
  shares: readonly { edge: number; share: number }[][],
  divisor: (v: number) => number,
  source: Float64Array,
  inflow: Float64Array,
  flow: Float64Array,
): void {
  const m = members.length
  const local = new Map(members.map((v, i) => [v, i]))
  // (I − M_cc)·f_c = b_c, rows scaled by each node's join divisor.
  const coefficients: { from: number; to: number; weight: number }[] = []
  for (const v of members) {
    for (const { edge, share } of shares[v]!) {
      const w = graph.indexOf.get(graph.edges[edge]!.target)!
      if (component[w] === k) coefficients.push({ from: local.get(v)!, to: local.get(w)!, weight: share / divisor(w) })
    }
  }
  const b = members.map((v) => (source[v]! + inflow[v]!) / divisor(v))
  let solution: Float64Array | null = null
  if (m <= DENSE_LIMIT) {
    const a = Array.from({ length: m }, (_, i) => {
      const row = new Float64Array(m + 1)
      row[i] = 1
      row[m] = b[i]!
      return row
    })
    for (const c of coefficients) a[c.to]![c.from]! -= c.weight
    solution = gaussianElimination(a, m)
  } else {
    solution = gaussSeidel(m, coefficients, b)
  }
  members.forEach((v, i) => (flow[v] = solution ? Math.max(0, solution[i]!) : Infinity))
}

/** Solves in place with partial pivoting; null when singular (a loop no case can leave). */
function gaussianElimination(a: Float64Array[], m: number): Float64Array | null {
  for (let col = 0; col < m; col++) {
    let pivot = col
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null
    ;[a[col], a[pivot]] = [a[pivot]!, a[col]!]
    const p = a[col]!
    for (let r = 0; r < m; r++) {
      if (r === col) continue
      const row = a[r]!
      const factor = row[col]! / p[col]!
      if (factor === 0) continue
      for (let c = col; c <= m; c++) row[c]! -= factor * p[c]!
    }
  }
  const x = new Float64Array(m)
  for (let i = 0; i < m; i++) x[i] = a[i]![m]! / a[i]![i]!
  return x
}

function gaussSeidel(
  m: number,
  coefficients: readonly { from: number; to: number; weight: number }[],
  b: readonly number[],
): Float64Array | null {
  const into: { from: number; weight: number }[][] = Array.from({ length: m }, () => [])
  for (const c of coefficients) into[c.to]!.push({ from: c.from, weight: c.weight })
  const x = Float64Array.from(b)
  for (let sweep = 0; sweep < 10_000; sweep++) {
    let change = 0
    for (let i = 0; i < m; i++) {
      let value = b[i]!
      for (const { from, weight } of into[i]!) value += weight * x[from]!
      change = Math.max(change, Math.abs(value - x[i]!))
      x[i] = value
    }
    let largest = 1
    for (let i = 0; i < m; i++) largest = Math.max(largest, Math.abs(x[i]!))
    if (change < 1e-12 * largest) return x
    if (!Number.isFinite(change) || change > 1e15) return null
  }
  return null
}

/** Arrivals of a start node: its own, else the document's default. */
export function arrivalsOf(doc: FlowDocument, node: FlowNode): Distribution | undefined {
  return node.arrivals ?? doc.simulation?.arrivals
}

/** Cases per working hour from one arrival stream (simulation.md: elapsed converts by 168 ÷ working hours a week). */
export function arrivalRatePerWorkingHour(d: Distribution, doc: FlowDocument): number {
  const meanHours = toClockHours(distributionMean(d), d.unit, doc.calendar)
  const perClockHour = meanHours > 0 ? 1 / meanHours : Infinity
  return clockOf(d.unit) === 'working' ? perClockHour : perClockHour / workingShare(doc.calendar)
}

export function analyseCapacity(doc: FlowDocument, graph: FlowGraph = buildFlowGraph(doc)): CapacityReport {
  const n = graph.nodes.length
  const starts = graph.nodes.flatMap((node, i) => (node.kind === 'start' ? [i] : []))
  const rates = starts.map((i) => {
    const d = arrivalsOf(doc, graph.nodes[i]!)
    return d ? arrivalRatePerWorkingHour(d, doc) : null
  })
  const known = rates.length > 0 && rates.every((r) => r !== null)
  const totalRate = known ? rates.reduce<number>((s, r) => s + r, 0) : null

  // Visits per case: every start weighted by its share of arrivals (equal shares when unknown).
  const source = new Float64Array(n)
  starts.forEach(
    (i, k) =>
      (source[i] = known && totalRate! > 0 && Number.isFinite(totalRate) ? rates[k]! / totalRate! : 1 / starts.length),
  )
  const perCase = expectedFlow(graph, source)
  const visits = new Map<string, number>()
  graph.nodes.forEach((node, i) => visits.set(node.id, perCase[i]!))

  const roles = new Map<string, RoleLoad>()
  if (known && totalRate !== null) {
    const headcount = new Map(doc.roles.map((r) => [r.id, r.headcount]))
    const byRole = new Map<string, Map<string, number>>()
    const add = (roleId: string, nodeId: string, busyPeople: number): void => {
      const h = headcount.get(roleId)
      if (h === undefined) return
      const steps = byRole.get(roleId) ?? new Map<string, number>()
      steps.set(nodeId, (steps.get(nodeId) ?? 0) + busyPeople / h)
      byRole.set(roleId, steps)
    }
    graph.nodes.forEach((node, i) => {
      if (!node.duration || !['task', 'subprocess', 'approval'].includes(node.kind)) return
      const visitRate = perCase[i]! * totalRate
      if (!(visitRate > 0)) return
      const work = meanWorkingHours(node.duration, doc)
      if (work === 0) return
      if (node.kind === 'approval') {
        // Each review holds one person of the reviewing role (file-format.md).
        const reviewers = node.approvers?.length ? node.approvers : node.owner !== undefined ? [node.owner] : []
        for (const reviewer of reviewers) add(reviewer, node.id, visitRate * work)
      } else if (node.owner !== undefined) {
        add(node.owner, node.id, visitRate * work * (node.resources?.people ?? 1))
      }
    })
    for (const [roleId, steps] of byRole) {
      const list = [...steps]
        .map(([nodeId, load]) => ({ nodeId, load }))
        .sort((a, b) => b.load - a.load || (a.nodeId < b.nodeId ? -1 : 1))
      roles.set(roleId, { roleId, load: list.reduce((s, x) => s + x.load, 0), steps: list })
    }
  }
  return { arrivalsPerWorkingHour: totalRate, visits, roles }
}
