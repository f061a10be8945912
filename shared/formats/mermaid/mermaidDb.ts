/**
 * Mermaid's flowchart database (mermaid 11: `FlowDB`) copied out as plain data. Both edges
 * call this after parsing — the renderer with the browser's Mermaid, the CLI with Mermaid
 * under jsdom — so they hand `fromMermaid` the same thing.
 */
import type { MermaidFlowchart } from './types.js'

/** The part of Mermaid's flowchart db that Flowlane reads. */
export interface MermaidFlowDb {
  getDirection(): string | undefined
  getVertices(): ReadonlyMap<
    string,
    {
      readonly id: string
      readonly text?: string
      readonly labelType?: string
      readonly type?: string
      readonly classes?: readonly string[]
      readonly icon?: string
      readonly img?: string
    }
  >
  getEdges(): readonly {
    readonly start: string
    readonly end: string
    readonly text?: string
    readonly labelType?: string
    readonly type?: string
    readonly stroke?: string
  }[]
  getSubGraphs(): readonly {
    readonly id: string
    readonly title?: string
    readonly labelType?: string
    readonly nodes: readonly string[]
    readonly dir?: string
  }[]
  getAccTitle?(): string
  getAccDescription?(): string
}

/** `diagramType` as Mermaid names it (`flowchart-v2`); another type gives an empty chart that `fromMermaid` refuses by name. */
export function flowchartFromMermaidDb(diagramType: string, db: MermaidFlowDb): MermaidFlowchart {
  if (!diagramType.startsWith('flowchart')) return { diagramType, vertices: [], edges: [], subgraphs: [] }
  return {
    diagramType,
    direction: db.getDirection(),
    vertices: [...db.getVertices().values()].map((v) => ({
      id: v.id,
      text: v.text,
      labelType: v.labelType,
      type: v.type,
      classes: [...(v.classes ?? [])],
      icon: v.icon,
      img: v.img,
    })),
    edges: db.getEdges().map((e) => ({
      start: e.start,
      end: e.end,
      text: e.text,
      labelType: e.labelType,
      type: e.type,
      stroke: e.stroke,
    })),
    subgraphs: db.getSubGraphs().map((s) => ({
      id: s.id,
      title: s.title,
      labelType: s.labelType,
      nodes: [...s.nodes],
      dir: s.dir,
    })),
    accTitle: db.getAccTitle?.(),
    accDescription: db.getAccDescription?.(),
  }
}
