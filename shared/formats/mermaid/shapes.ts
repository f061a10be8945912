/**
 * Node kinds ↔ Mermaid shapes. Export uses the classic bracket syntax, which every Mermaid
 * in wikis and IDEs reads; import also knows the `@{ shape: … }` names of Mermaid 11.
 */
import type { NodeKind } from '../../document/index.js'

/** Brackets around the quoted label, by kind. */
export const EXPORT_SHAPES: Readonly<Record<NodeKind, readonly [open: string, close: string]>> = {
  start: ['([', '])'], // stadium
  end: ['([', '])'],
  task: ['[', ']'], // rectangle
  decision: ['{', '}'], // diamond
  approval: ['{{', '}}'], // hexagon
  subprocess: ['[[', ']]'], // subroutine
  wait: ['>', ']'], // asymmetric, like a pennant held up while waiting
  parallel: ['((', '))'], // circle, as BPMN draws gateways small
  note: ['[/', '/]'], // parallelogram
}

/**
 * Every exported node carries the class `fl_<kind>`; on import the class names the kind
 * exactly, so kinds that share a shape (start and end) or that no Mermaid shape means
 * (note) survive a round trip.
 */
export const KIND_CLASS_PREFIX = 'fl_'

/** Fill and stroke per kind for `classDef`: the canvas palette, readable on white and dark. */
export const KIND_STYLES: Readonly<Record<NodeKind, string>> = {
  start: 'fill:#e8f5e9,stroke:#2e7d32,color:#1b1b1b',
  end: 'fill:#fce4ec,stroke:#ad1457,color:#1b1b1b',
  task: 'fill:#e3f2fd,stroke:#1565c0,color:#1b1b1b',
  decision: 'fill:#fff8e1,stroke:#f9a825,color:#1b1b1b',
  approval: 'fill:#fff3e0,stroke:#ef6c00,color:#1b1b1b',
  subprocess: 'fill:#e0f2f1,stroke:#00796b,color:#1b1b1b',
  wait: 'fill:#eceff1,stroke:#546e7a,color:#1b1b1b',
  parallel: 'fill:#ede7f6,stroke:#5e35b1,color:#1b1b1b',
  note: 'fill:#fffde7,stroke:#9e9d24,color:#1b1b1b',
}

/**
 * What a Mermaid shape says about the step. `terminal` and `circle` depend on the links:
 * no incoming link → start, no outgoing → end; a circle where flows split or join → parallel.
 */
export type ShapeMeaning = NodeKind | 'terminal' | 'circle'

const MEANINGS: ReadonlyArray<readonly [ShapeMeaning, readonly string[]]> = [
  ['terminal', ['stadium', 'terminal', 'pill']],
  ['circle', ['circle', 'circ']],
  ['start', ['sm-circ', 'start', 'small-circle', 'stateStart']],
  ['end', ['doublecircle', 'dbl-circ', 'double-circle', 'fr-circ', 'stop', 'framed-circle', 'stateEnd']],
  ['decision', ['diamond', 'diam', 'decision', 'question']],
  ['approval', ['hexagon', 'hex', 'prepare']],
  ['subprocess', ['subroutine', 'fr-rect', 'subprocess', 'subproc', 'framed-rectangle']],
  ['wait', ['odd', 'delay', 'half-rounded-rectangle']],
  ['parallel', ['fork', 'join', 'forkJoin', 'f-circ', 'junction', 'filled-circle']],
  ['note', ['text', 'brace', 'brace-l', 'brace-r', 'braces', 'comment']],
  // Plain steps: Mermaid's process and event boxes, and a bare id.
  [
    'task',
    ['square', 'rect', 'proc', 'process', 'rectangle', 'squareRect', 'round', 'rounded', 'event', 'roundedRect'],
  ],
]

const BY_SHAPE = new Map<string, ShapeMeaning>(MEANINGS.flatMap(([meaning, names]) => names.map((n) => [n, meaning])))

/** The meaning of a Mermaid shape; `undefined` for shapes Flowlane has no kind for (database, document, …). */
export function shapeMeaning(shape: string | undefined): ShapeMeaning | undefined {
  if (shape === undefined || shape === '') return 'task'
  return BY_SHAPE.get(shape)
}
