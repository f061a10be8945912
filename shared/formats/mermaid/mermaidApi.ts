/**
 * The part of Mermaid's API an importer uses, and how it is set up. The edges load Mermaid
 * (the CLI under jsdom, the window in the browser); both configure and call it through here,
 * so the security settings and limits are the same everywhere.
 */
import { flowchartFromMermaidDb, type MermaidFlowDb } from './mermaidDb.js'
import { MERMAID_LIMITS, type MermaidFlowchart } from './types.js'

export interface MermaidApi {
  initialize(config: Record<string, unknown>): void
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: unknown }> }
}

/** Settings a diagram cannot change (Mermaid's `secure` keys); Flowlane also strips its directives. */
export const MERMAID_PARSER_SETTINGS = {
  startOnLoad: false,
  securityLevel: 'strict',
  maxEdges: MERMAID_LIMITS.maxEdges,
  maxTextSize: MERMAID_LIMITS.maxBytes,
  logLevel: 'fatal',
} as const

export function configureMermaid(api: MermaidApi): MermaidApi {
  api.initialize({ ...MERMAID_PARSER_SETTINGS })
  return api
}

/** Parses one flowchart with Mermaid's own parser; throws Mermaid's errors. */
export async function parseWithMermaid(api: MermaidApi, text: string): Promise<MermaidFlowchart> {
  const diagram = await api.mermaidAPI.getDiagramFromText(text)
  // Read at once: the next parse of the same type clears this db.
  return flowchartFromMermaidDb(diagram.type, diagram.db as MermaidFlowDb)
}
