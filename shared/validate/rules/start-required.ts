import type { Rule } from '../types.js'

/** Cases need somewhere to enter. */
export const startRequired: Rule = {
  id: 'start-required',
  defaultSeverity: 'error',
  description: 'The flow has at least one start node.',
  check({ graph }, report) {
    if (!graph.nodes.some((n) => n.kind === 'start')) report({ messageKey: 'startRequired' })
  },
}
