import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** Lanes named by steps exist, and roles named by lanes exist. */
export const laneKnown: Rule = {
  id: 'lane-known',
  defaultSeverity: 'error',
  description: 'A step’s lane exists, and a lane’s role exists.',
  check({ doc }, report) {
    const lanes = new Set(doc.lanes.map((l) => l.id))
    const roles = new Set(doc.roles.map((r) => r.id))
    for (const node of doc.nodes) {
      if (node.laneId !== undefined && !lanes.has(node.laneId)) {
        report({
          messageKey: 'laneUnknown',
          params: { label: nameOf(node), laneId: node.laneId },
          nodeId: node.id,
          laneId: node.laneId,
        })
      }
    }
    for (const lane of doc.lanes) {
      if (lane.roleId !== undefined && !roles.has(lane.roleId)) {
        report({
          messageKey: 'laneRoleUnknown',
          params: { lane: lane.name || lane.id, roleId: lane.roleId },
          laneId: lane.id,
          roleId: lane.roleId,
        })
      }
    }
  },
}
