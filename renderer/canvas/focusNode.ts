import type { ReactFlowInstance } from '@xyflow/react'
import { nodeBox } from '../../shared/geometry/index.js'
import type { EditorStore } from '../app/store.js'

/** Selects a step and brings it to the middle of the view, close enough to read. */
export function focusNode(
  store: EditorStore,
  flow: Pick<ReactFlowInstance, 'setCenter' | 'getZoom'>,
  id: string,
): void {
  const node = store.getState().doc.nodes.find((n) => n.id === id)
  if (!node) return
  store.getState().select({ nodes: [id], edges: [] })
  const box = nodeBox(node)
  void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, {
    zoom: Math.max(flow.getZoom(), 1),
    duration: 250,
  })
}
