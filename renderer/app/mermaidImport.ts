/**
 * Mermaid import in the window: Mermaid's own parser, loaded on first use (it is large),
 * with the same shared converter the CLI uses; the result is laid out with elkjs.
 */
import type { FlowDocument } from '../../shared/document/index.js'
import {
  flowchartFromMermaidDb,
  fromMermaid,
  MERMAID_LIMITS,
  type MermaidFlowDb,
  type MermaidParse,
} from '../../shared/formats/mermaid/index.js'
import { layoutDocument } from '../../shared/layout/layoutDocument.js'
import { describeProblem } from './fileActions.js'

interface MermaidApi {
  initialize(config: Record<string, unknown>): void
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: unknown }> }
}

let mermaid: Promise<MermaidApi> | undefined

const parse: MermaidParse = async (text) => {
  mermaid ??= import('mermaid').then(({ default: api }) => {
    const m = api as unknown as MermaidApi
    m.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      maxEdges: MERMAID_LIMITS.maxEdges,
      maxTextSize: MERMAID_LIMITS.maxBytes,
      logLevel: 'fatal',
    })
    return m
  })
  const diagram = await (await mermaid).mermaidAPI.getDiagramFromText(text)
  return flowchartFromMermaidDb(diagram.type, diagram.db as MermaidFlowDb)
}

export async function importMermaidText(
  text: string,
  fileName: string,
): Promise<{ doc: FlowDocument; warnings: string[]; readOnly: boolean } | { errors: string[] }> {
  const result = await fromMermaid(text, fileName, parse)
  if (!result.ok) return { errors: result.errors.map(describeProblem) }
  const doc = await layoutDocument(result.value.document, { direction: result.value.direction })
  return { doc, warnings: result.value.warnings.map(describeProblem), readOnly: false }
}
