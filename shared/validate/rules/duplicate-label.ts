import type { Rule } from '../types.js'

/** Two steps with one name confuse the handbook, the problems list and every discussion. */
export const duplicateLabel: Rule = {
  id: 'duplicate-label',
  defaultSeverity: 'warning',
  description: 'No two steps share a label.',
  check({ graph }, report) {
    const seen = new Map<string, string>()
    for (const node of graph.nodes) {
      const key = node.label.trim().toLocaleLowerCase()
      if (key === '') continue
      if (seen.has(key)) report({ messageKey: 'duplicateLabel', params: { label: node.label.trim() }, nodeId: node.id })
      else seen.set(key, node.id)
    }
  },
}
