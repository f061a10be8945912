import type { FlowDocument, FlowEdge, FlowNode } from '../document/schema.js'
import type { FlowGraph } from '../graph/flowGraph.js'

/** How messages name a step: its label, or its id when it has none. */
export function nameOf(node: FlowNode): string {
  const label = node.label.trim()
  return label === '' ? node.id : label
}

/** How messages name a branch: its label, else the step it leads to. */
export function branchName(graph: FlowGraph, edge: FlowEdge): string {
  const label = edge.label?.trim()
  if (label) return label
  const target = graph.nodeById.get(edge.target)
  return target ? nameOf(target) : edge.id
}

export function roleName(doc: FlowDocument, roleId: string): string {
  return doc.roles.find((r) => r.id === roleId)?.name || roleId
}

/** Steps that hold people and take work time. */
export function isWorkStep(node: FlowNode): boolean {
  return node.kind === 'task' || node.kind === 'approval' || node.kind === 'subprocess'
}

/** Rounds for messages: at most 2 decimals, no trailing zeros. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100
}
