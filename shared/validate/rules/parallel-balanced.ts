import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/**
 * A parallel join waits for one token per incoming edge. Where its incoming paths part is
 * their nearest common dominator: a parallel split (or an implicit one) sends a token down
 * each, but a decision or approval sends only one, and the join waits forever.
 */
export const parallelBalanced: Rule = {
  id: 'parallel-balanced',
  defaultSeverity: 'error',
  description: 'A parallel split is joined by a parallel join, and no exclusive choice feeds a parallel join.',
  check(context, report) {
    const { graph, reach } = context
    const joins = graph.nodes.flatMap((n, i) =>
      n.kind === 'parallel' && graph.incoming[i]!.length > 1 && reach.fromStart[i] ? [i] : [],
    )
    const splits = graph.nodes.flatMap((n, i) => (n.kind === 'parallel' && graph.outgoing[i]!.length > 1 ? [i] : []))
    if (joins.length === 0 && splits.length === 0) return
    const dominators = context.dominators()
    const joinedSplits = new Set<number>()
    for (const j of joins) {
      const join = graph.nodes[j]!
      const sources = graph.incoming[j]!.map((e) => graph.indexOf.get(graph.edges[e]!.source)!)
      const parting = dominators.nearestCommonDominator(sources)
      if (parting === -1) continue
      if (parting === dominators.root) {
        report({ messageKey: 'parallelJoinStarts', params: { label: nameOf(join) }, nodeId: join.id })
        continue
      }
      const split = graph.nodes[parting]!
      if (split.kind === 'decision' || split.kind === 'approval') {
        report({
          messageKey: 'parallelJoinExclusive',
          params: { label: nameOf(join), split: nameOf(split) },
          nodeId: join.id,
        })
      } else {
        joinedSplits.add(parting)
      }
    }
    for (const s of splits) {
      if (!joinedSplits.has(s) && reach.fromStart[s]) {
        report({
          messageKey: 'parallelSplitNotJoined',
          params: { label: nameOf(graph.nodes[s]!) },
          nodeId: graph.nodes[s]!.id,
        })
      }
    }
  },
}
