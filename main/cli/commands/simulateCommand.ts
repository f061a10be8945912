import { InvalidArgumentError, type Command } from 'commander'
import type { FlowDocument } from '../../../shared/document/index.js'
import {
  DEFAULT_CASES,
  simulate,
  toSimulationJson,
  type SimulationProgress,
  type SimulationReport,
} from '../../../shared/simulate/index.js'
import { validateDocument } from '../../../shared/validate/index.js'
import { CliError, EXIT } from '../cliError.js'
import { readDocumentFile } from '../readDocumentFile.js'
import { writeOutput } from '../writeOutput.js'

interface SimulateOptions {
  readonly cases?: number
  readonly seed?: number
  readonly replications?: number
  readonly warmup?: number
  readonly json?: boolean
}

/** A whole-number option parser: refuses `1.5`, `1e3`, `abc` and values below `min`. */
function wholeNumber(min: number | null) {
  return (text: string): number => {
    const value = Number(text)
    if (!/^[+-]?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || (min !== null && value < min)) {
      throw new InvalidArgumentError(
        min === null ? 'must be a whole number' : `must be a whole number of at least ${min}`,
      )
    }
    return value
  }
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('run the throughput simulation')
    .argument('<file>', 'a .flow.json document')
    .option(
      '--cases <n>',
      `cases per run (default: the file's simulation.cases, else ${DEFAULT_CASES})`,
      wholeNumber(1),
    )
    .option('--seed <s>', "random seed (default: the file's simulation.seed, else 1)", wholeNumber(null))
    .option('--replications <r>', 'independent runs, for 95 % confidence intervals', wholeNumber(1), 1)
    .option(
      '--warmup <n>',
      "cases left out of the statistics (default: the file's simulation.warmupCases)",
      wholeNumber(0),
    )
    .option('--json', 'print the figures as JSON')
    .action(async (file: string, options: SimulateOptions) => {
      const doc = await readDocumentFile(file)
      const errors = validateDocument(doc).filter((p) => p.severity === 'error')
      if (errors.length > 0) {
        throw new CliError(
          errors.map((p) => `${file}: ${p.rule}: ${p.message}`),
          EXIT.validationErrors,
        )
      }
      const cases = options.cases ?? doc.simulation?.cases ?? DEFAULT_CASES
      const warmupCases = options.warmup ?? doc.simulation?.warmupCases ?? 0
      if (warmupCases >= cases) {
        throw new CliError([
          `flowlane: a warm-up of ${warmupCases} cases leaves none of the ${cases} cases to count; use fewer warm-up cases or more cases`,
        ])
      }
      const bar = !options.json && process.stderr.isTTY ? new ProgressBar() : null
      const outcome = simulate(doc, {
        cases,
        warmupCases,
        replications: options.replications ?? 1,
        ...(options.seed !== undefined && { seed: options.seed }),
        ...(bar && { onProgress: (p: SimulationProgress) => bar.show(p) }),
      })
      bar?.clear()
      if (!outcome.ok) {
        if (outcome.reason === 'invalid') {
          throw new CliError(
            outcome.problems.map((p) => `${file}: cannot simulate: ${p}`),
            EXIT.validationErrors,
          )
        }
        throw new CliError(
          [`${file}: ${outcome.message}`],
          outcome.reason === 'bad-options' ? EXIT.badInput : EXIT.validationErrors,
        )
      }
      const text = options.json ? `${toSimulationJson(outcome.report)}\n` : formatSummary(doc, outcome.report)
      await writeOutput(text, undefined)
    })
}

/** A one-line bar on standard error, redrawn when the whole percentage changes. */
class ProgressBar {
  private shown = -1

  show(progress: SimulationProgress): void {
    const percent = Math.floor(progress.fraction * 100)
    if (percent === this.shown) return
    this.shown = percent
    const width = 30
    const filled = Math.round((percent / 100) * width)
    const runs = progress.replications > 1 ? ` run ${progress.replication}/${progress.replications}` : ''
    process.stderr.write(`\rSimulating [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}%${runs}`)
  }

  clear(): void {
    if (this.shown >= 0) process.stderr.write('\r\x1b[2K')
  }
}

// ---- the human summary ------------------------------------------------------------------------

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const twoDecimals = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

const hours = (h: number | null): string => (h === null ? '–' : `${oneDecimal.format(h)} h`)
const percent = (x: number | null): string => (x === null ? '–' : `${oneDecimal.format(x * 100)} %`)
const cell = (x: number | null, format: Intl.NumberFormat = twoDecimals): string =>
  x === null ? '–' : format.format(x)

function withHalfWidth(report: SimulationReport, path: string, text: string, scale = 1): string {
  const c = report.ci95.find((entry) => entry.path === path)
  return c?.halfWidth == null ? text : `${text} ± ${oneDecimal.format(c.halfWidth * scale)}`
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), ...rows.map(line)]
}

/** What a sales manager reads: how long, how many, who is busy, where cases wait. */
export function formatSummary(doc: FlowDocument, report: SimulationReport): string {
  const nodeName = (id: string) => doc.nodes.find((n) => n.id === id)?.label.trim() || id
  const roleName = (id: string) => doc.roles.find((r) => r.id === id)?.name || id
  const runs = report.replications
  const perRun = report.cases / runs
  const lines: string[] = []
  lines.push(
    `${doc.name}: ${integer.format(perRun)} cases` +
      `${runs > 1 ? ` × ${runs} runs` : ''}, seed ${report.seed}` +
      `${report.warmupCases > 0 ? `, first ${integer.format(report.warmupCases)} left out as warm-up` : ''}; ` +
      `${integer.format(report.completed)} counted cases completed`,
    '',
  )
  const ct = report.cycleTime
  lines.push(
    `Cycle time    mean ${withHalfWidth(report, 'cycleTime.mean', hours(ct.mean))}` +
      `${ct.mean === null ? '' : ` (${oneDecimal.format(ct.mean / 24)} days)`}` +
      `   p50 ${hours(ct.p50)}   p90 ${hours(ct.p90)}   p95 ${hours(ct.p95)}   max ${hours(ct.max)}`,
  )
  const tp = report.throughputPerHour
  lines.push(
    `Throughput    ${tp === null ? '–' : withHalfWidth(report, 'throughputPerHour', `${oneDecimal.format(tp * 168)} per week`, 168)}` +
      `${tp === null ? '' : ` (${twoDecimals.format(tp * 24)} per day)`}`,
  )
  lines.push(
    `In progress   ${report.wip.mean === null ? '–' : `${oneDecimal.format(report.wip.mean)} cases on average`}`,
  )
  if (report.outcomes.length > 0) {
    const share = (n: number) => (report.completed > 0 ? ` (${percent(n / report.completed)})` : '')
    const won = report.outcomes.find((o) => o.outcome === 'won')
    lines.push(
      `Outcomes      ${report.outcomes.map((o) => `${o.outcome} ${integer.format(o.count)}${share(o.count)}`).join('   ')}` +
        `${won && report.completed > 0 ? `   — win rate ${percent(won.count / report.completed)}` : ''}`,
    )
  }
  lines.push('')
  lines.push(
    ...table(
      ['Step', 'visits', 'wait h', 'work h', 'time h', 'p90 h', 'SLA breach', 'timeouts', 'queue avg', 'max'],
      report.nodes.map((n) => [
        nodeName(n.nodeId),
        integer.format(n.visits),
        cell(n.meanWait),
        cell(n.meanService),
        cell(n.meanTime),
        cell(n.p90Time),
        percent(n.slaBreachRate),
        integer.format(n.timeouts),
        cell(n.queue.mean),
        cell(n.queue.max, oneDecimal),
      ]),
    ),
  )
  lines.push('')
  const currency = doc.currency ? `${doc.currency} ` : ''
  lines.push(
    ...table(
      ['Role', 'people', 'utilisation', 'busy h', 'cost'],
      report.roles.map((r) => [
        roleName(r.roleId),
        integer.format(doc.roles.find((x) => x.id === r.roleId)?.headcount ?? 0),
        percent(r.utilization),
        cell(r.busyHours, integer),
        r.cost === null ? '–' : `${currency}${integer.format(r.cost)}`,
      ]),
    ),
  )
  lines.push('')
  const b = report.bottleneck
  if (b) {
    const step = report.nodes.find((n) => n.nodeId === b.nodeId)!
    const who = b.roleId ? ` (${roleName(b.roleId)})` : ''
    lines.push(
      `Bottleneck: "${nodeName(b.nodeId)}"${who} — cases wait there ${hours(step.meanWait)} on average, ` +
        `the most waiting of any step`,
    )
  } else lines.push('Bottleneck: none — no case waited for people')
  return `${lines.join('\n')}\n`
}
