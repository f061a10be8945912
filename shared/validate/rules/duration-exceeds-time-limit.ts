import { meanWorkingHours } from '../../analysis/capacity.js'
import { durationToAverageWorkingHours } from '../../time/clock.js'
import { nameOf, round2 } from '../naming.js'
import type { Rule } from '../types.js'

/** A time standard the work itself cannot meet on average is broken before anyone waits. */
export const durationExceedsTimeLimit: Rule = {
  id: 'duration-exceeds-time-limit',
  defaultSeverity: 'warning',
  description: 'The mean work time of a step is within its time limit.',
  check({ doc, graph }, report) {
    for (const node of graph.nodes) {
      if (!node.duration || !node.timeLimit) continue
      // An approval reviews once per approver, one after another.
      const reviews = node.kind === 'approval' ? Math.max(1, node.approvers?.length ?? 0) : 1
      const work = meanWorkingHours(node.duration, doc) * reviews
      const limit = durationToAverageWorkingHours(node.timeLimit, doc.calendar)
      if (work > limit) {
        report({
          messageKey: 'durationExceedsTimeLimit',
          params: { label: nameOf(node), work: round2(work), limit: round2(limit) },
          nodeId: node.id,
        })
      }
    }
  },
}
