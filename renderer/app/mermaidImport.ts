/**
 * Mermaid import in the window: Mermaid's own parser, loaded on first use (it is large),
 * with the same shared converter the CLI uses; the result is laid out with elkjs.
 */
import type { FlowDocument } from '../../shared/document/index.js'
import {
  configureMermaid,
  fromMermaid,
  parseWithMermaid,
  type MermaidApi,
  type MermaidParse,
} from '../../shared/formats/mermaid/index.js'
import { layoutDocument } from '../../shared/layout/layoutDocument.js'
import { describeProblem } from './fileActions.js'

let mermaid: Promise<MermaidApi> | undefined

const parse: MermaidParse = async (text) => {
  mermaid ??= import('mermaid').then(({ default: api }) => configureMermaid(api as unknown as MermaidApi))
  return parseWithMermaid(await mermaid, text)
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
