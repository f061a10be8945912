import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixturePath, tinyRaw } from '../support/documents.js'
import { REPO, runCli } from '../support/runCli.js'

const scratch = (): string => mkdtempSync(join(tmpdir(), 'flowlane-simulate-'))
const template = (id: string): string => join(REPO, 'templates', 'en', `${id}.flow.json`)

describe('flowlane simulate --json', () => {
  it('prints the figures of cli.md with keys in their fixed order', () => {
    const run = runCli(['simulate', fixturePath('tiny.flow.json'), '--json', '--cases', '2000'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout)
    expect(Object.keys(json)).toEqual([
      'cases',
      'completed',
      'seed',
      'replications',
      'warmupCases',
      'simulatedHours',
      'throughputPerHour',
      'cycleTime',
      'wip',
      'outcomes',
      'nodes',
      'roles',
      'bottleneck',
      'ci95',
    ])
    expect(json).toMatchObject({ cases: 2000, completed: 2000, seed: 7, replications: 1, warmupCases: 0, ci95: {} })
    expect(Object.keys(json.outcomes)).toEqual(['won', 'lost'])
    expect(json.outcomes.won + json.outcomes.lost).toBe(2000)
    expect(Object.keys(json.nodes)).toEqual(['qualify'])
    expect(Object.keys(json.nodes.qualify)).toEqual([
      'visits',
      'meanWait',
      'meanService',
      'meanTime',
      'p90Time',
      'slaBreachRate',
      'timeouts',
      'queue',
    ])
    expect(Object.keys(json.roles.rep)).toEqual(['utilization', 'busyHours', 'cost'])
    expect(json.bottleneck).toEqual({ nodeId: 'qualify', roleId: 'rep', reason: 'most-waiting' })
  })

  it('is byte-identical for the same file, seed and options', () => {
    const args = [
      'simulate',
      template('b2b-pipeline'),
      '--json',
      '--seed',
      '11',
      '--replications',
      '3',
      '--cases',
      '3000',
    ]
    const first = runCli(args)
    const second = runCli(args)
    expect(first.code).toBe(0)
    expect(second.stdout).toBe(first.stdout)
  })

  it('takes --seed, --replications and --warmup, with half-widths for R ≥ 2', () => {
    const run = runCli([
      'simulate',
      fixturePath('tiny.flow.json'),
      '--json',
      '--cases',
      '1500',
      '--seed',
      '-3',
      '--replications',
      '4',
      '--warmup',
      '100',
    ])
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout)
    expect(json).toMatchObject({ cases: 6000, completed: 5600, seed: -3, replications: 4, warmupCases: 100 })
    expect(Object.keys(json.ci95)).toEqual([
      'cycleTime.mean',
      'cycleTime.p90',
      'throughputPerHour',
      'nodes.qualify.meanTime',
      'nodes.qualify.slaBreachRate',
      'roles.rep.utilization',
    ])
  })
})

describe('flowlane simulate (summary)', () => {
  it('prints cycle time, throughput, outcomes, steps, roles and the bottleneck — and no progress bar off a terminal', () => {
    const run = runCli(['simulate', template('contract-approval-five-level'), '--replications', '2'])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(
      /^Contract approval: five levels \(before\): 10,000 cases × 2 runs, seed 1, first 500 left out as warm-up; 19,000 counted cases completed\n/,
    )
    expect(run.stdout).toMatch(/\nCycle time {4}mean [\d.]+ h ± [\d.]+ \([\d.]+ days\) {3}p50 /)
    expect(run.stdout).toMatch(/\nThroughput {4}[\d.]+ per week/)
    expect(run.stdout).toMatch(
      /\nOutcomes {6}won [\d,]+ \([\d.]+ %\) {3}lost [\d,]+ \([\d.]+ %\) {3}— win rate [\d.]+ %/,
    )
    expect(run.stdout).toMatch(/\nStep +visits +wait h +work h +time h +p90 h +SLA breach +timeouts +queue avg +max\n/)
    expect(run.stdout).toMatch(/\nRole +people +utilisation +busy h +cost\nSales rep +3 +[\d.]+ % /)
    expect(run.stdout).toMatch(/\nBottleneck: "[^"]+" \(Regional manager\) — cases wait there [\d.]+ h on average/)
  })
})

describe('the progress bar', () => {
  // `script` (util-linux) runs the CLI on a pseudo-terminal, so standard error is a TTY.
  const hasScript = existsSync('/usr/bin/script')
  const onTerminal = (args: string): { terminal: string; stdout: string } => {
    const out = join(scratch(), 'out.txt')
    const cli = join(REPO, 'dist-cli', 'cli.mjs')
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} simulate ${args} > ${JSON.stringify(out)}`
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', cwd: REPO })
    expect(run.status).toBe(0)
    return { terminal: run.stdout, stdout: readFileSync(out, 'utf8') }
  }

  it.skipIf(!hasScript)('shows on a terminal, on standard error only, and is cleared at the end', () => {
    const { terminal, stdout } = onTerminal(`${JSON.stringify(template('b2b-pipeline'))} --cases 200000`)
    expect(terminal).toMatch(/\rSimulating \[#*-*\] \d+%/)
    expect(terminal.endsWith('\r\x1b[2K')).toBe(true)
    expect(stdout).toMatch(/^B2B sales pipeline: 200,000 cases/)
    expect(stdout).not.toContain('Simulating')
  })

  it.skipIf(!hasScript)('stays off with --json', () => {
    const { terminal, stdout } = onTerminal(`${JSON.stringify(template('b2b-pipeline'))} --cases 200000 --json`)
    expect(terminal).toBe('')
    expect(JSON.parse(stdout).cases).toBe(200000)
  })
})

describe('flowlane simulate refuses', () => {
  it('a flow with validation errors: exit 1, one line per error on standard error', () => {
    const dir = scratch()
    const raw = tinyRaw()
    delete raw.nodes[1].duration
    raw.nodes[1].owner = 'nobody'
    writeFileSync(join(dir, 'broken.flow.json'), JSON.stringify(raw))
    const run = runCli(['simulate', 'broken.flow.json'], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    const lines = run.stderr.trimEnd().split('\n')
    expect(lines).toContain(
      `broken.flow.json: duration-required: ${lines.find((l) => l.includes('duration-required'))!.split(': ')[2]}`,
    )
    for (const line of lines) expect(line).toMatch(/^broken\.flow\.json: [a-z-]+: \S/)
    expect(lines.some((l) => l.startsWith('broken.flow.json: owner-known: '))).toBe(true)
  })

  it('a flow without arrivals: exit 1, saying which start has none', () => {
    const dir = scratch()
    const raw = tinyRaw()
    delete raw.simulation.arrivals
    writeFileSync(join(dir, 'still.flow.json'), JSON.stringify(raw))
    const run = runCli(['simulate', 'still.flow.json'], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      'still.flow.json: cannot simulate: start "Lead" has no arrivals, and the document has no simulation.arrivals\n',
    )
  })

  it.each([
    [['--cases', '0'], "option '--cases <n>' argument '0' is invalid. must be a whole number of at least 1"],
    [['--cases', '1e3'], "option '--cases <n>' argument '1e3' is invalid. must be a whole number of at least 1"],
    [
      ['--replications', '1.5'],
      "option '--replications <r>' argument '1.5' is invalid. must be a whole number of at least 1",
    ],
    [['--seed', 'abc'], "option '--seed <s>' argument 'abc' is invalid. must be a whole number"],
    [['--warmup', '-1'], "option '--warmup <n>' argument '-1' is invalid. must be a whole number of at least 0"],
    [['--speed', '2'], "unknown option '--speed' (Did you mean --seed?)"],
  ])('bad options %j: exit 2 with one line', (args, message) => {
    const run = runCli(['simulate', fixturePath('tiny.flow.json'), ...args])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(`flowlane: ${message}\n`)
  })

  it('a warm-up that leaves no case to count: exit 2', () => {
    const run = runCli(['simulate', fixturePath('tiny.flow.json'), '--cases', '100', '--warmup', '100'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      'flowlane: a warm-up of 100 cases leaves none of the 100 cases to count; use fewer warm-up cases or more cases\n',
    )
  })

  it('an unreadable file: exit 2 naming it', () => {
    const run = runCli(['simulate', 'no-such.flow.json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('no-such.flow.json: no such file\n')
  })
})
