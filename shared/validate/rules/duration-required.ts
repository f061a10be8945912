import { isWorkStep, nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** Without a duration the simulator cannot say how long a step takes. */
export const durationRequired: Rule = {
  id: 'duration-required',
  defaultSeverity: 'error',
  description: 'Tasks, approvals, subprocesses and waits have a duration.',
  check({ graph }, report) {
    for (const node of graph.nodes) {
      if ((isWorkStep(node) || node.kind === 'wait') && !node.duration) {
        report({ messageKey: 'durationRequired', params: { label: nameOf(node) }, nodeId: node.id })
      }
    }
  },
}
