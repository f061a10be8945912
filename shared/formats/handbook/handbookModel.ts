/**
 * What a process handbook says, independent of Markdown or HTML: the steps in flow order,
 * each with everything it carries in words, and a summary by role. Both writers render this.
 */
import { analyseCapacity } from '../../analysis/capacity.js'
import type { Distribution, FlowDocument, FlowNode } from '../../document/schema.js'
import { formatDuration } from '../../geometry/formatDuration.js'
import { handbookText, type HandbookText } from './handbookText.js'

export interface HandbookStep {
  readonly number: number
  readonly node: FlowNode
  readonly kind: string
  readonly owner: string
  readonly timeLimit: string
  readonly duration: string
  readonly resources: readonly string[]
  readonly qualityControls: readonly string[]
  readonly next: readonly string[]
  readonly timeout?: string
}

export interface HandbookRole {
  readonly name: string
  readonly headcount: number
  readonly costPerHour: string
  readonly steps: readonly string[]
  readonly load: string
}

export interface Handbook {
  readonly text: HandbookText
  readonly steps: readonly HandbookStep[]
  readonly roles: readonly HandbookRole[]
}

/**
 * Steps in the order a case meets them: a topological order of the flow (reverse postorder
 * of a depth-first walk from the starts, loops broken where they close), so a step always
 * comes after the steps that lead to it; unreachable steps after the rest; ends last, in document order.
 */
export function stepsInFlowOrder(doc: FlowDocument): FlowNode[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]))
  const outgoing = new Map<string, string[]>()
  for (const e of doc.edges) outgoing.set(e.source, [...(outgoing.get(e.source) ?? []), e.target])
  const visited = new Set<string>()
  const postorder: string[] = []
  for (const start of doc.nodes.filter((n) => n.kind === 'start')) {
    if (visited.has(start.id)) continue
    visited.add(start.id)
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }]
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const targets = outgoing.get(top.id) ?? []
      if (top.next < targets.length) {
        const target = targets[top.next++]!
        if (!visited.has(target) && byId.has(target)) {
          visited.add(target)
          stack.push({ id: target, next: 0 })
        }
      } else {
        postorder.push(top.id)
        stack.pop()
      }
    }
  }
  const reached = postorder.reverse().map((id) => byId.get(id)!)
  const rest = doc.nodes.filter((n) => !visited.has(n.id) && n.kind !== 'note')
  const isEnd = (n: FlowNode) => n.kind === 'end'
  // Outcomes read best in the order their author wrote them.
  const ends = doc.nodes.filter((n) => isEnd(n) && (visited.has(n.id) || rest.includes(n)))
  return [...reached.filter((n) => !isEnd(n)), ...rest.filter((n) => !isEnd(n)), ...ends]
}

function formatDistribution(d: Distribution, locale: string | undefined): string {
  const unit = (value: number) => formatDuration({ value, unit: d.unit }, locale)
  switch (d.dist) {
    case 'fixed':
      return unit(d.value)
    case 'uniform':
      return `${unit(d.min)} – ${unit(d.max)}`
    case 'triangular':
    case 'pert':
      return `${unit(d.min)} – ${unit(d.max)} (${unit(d.mode)})`
    case 'normal':
    case 'lognormal':
      return `${unit(d.mean)} ± ${unit(d.sd)}`
    case 'exponential':
      return `~ ${unit(d.mean)}`
  }
}

export function buildHandbook(doc: FlowDocument): Handbook {
  const text = handbookText(doc.locale)
  const roleName = (id: string) => doc.roles.find((r) => r.id === id)?.name ?? id
  const byId = new Map(doc.nodes.map((n) => [n.id, n]))
  const money = (value: number) => `${value.toLocaleString('en-US')}${doc.currency ? ` ${doc.currency}` : ''}`
  const nodes = stepsInFlowOrder(doc)
  const steps = nodes.map((node, i): HandbookStep => {
    const people = node.resources?.people
    const resources = [
      ...(people !== undefined ? [`${people} ${text.people}`] : []),
      ...(node.resources?.tools?.length ? [`${text.tools}: ${node.resources.tools.join(', ')}`] : []),
      ...(node.resources?.materials?.length ? [`${text.materials}: ${node.resources.materials.join(', ')}`] : []),
      ...(node.resources?.budget !== undefined ? [`${text.budget}: ${money(node.resources.budget)}`] : []),
    ]
    const qualityControls = (node.qualityControls ?? []).map((qc) => {
      const extra = [
        qc.measure ? `${text.measure}: ${qc.measure}` : '',
        qc.metric ? `${text.metric}: ${qc.metric}` : '',
        qc.target ? `${text.target}: ${qc.target}` : '',
      ].filter(Boolean)
      return extra.length ? `${qc.standard} (${extra.join('; ')})` : qc.standard
    })
    const next = doc.edges
      .filter((e) => e.source === node.id && e.id !== node.timeout?.edgeId)
      .map((e) => {
        const target = byId.get(e.target)?.label ?? e.target
        const share = e.probability === undefined ? '' : ` (${Math.round(e.probability * 1000) / 10}%)`
        return e.label ? `${e.label}${share} → ${target}` : `${target}${share}`
      })
    const timeoutEdge = node.timeout ? doc.edges.find((e) => e.id === node.timeout!.edgeId) : undefined
    const owners =
      node.kind === 'approval' && node.approvers?.length
        ? node.approvers.map(roleName).join(' → ')
        : node.owner
          ? roleName(node.owner)
          : ''
    return {
      number: i + 1,
      node,
      kind: text.kinds[node.kind],
      owner: owners,
      timeLimit: node.timeLimit ? formatDuration(node.timeLimit, doc.locale) : '',
      duration: node.duration ? formatDistribution(node.duration, doc.locale) : '',
      resources,
      qualityControls,
      next,
      ...(node.timeout && timeoutEdge
        ? {
            timeout: `${text.timeout} ${formatDuration(node.timeout.after, doc.locale)} → ${byId.get(timeoutEdge.target)?.label ?? timeoutEdge.target}`,
          }
        : {}),
    }
  })
  const loads = analyseCapacity(doc).roles
  const roles = doc.roles.map((role): HandbookRole => {
    const owned = nodes.filter((n) => n.owner === role.id || n.approvers?.includes(role.id)).map((n) => n.label)
    const load = loads.get(role.id)?.load
    return {
      name: role.name,
      headcount: role.headcount,
      costPerHour: role.costPerHour === undefined ? '' : money(role.costPerHour),
      steps: owned,
      load: load === undefined ? '' : `${Math.round(load * 100)}%`,
    }
  })
  return { text, steps, roles }
}
