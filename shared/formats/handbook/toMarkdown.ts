/**
 * The process handbook as Markdown for wikis: the diagram as Mermaid (which GitHub, GitLab
 * and Confluence render), then the steps, then the roles. Everything a user wrote is
 * escaped, so a label can never become Markdown or HTML.
 */
import type { FlowDocument } from '../../document/schema.js'
import { toMermaid } from '../mermaid/toMermaid.js'
import { buildHandbook, type HandbookStep } from './handbookModel.js'

/** Backslash-escapes Markdown's punctuation (CommonMark allows it for any ASCII punctuation). */
export function markdownText(value: string): string {
  return value.replace(/[\\`*_{}[\]<>|#~&!]/g, '\\$&').replace(/\r?\n/g, ' ')
}

const cell = (value: string, none: string) => (value === '' ? none : markdownText(value))

export function toMarkdown(doc: FlowDocument): string {
  const { text, steps, roles } = buildHandbook(doc)
  const out: string[] = [`# ${markdownText(doc.name)}`, '']
  if (doc.description) out.push(markdownText(doc.description), '')
  out.push(`## ${text.diagram}`, '', '```mermaid', toMermaid(doc).trimEnd(), '```', '')

  out.push(`## ${text.overview}`, '')
  out.push(
    `| # | ${text.step} | ${text.kind} | ${text.owner} | ${text.timeLimit} | ${text.duration} |`,
    '|---|---|---|---|---|---|',
  )
  for (const s of steps) {
    out.push(
      `| ${s.number} | ${cell(s.node.label, text.none)} | ${s.kind} | ${cell(s.owner, text.none)} | ${cell(s.timeLimit, text.none)} | ${cell(s.duration, text.none)} |`,
    )
  }
  out.push('', `## ${text.details}`, '')
  for (const s of steps.filter((step) => step.node.kind !== 'start' && step.node.kind !== 'parallel'))
    out.push(...stepSection(s, text), '')

  out.push(`## ${text.roles}`, '')
  out.push(
    `| ${text.role} | ${text.headcount} | ${text.costPerHour} | ${text.load} | ${text.stepsOwned} |`,
    '|---|---|---|---|---|',
  )
  for (const r of roles) {
    out.push(
      `| ${markdownText(r.name)} | ${r.headcount} | ${cell(r.costPerHour, text.none)} | ${cell(r.load, text.none)} | ${cell(r.steps.join(', '), text.none)} |`,
    )
  }
  return `${out.join('\n')}\n`
}

function stepSection(s: HandbookStep, text: ReturnType<typeof buildHandbook>['text']): string[] {
  const lines = [`### ${s.number}. ${markdownText(s.node.label)}`, '']
  const field = (name: string, value: string | undefined) => {
    if (value) lines.push(`- **${name}:** ${markdownText(value)}`)
  }
  field(text.kind, s.kind)
  field(text.owner, s.owner)
  field(text.timeLimit, s.timeLimit)
  field(text.duration, s.duration)
  field(text.resources, s.resources.join('; '))
  field(text.outcome, s.node.outcome)
  field(text.next, s.next.join('; '))
  field(text.timeout, s.timeout?.slice(text.timeout.length).trim())
  if (s.node.description) lines.push('', markdownText(s.node.description))
  if (s.node.why) lines.push('', `**${text.why}:** ${markdownText(s.node.why)}`)
  if (s.node.how) lines.push('', `**${text.how}:** ${markdownText(s.node.how)}`)
  if (s.node.steps?.length) {
    lines.push('', `**${text.operatingSteps}**`, '')
    s.node.steps.forEach((step, i) => lines.push(`${i + 1}. ${markdownText(step)}`))
  }
  if (s.qualityControls.length) {
    lines.push('', `**${text.qualityControls}**`, '')
    for (const qc of s.qualityControls) lines.push(`- ${markdownText(qc)}`)
  }
  return lines
}
