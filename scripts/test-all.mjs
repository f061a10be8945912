// Runs every suite — Vitest (unit and CLI), then Playwright when end-to-end specs exist —
// and closes with one combined line `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'

rmSync('.test-summary', { recursive: true, force: true })
const suites = []

function run(name, command, args, summaryFile) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false })
  let counts = { passed: 0, failed: 0, skipped: 0 }
  if (existsSync(summaryFile)) counts = JSON.parse(readFileSync(summaryFile, 'utf8'))
  // A suite that crashed before reporting still counts as one failure.
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1
  suites.push({ name, ...counts })
}

run('vitest', 'npx', ['vitest', 'run'], '.test-summary/vitest.json')

const e2eDir = 'test/e2e'
if (existsSync(e2eDir) && readdirSync(e2eDir).some((f) => f.endsWith('.spec.ts'))) {
  run('playwright', 'npx', ['playwright', 'test'], '.test-summary/playwright.json')
}

const total = suites.reduce(
  (t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
)
console.log('')
for (const s of suites)
  console.log(`  ${s.name.padEnd(10)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`)
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`)
process.exitCode = total.failed > 0 || total.passed === 0 ? 1 : 0
