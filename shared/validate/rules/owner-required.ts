import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** Every step someone works on needs a responsible person (负责人); approvals may name approvers instead. */
export const ownerRequired: Rule = {
  id: 'owner-required',
  defaultSeverity: 'error',
  description: 'Tasks and subprocesses have an owner; approvals have an owner or approvers.',
  check({ graph }, report) {
    for (const node of graph.nodes) {
      const needsOwner =
        node.kind === 'task' || node.kind === 'subprocess' || (node.kind === 'approval' && !node.approvers?.length)
      if (needsOwner && node.owner === undefined) {
        report({ messageKey: 'ownerRequired', params: { label: nameOf(node) }, nodeId: node.id })
      }
    }
  },
}
