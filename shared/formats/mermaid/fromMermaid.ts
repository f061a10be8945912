/**
 * A Mermaid flowchart as a Flowlane document. The parsing is Mermaid's own, supplied by the
 * caller (types.ts); this cleans what people paste, maps shapes to kinds, subgraphs to lanes
 * and edge labels to probabilities, and says in a warning whatever it could not keep. The
 * result has no positions (all 0,0) and no roles: the caller lays it out, and validation
 * reports the owners a Mermaid chart never had.
 */
import { importMessage, type ImportMessage } from '../importMessages/index.js'
import { documentNameFromFile, slug } from '../importNames.js'
import {
  CURRENT_VERSION,
  LIMITS,
  NODE_KINDS,
  parseDocument,
  serializeDocument,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  type Lane,
  type NodeKind,
  type Result,
} from '../../document/index.js'
import { describeMermaidError } from './mermaidError.js'
import { decodeMermaidText } from './mermaidText.js'
import { prepareMermaidText, type PreparedDiagram, type TextProblem } from './prepareMermaidText.js'
import { splitProbability } from './probability.js'
import { KIND_CLASS_PREFIX, shapeMeaning } from './shapes.js'
import type { ImportProblem, MermaidFlowchart, MermaidImport, MermaidParse, MermaidVertex } from './types.js'

export interface FromMermaidOptions {
  /** Which diagram (0-based) of a text that holds several, e.g. a Markdown page; default the first. */
  readonly diagram?: number
}

export async function fromMermaid(
  text: string,
  fileName: string,
  parse: MermaidParse,
  options: FromMermaidOptions = {},
): Promise<Result<MermaidImport, ImportProblem>> {
  const fail = (problem: TextProblem): { ok: false; errors: ImportProblem[] } => ({
    ok: false,
    errors: [{ file: fileName, ...problem }],
  })
  const prepared = prepareMermaidText(text, options.diagram)
  if (!prepared.ok) return fail(prepared.error)
  const diagram = prepared.value

  let chart: MermaidFlowchart
  try {
    chart = await parse(withoutIgnoredStatements(diagram.text))
  } catch (error) {
    return fail(toFilePosition(describeMermaidError(error, diagram.text), diagram))
  }
  if (!/^flowchart/.test(chart.diagramType)) {
    return fail({
      line: diagram.firstLine,
      column: 1,
      ...importMessage('mermaidParsedOther', { type: chart.diagramType }),
    })
  }

  const converted = convert(chart, diagram, fileName)
  if (!converted.ok) return fail(converted.error)
  const warnings = [...diagram.warnings, ...converted.warnings]
    .map((warning, order) => ({ warning, order }))
    .sort((a, b) => (a.warning.line ?? Infinity) - (b.warning.line ?? Infinity) || a.order - b.order)
    .map(({ warning }) => ({ file: fileName, ...warning }))

  // The promise of every importer: what it makes, Flowlane can open.
  const check = parseDocument(serializeDocument(converted.document), fileName)
  if (!check.ok) {
    const first = check.errors[0]
    return fail(importMessage('importDoesNotLoad', { detail: `${first?.path ?? ''} ${first?.message ?? ''}`.trim() }))
  }
  return { ok: true, value: { document: check.value, warnings, direction: converted.direction } }
}

/**
 * Links and styles are dropped with a warning anyway; blanking their lines before parsing
 * keeps `javascript:` URLs, callbacks and CSS out of Mermaid altogether, and a malformed
 * style no longer fails the import. `class` lines stay: an export's classes name kinds.
 */
function withoutIgnoredStatements(text: string): string {
  return text
    .split('\n')
    .map((line) => (/^\s*(click|style|classDef|linkStyle)\s/.test(line) ? '' : line))
    .join('\n')
}

/** A place in the parser's text as a place in the user's file. */
function toFilePosition(problem: TextProblem, diagram: PreparedDiagram): TextProblem {
  if (problem.line === undefined) return problem
  const column =
    problem.column === undefined
      ? undefined
      : problem.line === 1
        ? problem.column + diagram.firstLineIndent
        : problem.column
  return { ...problem, line: diagram.firstLine + problem.line - 1, ...(column === undefined ? {} : { column }) }
}

type Converted =
  | { ok: true; document: FlowDocument; warnings: TextProblem[]; direction: 'LR' | 'TB' }
  | { ok: false; error: TextProblem }

function convert(chart: MermaidFlowchart, diagram: PreparedDiagram, fileName: string): Converted {
  const warnings: TextProblem[] = []
  const source = new SourceLines(diagram)
  warnings.push(...statementWarnings(source))

  const direction = (chart.direction ?? 'TB').toUpperCase()
  if (direction === 'RL' || direction === 'BT') {
    warnings.push({
      line: diagram.firstLine,
      ...importMessage(direction === 'RL' ? 'mermaidDirectionRL' : 'mermaidDirectionBT'),
    })
  }

  const subgraphs = new Map(chart.subgraphs.map((s) => [s.id, s]))
  const vertices = chart.vertices.filter((v) => !subgraphs.has(v.id))
  const vertexIds = new Set(vertices.map((v) => v.id))
  if (vertices.length > LIMITS.maxNodes) {
    return {
      ok: false,
      error: importMessage('mermaidTooManyNodes', {
        count: vertices.length,
        max: LIMITS.maxNodes.toLocaleString('en'),
      }),
    }
  }

  // Lanes: each node goes to its innermost subgraph, which Mermaid lists first.
  const laneOf = new Map<string, string>()
  const nested: string[] = []
  for (const subgraph of chart.subgraphs) {
    for (const member of subgraph.nodes) {
      if (subgraphs.has(member)) nested.push(`"${member}" in "${subgraph.id}"`)
      else if (vertexIds.has(member) && !laneOf.has(member)) laneOf.set(member, subgraph.id)
    }
  }
  if (nested.length > 0) {
    warnings.push({
      line: source.find(/^\s*subgraph\b/, 2),
      ...importMessage('mermaidNestedSubgraphs', { list: nested.join(', ') }),
    })
  }
  if (chart.subgraphs.some((s) => s.dir !== undefined)) {
    warnings.push({ line: source.find(/^\s*direction\s/), ...importMessage('mermaidSubgraphDirections') })
  }
  const lanes: Lane[] = []
  const laneIds = new Set([...laneOf.values()])
  for (const subgraph of chart.subgraphs) {
    // A subgraph that only holds other subgraphs is no lane of its own.
    if (!laneIds.has(subgraph.id) && subgraph.nodes.length > 0) continue
    const title = decodeMermaidText(subgraph.title ?? subgraph.id, subgraph.labelType)
    lanes.push({ id: subgraph.id, name: title.text })
  }

  const edges = collectEdges(chart, subgraphs, vertexIds, source, warnings)
  const incoming = new Map<string, number>()
  const outgoing = new Map<string, number>()
  for (const edge of edges) {
    outgoing.set(edge.source, (outgoing.get(edge.source) ?? 0) + 1)
    incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1)
  }

  const unknownShapes = new Map<string, string>() // shape → first node drawn in it
  const pictures: string[] = []
  const labels = new LabelNotes()
  const nodes: FlowNode[] = []
  for (const vertex of vertices) {
    const kind = kindOf(vertex, incoming.get(vertex.id) ?? 0, outgoing.get(vertex.id) ?? 0, unknownShapes)
    if (vertex.icon !== undefined || vertex.img !== undefined) pictures.push(vertex.id)
    const label = labels.decode(vertex.text ?? vertex.id, vertex.labelType)
    if (label.length > LIMITS.maxLabelLength) {
      return {
        ok: false,
        error: tooLong(
          importMessage('mermaidNodeLabelTooLong', { id: vertex.id, ...lengths(label.length) }),
          source.findId(vertex.id),
        ),
      }
    }
    const laneId = laneOf.get(vertex.id)
    nodes.push({ id: vertex.id, kind, label, position: { x: 0, y: 0 }, ...(laneId === undefined ? {} : { laneId }) })
  }
  if (unknownShapes.size > 0) {
    warnings.push({
      line: source.findId([...unknownShapes.values()][0] ?? ''),
      ...importMessage('mermaidUnknownShapes', { shapes: [...unknownShapes.keys()].sort().join(', ') }),
    })
  }
  if (pictures.length > 0) {
    warnings.push({
      line: source.find(/\b(icon|img)\s*:/),
      ...importMessage('mermaidPictures', { ids: pictures.join(', ') }),
    })
  }

  const kinds = new Map(nodes.map((n) => [n.id, n.kind]))
  const flowEdges: FlowEdge[] = []
  for (const [index, edge] of edges.entries()) {
    // The probability is read before codes are decoded: a `%` written as `#37;` is text.
    let raw = edge.text
    let probability: number | undefined
    const sourceKind = kinds.get(edge.source)
    if (sourceKind === 'decision' || sourceKind === 'approval' || (outgoing.get(edge.source) ?? 0) > 1) {
      const split = splitProbability(raw)
      if (split) ({ label: raw, probability } = split)
    }
    const label = labels.decode(raw, edge.labelType)
    if (label.length > LIMITS.maxLabelLength) {
      return {
        ok: false,
        error: tooLong(
          importMessage('mermaidLinkLabelTooLong', { from: edge.source, to: edge.target, ...lengths(label.length) }),
          undefined,
        ),
      }
    }
    flowEdges.push({
      id: `e${index + 1}`,
      source: edge.source,
      target: edge.target,
      ...(label === '' ? {} : { label }),
      ...(probability === undefined ? {} : { probability }),
    })
  }
  if (flowEdges.length > LIMITS.maxEdges) {
    return {
      ok: false,
      error: importMessage('mermaidTooManyLinksCount', {
        count: flowEdges.length,
        max: LIMITS.maxEdges.toLocaleString('en'),
      }),
    }
  }
  warnings.push(...labels.warnings(source))

  const base = documentNameFromFile(fileName, /\.(mmd|mermaid|md|markdown|txt)$/i)
  const name = diagram.title ?? nonEmpty(chart.accTitle) ?? base
  const description = nonEmpty(chart.accDescription)
  const document: FlowDocument = {
    format: 'flowlane',
    version: CURRENT_VERSION,
    id: slug(base),
    name,
    ...(description === undefined ? {} : { description }),
    roles: [],
    lanes,
    nodes,
    edges: flowEdges,
  }
  return { ok: true, document, warnings, direction: direction === 'LR' || direction === 'RL' ? 'LR' : 'TB' }
}

interface RawEdge {
  readonly source: string
  readonly target: string
  readonly text: string
  readonly labelType: string | undefined
}

/**
 * Links between nodes, one each; a link to or from a subgraph goes to the steps where the
 * subgraph's flow begins (or from those where it ends), as the drawing suggests.
 */
function collectEdges(
  chart: MermaidFlowchart,
  subgraphs: ReadonlyMap<string, MermaidFlowchart['subgraphs'][number]>,
  vertexIds: ReadonlySet<string>,
  source: SourceLines,
  warnings: TextProblem[],
): RawEdge[] {
  const visible = chart.edges.filter((e) => e.stroke !== 'invisible')
  const invisible = chart.edges.length - visible.length
  const between = visible.filter((e) => vertexIds.has(e.start) && vertexIds.has(e.end))

  const membersOf = (id: string, seen = new Set<string>()): string[] => {
    if (seen.has(id)) return []
    seen.add(id)
    return (subgraphs.get(id)?.nodes ?? []).flatMap((m) =>
      subgraphs.has(m) ? membersOf(m, seen) : vertexIds.has(m) ? [m] : [],
    )
  }
  const order = new Map(chart.vertices.map((v, index) => [v.id, index]))
  const ends = (id: string, side: 'entries' | 'exits'): string[] => {
    // In the order the nodes first appear (Mermaid lists a subgraph's members last-first).
    const members = membersOf(id).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    const inside = new Set(members)
    const linked = new Set(
      between
        .filter((e) => inside.has(e.start) && inside.has(e.end))
        .map((e) => (side === 'entries' ? e.end : e.start)),
    )
    const found = members.filter((m) => !linked.has(m))
    if (found.length > 0) return found
    const fallback = side === 'entries' ? members[0] : members[members.length - 1]
    return fallback === undefined ? [] : [fallback]
  }

  const edges: RawEdge[] = []
  const toSubgraphs = new Set<string>()
  let undirected = 0
  let twoWay = 0
  let styled = 0
  let markers = 0
  for (const edge of visible) {
    const sources = subgraphs.has(edge.start) ? ends(edge.start, 'exits') : [edge.start]
    const targets = subgraphs.has(edge.end) ? ends(edge.end, 'entries') : [edge.end]
    if (subgraphs.has(edge.start)) toSubgraphs.add(edge.start)
    if (subgraphs.has(edge.end)) toSubgraphs.add(edge.end)
    for (const from of sources) {
      for (const to of targets)
        edges.push({ source: from, target: to, text: edge.text ?? '', labelType: edge.labelType })
    }
    const type = edge.type ?? 'arrow_point'
    if (type === 'arrow_open') undirected++
    else if (type.startsWith('double_')) twoWay++
    else if (type !== 'arrow_point') markers++
    if (edge.stroke === 'thick' || edge.stroke === 'dotted') styled++
  }

  if (toSubgraphs.size > 0) {
    warnings.push({
      line: source.findAnyId([...toSubgraphs], /-->|---|==|-\.|~~~|--/),
      ...importMessage('mermaidSubgraphLinks', { ids: [...toSubgraphs].join(', ') }),
    })
  }
  if (invisible > 0) {
    warnings.push({
      line: source.find(/~~~/),
      ...importMessage('mermaidInvisible', { count: invisible }),
    })
  }
  if (undirected > 0) {
    warnings.push({
      line: source.find(/---|-\.-(?!>)|===/),
      ...importMessage('mermaidUndirected', { count: undirected }),
    })
  }
  if (twoWay > 0) {
    warnings.push({
      line: source.find(/<-|<=|[ox]--|[ox]==|[ox]-\./),
      ...importMessage('mermaidTwoWay', { count: twoWay }),
    })
  }
  if (markers > 0) {
    warnings.push({
      line: source.find(/--[ox]|==[ox]|\.-[ox]/),
      ...importMessage('mermaidMarkers', { count: markers }),
    })
  }
  if (styled > 0) {
    warnings.push({ line: source.find(/==|-\./), ...importMessage('mermaidStyled', { count: styled }) })
  }
  return edges
}

function kindOf(
  vertex: MermaidVertex,
  incoming: number,
  outgoing: number,
  unknownShapes: Map<string, string>,
): NodeKind {
  // An export's own class names the kind exactly (shapes.ts).
  for (const name of vertex.classes ?? []) {
    const kind = name.startsWith(KIND_CLASS_PREFIX) ? name.slice(KIND_CLASS_PREFIX.length) : undefined
    if (kind !== undefined && (NODE_KINDS as readonly string[]).includes(kind)) return kind as NodeKind
  }
  const meaning = shapeMeaning(vertex.type)
  switch (meaning) {
    case undefined:
      if (!unknownShapes.has(vertex.type ?? '')) unknownShapes.set(vertex.type ?? '', vertex.id)
      return 'task'
    case 'terminal':
      return incoming === 0 ? 'start' : outgoing === 0 ? 'end' : 'task'
    case 'circle':
      if (incoming === 0) return 'start'
      if (outgoing === 0) return 'end'
      return incoming > 1 || outgoing > 1 ? 'parallel' : 'task'
    default:
      return meaning
  }
}

/** Decodes labels and remembers what formatting was dropped, for one warning each. */
class LabelNotes {
  private html = 0
  private markdown = 0

  decode(raw: string, labelType: string | undefined): string {
    const decoded = decodeMermaidText(raw, labelType)
    if (decoded.droppedHtml) this.html++
    if (decoded.droppedMarkdown) this.markdown++
    return decoded.text
  }

  warnings(source: SourceLines): TextProblem[] {
    const out: TextProblem[] = []
    if (this.html > 0) {
      out.push({
        line: source.find(/<(?!br\b)[A-Za-z/]/i),
        ...importMessage('mermaidHtml', { count: this.html }),
      })
    }
    if (this.markdown > 0) {
      out.push({
        line: source.find(/"`/),
        ...importMessage('mermaidMarkdown', { count: this.markdown }),
      })
    }
    return out
  }
}

/** The diagram's lines with their line numbers in the file, to point warnings at. */
class SourceLines {
  readonly lines: readonly string[]
  constructor(private readonly diagram: PreparedDiagram) {
    this.lines = diagram.text.split('\n')
  }

  /** File line of the diagram's line at `index` (0-based). */
  lineOf(index: number): number {
    return this.diagram.firstLine + index
  }

  /** File line of the first (or else the `nth`) line matching. */
  find(pattern: RegExp | ((line: string) => boolean), nth = 1): number | undefined {
    const matches = typeof pattern === 'function' ? pattern : (line: string) => pattern.test(line)
    let seen = 0
    for (const [index, line] of this.lines.entries()) {
      if (matches(line) && ++seen === nth) return this.lineOf(index)
    }
    return nth > 1 ? this.find(pattern) : undefined
  }

  /** File line where the node gets its shape and label, else of the first line where its id stands as a word. */
  findId(id: string): number | undefined {
    const word = `(^|[^\\w-])${escapeRegExp(id)}`
    return this.find(new RegExp(`${word}\\s*(\\[|\\(|\\{|>|@\\{)`)) ?? this.find(new RegExp(`${word}(?![\\w-])`))
  }

  /** File line of the first line that mentions one of the ids and matches `also`. */
  findAnyId(ids: readonly string[], also: RegExp): number | undefined {
    const any = new RegExp(`(^|[^\\w-])(${ids.map(escapeRegExp).join('|')})(?![\\w-])`)
    return this.find((line) => any.test(line) && also.test(line))
  }
}

/** Warnings for statements Flowlane reads past: links, styles, classes. */
function statementWarnings(source: SourceLines): TextProblem[] {
  const out: TextProblem[] = []
  const counts = new Map<string, { line: number; count: number }>()
  const count = (what: string, index: number): void => {
    const seen = counts.get(what)
    if (seen) seen.count++
    else counts.set(what, { line: source.lineOf(index), count: 1 })
  }
  const ownClass = (name: string | undefined): boolean =>
    name !== undefined &&
    name.startsWith(KIND_CLASS_PREFIX) &&
    (NODE_KINDS as readonly string[]).includes(name.slice(KIND_CLASS_PREFIX.length))
  for (const [index, text] of source.lines.entries()) {
    const line = text.replace(/"[^"]*"/g, '""') // what labels say is no statement
    if (/^\s*click\s/.test(line)) {
      out.push({
        line: source.lineOf(index),
        ...importMessage('mermaidClick'),
      })
    } else if (/^\s*style\s/.test(line)) count('style', index)
    else if (/^\s*linkStyle\s/.test(line)) count('linkStyle', index)
    else if (/^\s*classDef\s/.test(line)) {
      if (!ownClass(/^\s*classDef\s+(\S+)/.exec(line)?.[1])) count('classDef', index)
    } else if (/^\s*class\s/.test(line)) {
      if (!ownClass(/^\s*class\s+\S+\s+([^\s;]+)/.exec(line)?.[1])) count('class', index)
    }
    for (const shorthand of line.matchAll(/:::([\w-]+)/g))
      if (!ownClass(shorthand[1])) count('class shorthand (:::)', index)
  }
  for (const [what, { line, count: n }] of counts) {
    out.push({
      line,
      ...importMessage(what === 'linkStyle' ? 'mermaidIgnoredLinkStyle' : 'mermaidIgnoredStyle', {
        count: n,
        statement: what,
      }),
    })
  }
  return out
}

function tooLong(message: ImportMessage, line: number | undefined): TextProblem {
  return { ...(line === undefined ? {} : { line, column: 1 }), ...message }
}

function lengths(length: number): { length: string; max: string } {
  return { length: length.toLocaleString('en'), max: LIMITS.maxLabelLength.toLocaleString('en') }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

/** `docs/Sales flow.mmd` → `Sales flow`. */
