/**
 * Simulator speed (issue 4; simulation.md, "How fast"): 100,000 cases through the seven-step
 * B2B template in-process with every feature on — working calendar, PERT and triangular work,
 * time limits, every statistic — against the plain reference engine on the same model, in the
 * same run. A second line runs Flowlane on exactly the reference's work (no calendar,
 * exponential work, no limits), which separates the engine's own overhead from the cost of
 * the features. Figures are printed, never asserted.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument, type FlowDocument } from '../../shared/document/index.js'
import { simulate, type SimulationReport } from '../../shared/simulate/index.js'
import { REPO } from '../support/repo.js'
import { referenceModel, runReferenceEngine } from './referenceEngine.js'

const CASES = 100_000
const RUNS = 9

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = work()
  return { ms: performance.now() - start, value }
}

export function runSimulateBench(): void {
  const path = join(REPO, 'templates', 'en', 'b2b-pipeline.flow.json')
  const parsed = parseDocument(readFileSync(path, 'utf8'), path)
  if (!parsed.ok) throw new Error('b2b-pipeline template refused')
  const doc = parsed.value
  const bare = referenceModel(doc)

  const flowlane = (flow: FlowDocument, seed: number): SimulationReport => {
    const outcome = simulate(flow, { cases: CASES, seed, warmupCases: 0, replications: 1 })
    if (!outcome.ok) throw new Error(outcome.message)
    return outcome.report
  }
  // Warm the JIT up, then interleave so every engine sees the same machine state.
  for (let i = 0; i < 2; i++) {
    flowlane(doc, 99)
    flowlane(bare, 99)
    runReferenceEngine(CASES, 99)
  }
  const full: number[] = []
  const same: number[] = []
  const reference: number[] = []
  let events = 0
  let bareEvents = 0
  let referenceEvents = 0
  for (let i = 0; i < RUNS; i++) {
    const a = timed(() => flowlane(doc, i + 1))
    full.push(a.ms)
    events = a.value.events
    const b = timed(() => flowlane(bare, i + 1))
    same.push(b.ms)
    bareEvents = b.value.events
    const c = timed(() => runReferenceEngine(CASES, i + 1))
    reference.push(c.ms)
    referenceEvents = c.value.events
  }
  const ms = median(full)
  const sameMs = median(same)
  const referenceMs = median(reference)
  const line = (name: string, m: number, e: number): string =>
    `${name.padEnd(52)} median ${m.toFixed(1).padStart(7)} ms  ${((CASES / m) * 1000).toFixed(0).padStart(8)} cases/s  ${((e / m) * 1000).toFixed(0).padStart(8)} events/s`
  console.log(`simulate: ${CASES.toLocaleString('en')} cases through b2b-pipeline in-process, median of ${RUNS} runs`)
  console.log(line('flowlane, the template (every feature on)', ms, events))
  console.log(line('flowlane, the reference model (24/7, exponential)', sameMs, bareEvents))
  console.log(line('plain reference engine (the floor)', referenceMs, referenceEvents))
  console.log(
    `simulate / reference = ${(ms / referenceMs).toFixed(2)}x with every feature on (target ≤ 2x), ` +
      `${(sameMs / referenceMs).toFixed(2)}x on the same model; ${ms < 1000 ? 'under' : 'OVER'} 1 s`,
  )
}
