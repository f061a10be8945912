/**
 * `npm run bench`: speed figures measured on this machine, never asserted in tests
 * (the machines are noisy). Ratios are measured within one run.
 */
import { benchDocument } from './document.bench.js'
import { benchLayout } from './layout.bench.js'
import { benchValidate } from './validate.bench.js'

benchDocument()
benchValidate()
await benchLayout()

// Simulator: 100,000 cases through the B2B template against the plain reference engine (issue 4).
await import('./simulate.bench.js').then((bench) => bench.runSimulateBench())
