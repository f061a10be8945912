/**
 * A Flowlane document as a Mermaid flowchart: lanes as subgraphs, shapes by kind, edge
 * labels with their probability, a `classDef` per kind. Labels are always quoted and written
 * with entity codes (mermaidText.ts), so whatever a label holds, the output has no `click`
 * line and no `%%{…}%%` directive (quality.md S14). Same document, same text.
 */
import { NODE_KINDS, type FlowDocument, type FlowEdge, type FlowNode } from '../../document/index.js'
import { formatDuration } from '../../geometry/formatDuration.js'
import { encodeMermaidText, type EncodeOptions } from './mermaidText.js'
import { formatPercent, splitProbability } from './probability.js'
import { EXPORT_SHAPES, KIND_CLASS_PREFIX, KIND_STYLES } from './shapes.js'

export interface ToMermaidOptions {
  /** `LR` (default: the templates are laid out left to right) or `TB`, top to bottom. */
  readonly direction?: 'LR' | 'TB'
  /**
   * Adds a second label line with the owner's role and the time limit ("Sales rep · 4 h").
   * Off by default: an import reads that line back as part of the label.
   */
  readonly details?: boolean
}

const INDENT = '    '

type Encode = (text: string, options?: EncodeOptions) => string

export function toMermaid(doc: FlowDocument, options: ToMermaidOptions = {}): string {
  const ids = mermaidIds(doc)
  const lines = [`flowchart ${options.direction ?? 'LR'}`]
  const laneIds = new Set(doc.lanes.map((l) => l.id))
  const nodeLine = (node: FlowNode, indent: string): string => {
    const [open, close] = EXPORT_SHAPES[node.kind]
    const id = ids.node(node.id)
    return quotedLine(indent, (encode) => `${id}${open}"${encode(nodeText(doc, node, options))}"${close}`)
  }

  for (const lane of doc.lanes) {
    const id = ids.lane(lane.id)
    lines.push(quotedLine('  ', (encode) => `subgraph ${id} ["${encode(lane.name)}"]`))
    for (const node of doc.nodes) if (node.laneId === lane.id) lines.push(nodeLine(node, INDENT))
    lines.push('  end')
  }
  for (const node of doc.nodes) {
    if (node.laneId === undefined || !laneIds.has(node.laneId)) lines.push(nodeLine(node, '  '))
  }
  for (const edge of doc.edges) {
    const from = ids.node(edge.source)
    const to = ids.node(edge.target)
    lines.push(
      (edge.label ?? '') === '' && edge.probability === undefined
        ? `  ${from} --> ${to}`
        : quotedLine('  ', (encode) => `${from} -->|"${edgeText(edge, encode)}"| ${to}`),
    )
  }

  const kinds = NODE_KINDS.filter((kind) => doc.nodes.some((n) => n.kind === kind))
  for (const kind of kinds) lines.push(`  classDef ${KIND_CLASS_PREFIX}${kind} ${KIND_STYLES[kind]}`)
  for (const kind of kinds) {
    const members = doc.nodes.filter((n) => n.kind === kind).map((n) => ids.node(n.id))
    lines.push(`  class ${members.join(',')} ${KIND_CLASS_PREFIX}${kind}`)
  }

  const text = `${lines.join('\n')}\n`
  assertNoActiveLines(text)
  return text
}

/**
 * Builds a line around quoted text. Mermaid strips the last `;` of a line that matches
 * `style.*:\S*#.*;` (or `classDef…`) before parsing, which would break a code; such a line
 * is rebuilt with its colons written as codes too.
 */
function quotedLine(indent: string, build: (encode: Encode) => string): string {
  const line = build((text, options) => encodeMermaidText(text, options))
  if (!/(style|classDef).*:\S*#.*;/.test(line)) return indent + line
  return indent + build((text, options) => encodeMermaidText(text, { ...options, colons: true }))
}

function nodeText(doc: FlowDocument, node: FlowNode, options: ToMermaidOptions): string {
  if (options.details !== true) return node.label
  const owner = node.owner === undefined ? undefined : (doc.roles.find((r) => r.id === node.owner)?.name ?? node.owner)
  const limit = node.timeLimit === undefined ? undefined : formatDuration(node.timeLimit, doc.locale)
  const details = [owner, limit].filter((part): part is string => part !== undefined && part !== '')
  return details.length === 0 ? node.label : `${node.label}\n${details.join(' · ')}`
}

/**
 * `qualified · 70%`; the import reads the percentage back into `probability`. A label that
 * would itself read as one ("Top 10%") has its `%` and `.` written as codes, which the
 * import does not take for a probability.
 */
function edgeText(edge: FlowEdge, encode: Encode): string {
  const label = edge.label ?? ''
  const words = splitProbability(label) === undefined ? encode(label) : encode(label, { also: '%％.' })
  if (edge.probability === undefined) return words
  const percent = `${formatPercent(edge.probability)}%`
  return label === '' ? percent : `${words} · ${percent}`
}

/**
 * Ids Mermaid reads safely: the Flowlane id itself when it is letters, digits, `_` and
 * single inner `-` and does not start with a keyword (`end`, `style-x` break the parser),
 * else `n<position>`; lanes likewise, else `lane<position>`. Node and subgraph ids share
 * one namespace in Mermaid, so they never collide.
 */
function mermaidIds(doc: FlowDocument): { node: (id: string) => string; lane: (id: string) => string } {
  const used = new Set<string>()
  const nodes = new Map<string, string>()
  const lanes = new Map<string, string>()
  const keep = (ids: readonly string[], into: Map<string, string>): void => {
    for (const id of ids) {
      if (isSafeMermaidId(id) && !used.has(id)) {
        used.add(id)
        into.set(id, id)
      }
    }
  }
  const generate = (ids: readonly string[], into: Map<string, string>, prefix: string): void => {
    ids.forEach((id, index) => {
      if (into.has(id)) return
      let candidate = `${prefix}${index + 1}`
      for (let n = 2; used.has(candidate); n++) candidate = `${prefix}${index + 1}_${n}`
      used.add(candidate)
      into.set(id, candidate)
    })
  }
  const nodeIds = doc.nodes.map((n) => n.id)
  const laneIds = doc.lanes.map((l) => l.id)
  keep(nodeIds, nodes)
  keep(laneIds, lanes)
  generate(nodeIds, nodes, 'n')
  generate(laneIds, lanes, 'lane')
  return {
    node: (id) => nodes.get(id) ?? id,
    lane: (id) => lanes.get(id) ?? id,
  }
}

const SAFE_ID = /^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/
/** Words Mermaid's lexer reads as keywords at the start of an id. */
const KEYWORDS = new Set([
  'end',
  'graph',
  'flowchart',
  'subgraph',
  'style',
  'class',
  'classDef',
  'click',
  'linkStyle',
  'call',
  'href',
  'interpolate',
  'direction',
  'default',
  'accTitle',
  'accDescr',
])

export function isSafeMermaidId(id: string): boolean {
  return SAFE_ID.test(id) && !KEYWORDS.has(id.split('-')[0] ?? id)
}

/** The guarantee of S14, checked on every export rather than trusted. */
function assertNoActiveLines(text: string): void {
  if (/^\s*click\b/m.test(text) || text.includes('%%')) {
    throw new Error('toMermaid produced a click line or a %% sequence; this is a bug in Flowlane')
  }
}
