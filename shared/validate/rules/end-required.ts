import type { Rule } from '../types.js'

/** Cases need somewhere to leave. */
export const endRequired: Rule = {
  id: 'end-required',
  defaultSeverity: 'error',
  description: 'The flow has at least one end node.',
  check({ graph }, report) {
    if (!graph.nodes.some((n) => n.kind === 'end')) report({ messageKey: 'endRequired' })
  },
}
