/**
 * The contract between Flowlane's Mermaid import and the Mermaid parser an edge supplies.
 * Mermaid's parser needs a DOM, which `shared/` must not touch (architecture.md), so the
 * renderer passes the browser's Mermaid and the CLI passes Mermaid under jsdom. Both return
 * what Mermaid's flowchart database holds, as plain data.
 */
import type { FlowDocument } from '../../document/index.js'
import type { ImportMessageKey, ImportValues } from '../importMessages/index.js'

/** A node as Mermaid's flowchart db (`getVertices()`) holds it. */
export interface MermaidVertex {
  readonly id: string
  /** The label as Mermaid keeps it: entity codes still encoded, `<br>` for line breaks. */
  readonly text?: string | undefined
  /** `text`, `string` (quoted) or `markdown` (a "`…`" string). */
  readonly labelType?: string | undefined
  /** Shape: `square`, `round`, `diamond`, … or the name given in `@{ shape: … }`; absent for a bare id. */
  readonly type?: string | undefined
  readonly classes?: readonly string[] | undefined
  /** Set for `@{ icon: … }` and `@{ img: … }` nodes. */
  readonly icon?: string | undefined
  readonly img?: string | undefined
}

/** A link as Mermaid's flowchart db (`getEdges()`) holds it. */
export interface MermaidEdge {
  readonly start: string
  readonly end: string
  readonly text?: string | undefined
  readonly labelType?: string | undefined
  /** `arrow_point`, `arrow_open`, `arrow_circle`, `double_arrow_point`, … */
  readonly type?: string | undefined
  /** `normal`, `thick`, `dotted` or `invisible`. */
  readonly stroke?: string | undefined
}

/** A subgraph as Mermaid's flowchart db (`getSubGraphs()`) holds it. */
export interface MermaidSubgraph {
  readonly id: string
  readonly title?: string | undefined
  readonly labelType?: string | undefined
  /** Ids of the nodes and subgraphs directly inside it. */
  readonly nodes: readonly string[]
  readonly dir?: string | undefined
}

/** What a parse returns: Mermaid's flowchart database, copied out as plain data. */
export interface MermaidFlowchart {
  /** Mermaid's diagram type: `flowchart-v2`, `flowchart`, `flowchart-elk`, … */
  readonly diagramType: string
  /** `TB`, `TD`, `BT`, `LR` or `RL`. */
  readonly direction?: string | undefined
  readonly vertices: readonly MermaidVertex[]
  readonly edges: readonly MermaidEdge[]
  readonly subgraphs: readonly MermaidSubgraph[]
  readonly accTitle?: string | undefined
  readonly accDescription?: string | undefined
}

/**
 * Parses one Mermaid diagram. Receives text that `fromMermaid` has already cleaned (no
 * fences, front-matter, directives or comment lines; starting at the `flowchart`/`graph`
 * line). Throws Mermaid's own error for bad syntax; `fromMermaid` reads line and column
 * from it (see mermaidError.ts).
 */
export type MermaidParse = (text: string) => Promise<MermaidFlowchart>

/** Past these an import is refused as too complex (quality.md S9, L5). */
export const MERMAID_LIMITS = {
  /** UTF-8 bytes of one diagram. */
  maxBytes: 500 * 1024,
  /** Links; Mermaid itself refuses more through its `maxEdges` setting. */
  maxEdges: 5_000,
  /** Subgraphs inside subgraphs: Mermaid's parser slows down steeply past a few hundred. */
  maxSubgraphDepth: 100,
} as const

/** Something an import could not keep, or why it failed; `file:line:column: message`. */
export interface ImportProblem {
  readonly file: string
  /** 1-based, in the file as the user has it. */
  readonly line?: number | undefined
  readonly column?: number | undefined
  readonly message: string
  /** The message as a catalog key and values (shared/formats/importMessages), for the app's languages. */
  readonly messageKey?: ImportMessageKey | undefined
  readonly values?: ImportValues | undefined
  readonly names?: readonly string[] | undefined
}

export interface MermaidImport {
  /** Positions are all 0: the caller lays the document out (`layoutDocument`). */
  readonly document: FlowDocument
  readonly warnings: readonly ImportProblem[]
  /** The chart's direction, for the layout: `TB`/`TD`/`BT` → `TB`, `LR`/`RL` → `LR`. */
  readonly direction: 'LR' | 'TB'
}

/** `file:line:column: message`, the place left out where it is not known. */
export function formatImportProblem(problem: ImportProblem): string {
  const line = problem.line === undefined ? '' : `:${problem.line}`
  const column = problem.line === undefined || problem.column === undefined ? '' : `:${problem.column}`
  return `${problem.file}${line}${column}: ${problem.message}`
}
