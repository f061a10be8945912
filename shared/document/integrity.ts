/**
 * Structural facts the schema cannot see: unique ids, edges between existing nodes,
 * a timeout leaving through its own step's edge. What references roles and lanes mean is
 * the validator's business, not loading's: a draft with a missing role still opens.
 */
import type { FlowDocument } from './schema.js'

export interface IntegrityIssue {
  readonly path: (string | number)[]
  readonly message: string
  readonly code: 'duplicate-id' | 'dangling-reference'
}

export function checkIntegrity(doc: FlowDocument): IntegrityIssue[] {
  const issues: IntegrityIssue[] = []
  for (const collection of ['roles', 'lanes', 'nodes', 'edges'] as const) {
    const firstIndex = new Map<string, number>()
    doc[collection].forEach((item, index) => {
      const first = firstIndex.get(item.id)
      if (first === undefined) firstIndex.set(item.id, index)
      else {
        issues.push({
          code: 'duplicate-id',
          path: [collection, index, 'id'],
          message: `duplicate id "${item.id}" (already used by ${collection}[${first}])`,
        })
      }
    })
  }

  const nodeIds = new Set(doc.nodes.map((n) => n.id))
  doc.edges.forEach((edge, index) => {
    for (const end of ['source', 'target'] as const) {
      if (!nodeIds.has(edge[end])) {
        issues.push({
          code: 'dangling-reference',
          path: ['edges', index, end],
          message: `edge "${edge.id}" points to "${edge[end]}", which is not a node`,
        })
      }
    }
  })

  const edgesById = new Map(doc.edges.map((e) => [e.id, e]))
  doc.nodes.forEach((node, index) => {
    if (!node.timeout) return
    const edge = edgesById.get(node.timeout.edgeId)
    if (!edge || edge.source !== node.id) {
      issues.push({
        code: 'dangling-reference',
        path: ['nodes', index, 'timeout', 'edgeId'],
        message: edge
          ? `timeout edge "${edge.id}" leaves "${edge.source}", not this step "${node.id}"`
          : `timeout edge "${node.timeout.edgeId}" does not exist`,
      })
    }
  })
  return issues
}
