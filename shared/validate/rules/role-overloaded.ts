import { nameOf, roleName } from '../naming.js'
import type { Rule } from '../types.js'

/** Above this offered load queues get long; at 1 they grow without bound. */
export const NEAR_CAPACITY = 0.85

/** A role offered more work than its people can do drowns, however the flow is drawn. */
export const roleOverloaded: Rule = {
  id: 'role-overloaded',
  defaultSeverity: 'error',
  description: 'No role is offered more work than its headcount can do (a warning from 85 %).',
  check(context, report) {
    const { doc, graph } = context
    for (const role of context.capacity().roles.values()) {
      if (role.load < NEAR_CAPACITY) continue
      const steps = role.steps
        .slice(0, 3)
        .map((s) => `"${nameOf(graph.nodeById.get(s.nodeId)!)}" (${formatPercent(s.load)})`)
        .join(', ')
      report({
        messageKey: role.load >= 1 ? 'roleOverloaded' : 'roleNearlyOverloaded',
        severity: role.load >= 1 ? 'error' : 'warning',
        params: { role: roleName(doc, role.roleId), load: formatPercent(role.load), steps },
        roleId: role.roleId,
        ...(role.steps[0] ? { nodeId: role.steps[0].nodeId } : {}),
      })
    }
  },
}

function formatPercent(load: number): string {
  return Number.isFinite(load) ? `${Math.round(load * 100)}%` : '∞'
}
