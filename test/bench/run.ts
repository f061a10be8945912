/**
 * `npm run bench [-- document validate layout simulate]`: speed figures measured on this
 * machine, never asserted in tests (the machines are noisy). Ratios are measured within one
 * run. scripts/bench.mjs bundles this file first, as the CLI ships; `tsx test/bench/run.ts`
 * runs it from source.
 */
import { benchDocument } from './document.bench.js'
import { benchLayout } from './layout.bench.js'
import { runSimulateBench } from './simulate.bench.js'
import { benchValidate } from './validate.bench.js'

const BENCHES: Record<string, () => void | Promise<void>> = {
  document: benchDocument,
  validate: benchValidate,
  layout: benchLayout,
  // 100,000 cases through the B2B template against the plain reference engine (issue 4).
  simulate: runSimulateBench,
}

const asked = process.argv.slice(2)
const unknown = asked.filter((name) => !(name in BENCHES))
if (unknown.length > 0) {
  console.error(`bench: no bench named ${unknown.join(', ')}; there are ${Object.keys(BENCHES).join(', ')}`)
  process.exit(2)
}
for (const [name, bench] of Object.entries(BENCHES)) {
  if (asked.length === 0 || asked.includes(name)) await bench()
}
