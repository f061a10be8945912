import { layoutDocument } from '../../shared/layout/layoutDocument.js'
import { generateDocument } from './generateDocument.js'

/** Issue #5: a generated 500-node flow laid out in under 2 s, warm median. */
export async function benchLayout(): Promise<void> {
  for (const [nodes, edges, lanes] of [
    [500, 600, false],
    [500, 600, true],
  ] as const) {
    const doc = generateDocument(nodes, edges)
    const input = lanes ? doc : { ...doc, lanes: [], nodes: doc.nodes.map(({ laneId: _laneId, ...n }) => n) }
    await layoutDocument(input)
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const start = performance.now()
      await layoutDocument(input)
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    console.log(
      `${`layoutDocument (${nodes} nodes / ${edges} edges, ${lanes ? `${doc.lanes.length} lanes` : 'no lanes'})`.padEnd(52)} median ${times[2]!.toFixed(1).padStart(8)} ms  (min ${times[0]!.toFixed(1)}, max ${times[4]!.toFixed(1)}, 5 runs)`,
    )
  }
}
