import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** Core processes are standardised (seed 000): a core step states how its quality is kept. */
export const qualityControlRequired: Rule = {
  id: 'quality-control-required',
  defaultSeverity: 'warning',
  description: 'Steps tagged core have at least one quality control.',
  check({ graph }, report) {
    for (const node of graph.nodes) {
      if (node.tags?.includes('core') && !node.qualityControls?.length) {
        report({ messageKey: 'qualityControlRequired', params: { label: nameOf(node) }, nodeId: node.id })
      }
    }
  },
}
