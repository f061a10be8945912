import type { Rule } from '../types.js'

/** An unlabelled step means nothing to the people who follow the process. */
export const labelRequired: Rule = {
  id: 'label-required',
  defaultSeverity: 'warning',
  description: 'Every step has a label.',
  check({ doc }, report) {
    for (const node of doc.nodes) {
      if (node.label.trim() === '')
        report({ messageKey: 'labelRequired', params: { kind: node.kind }, nodeId: node.id })
    }
  },
}
