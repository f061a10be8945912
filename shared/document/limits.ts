/** Hard limits from quality.md ("Limits"): past these a file is refused, never half-loaded. */
export const LIMITS = {
  /** Files over this many bytes are refused before they are read. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Deeper JSON is refused before JSON.parse or structuredClone can blow the stack. */
  maxJsonDepth: 64,
  maxLabelLength: 5_000,
  maxNodes: 20_000,
  maxEdges: 40_000,
} as const

/** The file format version this build writes. */
export const CURRENT_VERSION = 1
