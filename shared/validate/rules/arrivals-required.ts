import { arrivalsOf } from '../../analysis/capacity.js'
import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** Without arrivals nobody can say how much work the flow gets: simulation and capacity need them. */
export const arrivalsRequired: Rule = {
  id: 'arrivals-required',
  defaultSeverity: 'warning',
  description: 'Every start has arrivals, its own or the simulation’s default.',
  check({ doc, graph }, report) {
    for (const node of graph.nodes) {
      if (node.kind === 'start' && !arrivalsOf(doc, node)) {
        report({ messageKey: 'arrivalsRequired', params: { label: nameOf(node) }, nodeId: node.id })
      }
    }
  },
}
