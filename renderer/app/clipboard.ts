/**
 * Copy and paste of steps. The system clipboard carries them as Flowlane JSON, so a copy
 * pastes into another document or window; Mermaid text pasted onto the canvas becomes steps.
 */
import type { FlowEdge, FlowNode } from '../../shared/document/index.js'
import { deleteElements, pasteElements } from '../../shared/edit/operations.js'
import type { EditorStore } from './store.js'

const MARKER = 'flowlane-clipboard'
let pasteCount = 0

interface ClipboardContent {
  readonly [MARKER]: 1
  readonly nodes: FlowNode[]
  readonly edges: FlowEdge[]
}

function selectionContent(store: EditorStore): ClipboardContent | null {
  const { doc, selection } = store.getState()
  const ids = new Set(selection.nodes)
  if (ids.size === 0) return null
  const nodes = doc.nodes.filter((n) => ids.has(n.id))
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target))
  return { [MARKER]: 1, nodes, edges }
}

export function copySelection(store: EditorStore, event?: ClipboardEvent): boolean {
  const content = selectionContent(store)
  if (!content) return false
  const text = JSON.stringify(content)
  if (event?.clipboardData) {
    event.clipboardData.setData('text/plain', text)
    event.preventDefault()
  } else void navigator.clipboard?.writeText(text).catch(() => undefined)
  pasteCount = 0
  return true
}

export function cutSelection(store: EditorStore, event?: ClipboardEvent): void {
  if (!copySelection(store, event)) return
  const { selection } = store.getState()
  store.getState().apply('Cut', (d) => deleteElements(d, selection.nodes, selection.edges))
}

/** Parses clipboard text as copied steps; anything else is not ours. */
export function parseClipboard(text: string): ClipboardContent | null {
  try {
    const value = JSON.parse(text) as Partial<ClipboardContent>
    if (value[MARKER] === 1 && Array.isArray(value.nodes) && Array.isArray(value.edges))
      return value as ClipboardContent
  } catch {
    // not JSON: not ours
  }
  return null
}

export function pasteContent(store: EditorStore, content: ClipboardContent): void {
  pasteCount += 1
  const offset = { x: 30 * pasteCount, y: 30 * pasteCount }
  const ids = store.getState().apply('Paste', (d) => pasteElements(d, content.nodes, content.edges, offset))
  if (ids) store.getState().select({ nodes: ids, edges: [] })
}

export function duplicateSelection(store: EditorStore): void {
  const content = selectionContent(store)
  if (!content) return
  const ids = store
    .getState()
    .apply('Duplicate', (d) => pasteElements(d, content.nodes, content.edges, { x: 30, y: 30 }))
  if (ids) store.getState().select({ nodes: ids, edges: [] })
}
