import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** A loop whose every way out has probability 0 (or none exists) traps cases forever. */
export const noEndlessLoop: Rule = {
  id: 'no-endless-loop',
  defaultSeverity: 'error',
  description: 'Every loop has a way out that some case takes.',
  check(context, report) {
    const { graph } = context
    for (const loop of context.closedLoops().loops) {
      const names = loop.map((i) => `"${nameOf(graph.nodes[i]!)}"`)
      report({ messageKey: 'noEndlessLoop', params: { loop: names.join(' → ') }, nodeId: graph.nodes[loop[0]!]!.id })
    }
  },
}
