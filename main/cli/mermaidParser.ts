/**
 * Mermaid's own flowchart parser for the CLI (architecture.md: the edges supply the parser
 * `shared/` takes). Mermaid needs a DOM even to parse — DOMPurify cleans every label — so it
 * runs under jsdom. Both load on the first parse only (~1 s), through dynamic imports, so
 * the other commands never pay for them.
 */
import { utf8ByteLength } from '../../shared/document/index.js'
import {
  configureMermaid,
  MERMAID_LIMITS,
  parseWithMermaid,
  type MermaidApi,
  type MermaidFlowchart,
  type MermaidParse,
} from '../../shared/formats/mermaid/index.js'

let loaded: Promise<MermaidApi> | undefined
/** Mermaid keeps one db per diagram type: parses run one after another. */
let queue: Promise<unknown> = Promise.resolve()

async function loadMermaid(): Promise<MermaidApi> {
  const { JSDOM } = await import('jsdom')
  const { window } = new JSDOM('<!doctype html><html><body></body></html>')
  // Mermaid and DOMPurify look for the DOM in these globals when they load. A process that
  // already has a DOM (a jsdom test environment) keeps its own.
  const scope = globalThis as unknown as Record<string, unknown>
  scope.window ??= window
  scope.document ??= window.document
  const { default: mermaid } = (await import('mermaid')) as unknown as { default: MermaidApi }
  return configureMermaid(mermaid)
}

/** Parses one flowchart with Mermaid under jsdom; throws Mermaid's own errors. */
export const parseMermaid: MermaidParse = (text) => {
  const run = queue.then(() => parseNow(text))
  queue = run.catch(() => undefined)
  return run
}

async function parseNow(text: string): Promise<MermaidFlowchart> {
  if (utf8ByteLength(text) > MERMAID_LIMITS.maxBytes) {
    throw new Error(`too complex: the diagram is larger than ${MERMAID_LIMITS.maxBytes / 1024} kB`)
  }
  loaded ??= loadMermaid()
  return parseWithMermaid(await loaded, text)
}
