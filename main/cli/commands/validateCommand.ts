import type { Command } from 'commander'
import {
  RULES,
  validateDocument,
  type MessageLocale,
  type Problem,
  type SeveritySetting,
} from '../../../shared/validate/index.js'
import { CliError, EXIT } from '../cliError.js'
import { readDocumentFile } from '../readDocumentFile.js'
import { writeOutput } from '../writeOutput.js'

const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error']

/** Parses repeated `--rule id=severity` options, refusing unknown rules and severities. */
export function parseRuleOption(
  value: string,
  previous: Record<string, SeveritySetting> = {},
): Record<string, SeveritySetting> {
  const match = /^([a-z0-9-]+)=([a-z]+)$/.exec(value)
  if (!match) throw new CliError([`flowlane: --rule takes ID=SEVERITY, e.g. time-limit-required=off (got "${value}")`])
  const [, id, severity] = match as unknown as [string, string, string]
  if (!RULES.some((r) => r.id === id)) {
    throw new CliError([`flowlane: unknown rule "${id}"; rules: ${RULES.map((r) => r.id).join(', ')}`])
  }
  if (!(SETTINGS as readonly string[]).includes(severity)) {
    throw new CliError([`flowlane: unknown severity "${severity}" for rule ${id}; use ${SETTINGS.join(', ')}`])
  }
  return { ...previous, [id]: severity as SeveritySetting }
}

export function parseLocale(value: string): MessageLocale {
  const lower = value.toLowerCase()
  if (lower === 'en' || lower.startsWith('en-')) return 'en'
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-hans') return 'zh-CN'
  throw new CliError([`flowlane: messages are available in en and zh-CN, not "${value}"`])
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check the flow; exit 1 when it has errors')
    .argument('<file>', 'a .flow.json document')
    .option('--json', 'print the problems as JSON')
    .option('--rule <id=severity>', 'change a rule: off, info, warning or error (repeatable)', parseRuleOption)
    .option('--locale <locale>', 'language of the messages: en or zh-CN', 'en')
    .action(
      async (file: string, options: { json?: boolean; rule?: Record<string, SeveritySetting>; locale: string }) => {
        const locale = parseLocale(options.locale)
        const doc = await readDocumentFile(file)
        const problems = validateDocument(doc, { rules: options.rule ?? {}, locale })
        const errors = problems.filter((p) => p.severity === 'error').length
        const warnings = problems.filter((p) => p.severity === 'warning').length
        if (options.json) {
          await writeOutput(`${JSON.stringify({ problems, errors, warnings }, null, 2)}\n`, undefined)
        } else {
          await writeOutput(formatProblems(file, problems, locale), undefined)
        }
        if (errors > 0) throw new CliError([], EXIT.validationErrors)
      },
    )
}

const HEADINGS: Record<MessageLocale, Record<Problem['severity'], string>> = {
  en: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
}

/** Human output: a summary line, then problems grouped by severity, each with its rule. */
export function formatProblems(file: string, problems: readonly Problem[], locale: MessageLocale): string {
  const count = (severity: Problem['severity']) => problems.filter((p) => p.severity === severity).length
  const summary =
    locale === 'zh-CN'
      ? `${file}：${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 个提示`
      : `${file}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s)`
  if (problems.length === 0) return `${file}: ${locale === 'zh-CN' ? '没有发现问题' : 'no problems found'}\n`
  const lines = [summary]
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = problems.filter((p) => p.severity === severity)
    if (group.length === 0) continue
    lines.push('', `${HEADINGS[locale][severity]} (${group.length})`)
    for (const p of group) lines.push(`  ${p.message}  [${p.rule}]`)
  }
  return `${lines.join('\n')}\n`
}
