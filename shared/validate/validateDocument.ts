/**
 * Runs every rule over a document and returns its problems, sorted as cli.md says:
 * severity (errors first), then node id, edge id, rule id. Graph facts are computed
 * once and shared; rules report, never throw, never touch the UI.
 */
import { analyseCapacity, type CapacityReport } from '../analysis/capacity.js'
import type { FlowDocument } from '../document/schema.js'
import { computeDominators, type Dominators } from '../graph/dominators.js'
import { buildFlowGraph, reachable, stronglyConnectedComponents, type FlowGraph } from '../graph/flowGraph.js'
import { branchShares } from '../analysis/capacity.js'
import { en, type MessageKey } from './messages/en.js'
import { zhCN } from './messages/zh-CN.js'
import { RULES } from './rules/index.js'
import {
  SEVERITIES,
  type ClosedLoops,
  type Problem,
  type ReachFacts,
  type Rule,
  type RuleContext,
  type Severity,
  type SeveritySetting,
} from './types.js'

export type MessageLocale = 'en' | 'zh-CN'
const CATALOGS: Record<MessageLocale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN }

export interface ValidationSettings {
  /** Per rule id: a severity replacing the default, or `off`. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>
  readonly locale?: MessageLocale
}

export function validateDocument(
  doc: FlowDocument,
  settings: ValidationSettings = {},
  rules: readonly Rule[] = RULES,
): Problem[] {
  const context = createContext(doc)
  const catalog = CATALOGS[settings.locale ?? 'en']
  const problems: Problem[] = []
  for (const rule of rules) {
    const override = settings.rules?.[rule.id]
    if (override === 'off') continue
    rule.check(context, (report) => {
      problems.push({
        rule: rule.id,
        severity: override ?? report.severity ?? rule.defaultSeverity,
        message: interpolate(catalog[report.messageKey], report.params),
        ...(report.nodeId !== undefined && { nodeId: report.nodeId }),
        ...(report.edgeId !== undefined && { edgeId: report.edgeId }),
        ...(report.laneId !== undefined && { laneId: report.laneId }),
        ...(report.roleId !== undefined && { roleId: report.roleId }),
      })
    })
  }
  return problems.sort(compareProblems)
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Code-unit order, not locale order: the same on every machine. */
function compareText(a: string | undefined, b: string | undefined): number {
  const x = a ?? ''
  const y = b ?? ''
  return x < y ? -1 : x > y ? 1 : 0
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(a.nodeId, b.nodeId) ||
    compareText(a.edgeId, b.edgeId) ||
    compareText(a.rule, b.rule) ||
    compareText(a.laneId, b.laneId) ||
    compareText(a.roleId, b.roleId) ||
    compareText(a.message, b.message)
  )
}

/** Fills `{{name}}` placeholders; values are inserted as they are, never re-interpreted. */
export function interpolate(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined
    return value === undefined ? whole : String(value)
  })
}

export function createContext(doc: FlowDocument, graph: FlowGraph = buildFlowGraph(doc)): RuleContext {
  const starts = graph.nodes.flatMap((n, i) => (n.kind === 'start' ? [i] : []))
  const ends = graph.nodes.flatMap((n, i) => (n.kind === 'end' ? [i] : []))
  const disconnected = new Uint8Array(graph.nodes.length)
  graph.nodes.forEach(
    (_, i) => (disconnected[i] = graph.incoming[i]!.length === 0 && graph.outgoing[i]!.length === 0 ? 1 : 0),
  )
  const reach: ReachFacts = { fromStart: reachable(graph, starts), toEnd: reachable(graph, ends, true), disconnected }
  let dominators: Dominators | undefined
  let capacity: CapacityReport | undefined
  let loops: ClosedLoops | undefined
  return {
    doc,
    graph,
    reach,
    dominators: () => (dominators ??= computeDominators(graph)),
    capacity: () => (capacity ??= analyseCapacity(doc, graph)),
    closedLoops: () => (loops ??= findClosedLoops(graph)),
  }
}

/** Loops from which no edge that some case takes leads out (probability-0 branches are never taken). */
function findClosedLoops(graph: FlowGraph): ClosedLoops {
  const taken = new Uint8Array(graph.edges.length)
  graph.nodes.forEach((_, v) => {
    for (const { edge, share } of branchShares(graph, v)) if (share > 0) taken[edge] = 1
    const timeoutId = graph.nodes[v]!.timeout?.edgeId
    for (const e of graph.outgoing[v]!) if (graph.edges[e]!.id === timeoutId) taken[e] = 1
  })
  const usable = (e: number): boolean => taken[e] === 1
  const component = new Int32Array(graph.nodes.length)
  const components = stronglyConnectedComponents(graph, usable)
  components.forEach((c, k) => c.forEach((v) => (component[v] = k)))
  const inLoop = new Uint8Array(graph.nodes.length)
  const loops: number[][] = []
  components.forEach((members, k) => {
    const edgesOut = members.flatMap((v) => graph.outgoing[v]!.filter(usable))
    const cyclic = members.length > 1 || edgesOut.some((e) => graph.edges[e]!.target === graph.nodes[members[0]!]!.id)
    if (!cyclic) return
    const leaves = edgesOut.some((e) => component[graph.indexOf.get(graph.edges[e]!.target)!] !== k)
    if (leaves) return
    const sorted = [...members].sort((a, b) => a - b)
    sorted.forEach((v) => (inLoop[v] = 1))
    loops.push(sorted)
  })
  return { loops, inLoop }
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value)
}
