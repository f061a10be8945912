/**
 * `npm run bench`: speed figures measured on this machine, never asserted in tests.
 * Each benchmark reports the median of several runs after a warm-up.
 */
import { parseDocument, serializeDocument } from '../../shared/document/index.js'
import { generateDocument } from './generateDocument.js'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function measure(name: string, runs: number, work: () => void): number {
  work()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    work()
    times.push(performance.now() - start)
  }
  const m = median(times)
  console.log(
    `${name.padEnd(48)} median ${m.toFixed(1).padStart(8)} ms  (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${runs} runs)`,
  )
  return m
}

const big = serializeDocument(generateDocument(5_000, 7_500))
console.log(`document: 5,000 nodes / 7,500 edges, ${(big.length / 1024 / 1024).toFixed(2)} MB of JSON`)
const parse = measure('parseDocument (5k nodes)', 9, () => {
  if (!parseDocument(big, 'bench.flow.json').ok) throw new Error('bench document refused')
})
const jsonOnly = measure('JSON.parse alone (the floor)', 9, () => void JSON.parse(big))
const parsed = parseDocument(big, 'bench.flow.json')
if (parsed.ok) measure('serializeDocument (5k nodes)', 9, () => void serializeDocument(parsed.value))
console.log(`parseDocument / JSON.parse = ${(parse / jsonOnly).toFixed(1)}x (same run)`)
