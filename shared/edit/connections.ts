/** Which steps can be connected to which: one answer for the inspector's "Connect to…" and the keyboard picker. */
import type { FlowDocument, FlowNode } from '../document/schema.js'

/** Whether a step can have a way out: an end finishes the flow and a note is no step of it. */
export function canConnectFrom(node: Pick<FlowNode, 'kind'>): boolean {
  return node.kind !== 'end' && node.kind !== 'note'
}

/** The steps a step can be connected to: any other step but notes and those it already leads to. */
export function connectionTargets(doc: FlowDocument, sourceId: string): FlowNode[] {
  const taken = new Set(doc.edges.filter((e) => e.source === sourceId).map((e) => e.target))
  return doc.nodes.filter((n) => n.id !== sourceId && n.kind !== 'note' && !taken.has(n.id))
}
