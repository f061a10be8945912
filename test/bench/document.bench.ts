import { parseDocument, serializeDocument } from '../../shared/document/index.js'
import { generateDocument } from './generateDocument.js'
import { measure } from './measure.js'

/** Opening and saving the supported maximum (quality.md: 5,000 nodes, 7,500 edges, open < 3 s). */
export function benchDocument(): void {
  const big = serializeDocument(generateDocument(5_000, 7_500))
  console.log(`\ndocument: 5,000 nodes / 7,500 edges, ${(big.length / 1024 / 1024).toFixed(2)} MB of JSON`)
  const parse = measure('parseDocument', 9, () => {
    if (!parseDocument(big, 'bench.flow.json').ok) throw new Error('bench document refused')
  })
  const floor = measure('JSON.parse alone (the floor)', 9, () => void JSON.parse(big))
  const parsed = parseDocument(big, 'bench.flow.json')
  if (parsed.ok) measure('serializeDocument', 9, () => void serializeDocument(parsed.value))
  console.log(`parseDocument ÷ JSON.parse = ${(parse / floor).toFixed(1)}× (same run)`)
}
