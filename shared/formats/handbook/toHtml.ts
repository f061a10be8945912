/**
 * The process handbook as one self-contained HTML page, for Word (File › Open), intranets
 * and printing: the diagram as inline SVG, the steps, the roles. No script, no external
 * resource, and a Content-Security-Policy that forbids both, in case a label slipped through.
 */
import type { FlowDocument } from '../../document/schema.js'
import { toSvg } from '../svg/toSvg.js'
import { xmlText } from '../svg/xml.js'
import { buildHandbook, type Handbook, type HandbookStep } from './handbookModel.js'

const STYLE = `body{font-family:'Noto Sans','Helvetica Neue',Arial,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;color:#1f2937;margin:2rem auto;max-width:1100px;padding:0 1rem;line-height:1.5}
h1{font-size:1.9rem;margin-bottom:.3rem}h2{margin-top:2.2rem;border-bottom:2px solid #e2e8f0;padding-bottom:.2rem}h3{margin-top:1.6rem}
figure{margin:1rem 0;overflow-x:auto;border:1px solid #e2e8f0}figure svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92rem}th,td{border:1px solid #cbd5e1;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f1f5f9}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
@media print{figure{border:none}h2{break-after:avoid}section{break-inside:avoid}}`

export function toHtml(doc: FlowDocument): string {
  const handbook = buildHandbook(doc)
  const { text } = handbook
  const e = xmlText
  const lang = doc.locale ?? 'en'
  const out = [
    '<!doctype html>',
    `<html lang="${e(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Flowlane">',
    `<title>${e(doc.name)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${e(doc.name)}</h1>`,
  ]
  if (doc.description) out.push(`<p>${e(doc.description)}</p>`)
  out.push(`<h2>${e(text.diagram)}</h2>`, `<figure>${toSvg(doc)}</figure>`)
  out.push(`<h2>${e(text.overview)}</h2>`, overviewTable(handbook))
  out.push(`<h2>${e(text.details)}</h2>`)
  for (const s of handbook.steps.filter((step) => step.node.kind !== 'start' && step.node.kind !== 'parallel'))
    out.push(stepSection(s, handbook))
  out.push(`<h2>${e(text.roles)}</h2>`, rolesTable(handbook), '</body>', '</html>')
  return `${out.join('\n')}\n`
}

function overviewTable({ text, steps }: Handbook): string {
  const e = xmlText
  const rows = steps.map(
    (s) =>
      `<tr><td>${s.number}</td><td>${e(s.node.label)}</td><td>${e(s.kind)}</td><td>${e(s.owner || text.none)}</td><td>${e(s.timeLimit || text.none)}</td><td>${e(s.duration || text.none)}</td></tr>`,
  )
  return `<table><thead><tr><th>#</th><th>${e(text.step)}</th><th>${e(text.kind)}</th><th>${e(text.owner)}</th><th>${e(text.timeLimit)}</th><th>${e(text.duration)}</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
}

function stepSection(s: HandbookStep, { text }: Handbook): string {
  const e = xmlText
  const fields: [string, string | undefined][] = [
    [text.kind, s.kind],
    [text.owner, s.owner],
    [text.timeLimit, s.timeLimit],
    [text.duration, s.duration],
    [text.resources, s.resources.join('; ')],
    [text.outcome, s.node.outcome],
    [text.next, s.next.join('; ')],
    [text.timeout, s.timeout?.slice(text.timeout.length).trim()],
  ]
  const out = [`<section id="step-${s.number}">`, `<h3>${s.number}. ${e(s.node.label)}</h3>`, '<dl>']
  for (const [name, value] of fields) if (value) out.push(`<dt>${e(name)}</dt><dd>${e(value)}</dd>`)
  out.push('</dl>')
  if (s.node.description) out.push(`<p>${e(s.node.description)}</p>`)
  if (s.node.why) out.push(`<p><strong>${e(text.why)}:</strong> ${e(s.node.why)}</p>`)
  if (s.node.how) out.push(`<p><strong>${e(text.how)}:</strong> ${e(s.node.how)}</p>`)
  if (s.node.steps?.length)
    out.push(`<h4>${e(text.operatingSteps)}</h4>`, `<ol>${s.node.steps.map((x) => `<li>${e(x)}</li>`).join('')}</ol>`)
  if (s.qualityControls.length)
    out.push(
      `<h4>${e(text.qualityControls)}</h4>`,
      `<ul>${s.qualityControls.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`,
    )
  out.push('</section>')
  return out.join('\n')
}

function rolesTable({ text, roles }: Handbook): string {
  const e = xmlText
  const rows = roles.map(
    (r) =>
      `<tr><td>${e(r.name)}</td><td>${r.headcount}</td><td>${e(r.costPerHour || text.none)}</td><td>${e(r.load || text.none)}</td><td>${e(r.steps.join(', ') || text.none)}</td></tr>`,
  )
  return `<table><thead><tr><th>${e(text.role)}</th><th>${e(text.headcount)}</th><th>${e(text.costPerHour)}</th><th>${e(text.load)}</th><th>${e(text.stepsOwned)}</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
}
