import { isWorkStep, nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** Every step people work on has a time standard (时间节点), so breaches can be measured. */
export const timeLimitRequired: Rule = {
  id: 'time-limit-required',
  defaultSeverity: 'warning',
  description: 'Tasks, approvals and subprocesses have a time limit.',
  check({ graph }, report) {
    for (const node of graph.nodes) {
      if (isWorkStep(node) && !node.timeLimit)
        report({ messageKey: 'timeLimitRequired', params: { label: nameOf(node) }, nodeId: node.id })
    }
  },
}
