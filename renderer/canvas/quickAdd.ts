/**
 * Adding a step without a pointer (Alt+digit, a click or Enter on the palette): as in draw.io,
 * with one step selected the new one goes after it — to its right, or below in a flow drawn top
 * to bottom — connected from it; otherwise at the free spot nearest the middle of the view.
 * It never lands on another step, and it comes selected, so Enter edits its label.
 */
import type { ReactFlowInstance } from '@xyflow/react'
import type { NodeKind, Point } from '../../shared/document/index.js'
import { canConnectFrom } from '../../shared/edit/connections.js'
import { addNode, connect } from '../../shared/edit/operations.js'
import {
  DEFAULT_SIZES,
  flowDirectionAt,
  freeSpotNear,
  nodeBox,
  placeAfter,
  type Box,
} from '../../shared/geometry/index.js'
import type { EditorStore } from '../app/store.js'

type Flow = Pick<ReactFlowInstance, 'getViewport' | 'setCenter'>

/** The part of the canvas on screen, in canvas coordinates. */
function visibleArea(flow: Flow): Box {
  const rect = document.querySelector('.canvas .react-flow')?.getBoundingClientRect()
  const { x, y, zoom } = flow.getViewport()
  return { x: -x / zoom, y: -y / zoom, width: (rect?.width ?? 800) / zoom, height: (rect?.height ?? 600) / zoom }
}

/** A start takes no way in, a note no edges at all: those are added beside, not connected. */
const takesIncoming = (kind: NodeKind) => kind !== 'start' && kind !== 'note'

/** Adds a step of a kind, labelled `label`, as described above, in one undo step. Returns its id. */
export function quickAddStep(store: EditorStore, flow: Flow, kind: NodeKind, label: string): string | undefined {
  const state = store.getState()
  const doc = state.doc
  const size = DEFAULT_SIZES[kind]
  const obstacles = doc.nodes.map(nodeBox)
  const anchor =
    state.selection.nodes.length === 1 ? doc.nodes.find((n) => n.id === state.selection.nodes[0]) : undefined
  const view = visibleArea(flow)
  const topLeft: Point =
    (anchor && placeAfter(nodeBox(anchor), size, flowDirectionAt(doc, anchor.id), obstacles)) ??
    freeSpotNear({ x: view.x + view.width / 2, y: view.y + view.height / 2 }, size, obstacles)
  const center = { x: topLeft.x + size.width / 2, y: topLeft.y + size.height / 2 }
  const from = anchor && canConnectFrom(anchor) && takesIncoming(kind) ? anchor.id : undefined
  const id = state.apply(from ? 'Add connected step' : 'Add step', (d) => {
    const added = addNode(d, { kind, label, center })
    if (from) connect(d, from, added)
    return added
  })
  if (!id) return undefined
  store.getState().select({ nodes: [id], edges: [] })
  // Keep the new step in view, without changing the zoom.
  const inView =
    topLeft.x >= view.x &&
    topLeft.y >= view.y &&
    topLeft.x + size.width <= view.x + view.width &&
    topLeft.y + size.height <= view.y + view.height
  if (!inView) void flow.setCenter(center.x, center.y, { zoom: flow.getViewport().zoom, duration: 200 })
  return id
}
