export { toMermaid, isSafeMermaidId, type ToMermaidOptions } from './toMermaid.js'
export { fromMermaid, type FromMermaidOptions } from './fromMermaid.js'
export { formatPercent, splitProbability } from './probability.js'
export {
  prepareMermaidText,
  normaliseFullWidthBrackets,
  type PreparedDiagram,
  type TextProblem,
} from './prepareMermaidText.js'
export { encodeMermaidText, decodeMermaidText } from './mermaidText.js'
export { describeMermaidError } from './mermaidError.js'
export { flowchartFromMermaidDb, type MermaidFlowDb } from './mermaidDb.js'
export {
  MERMAID_LIMITS,
  formatImportProblem,
  type ImportProblem,
  type MermaidEdge,
  type MermaidFlowchart,
  type MermaidImport,
  type MermaidParse,
  type MermaidSubgraph,
  type MermaidVertex,
} from './types.js'
export { configureMermaid, parseWithMermaid, MERMAID_PARSER_SETTINGS, type MermaidApi } from './mermaidApi.js'
