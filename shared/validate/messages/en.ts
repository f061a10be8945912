/**
 * Validation messages in English. Placeholders are `{{name}}` (i18next's syntax, so the app
 * loads these catalogs as they are). Steps are named by label.
 */
export const en = {
  arrivalsRequired: 'Start "{{label}}" has no arrivals, so the flow cannot be simulated: set how often cases enter.',
  startRequired: 'The flow has no start: add a start node where cases enter.',
  endRequired: 'The flow has no end: add an end node where cases leave.',
  startNoIncoming: 'Start "{{label}}" has an incoming edge; cases only enter the flow at a start.',
  endNoOutgoing: 'End "{{label}}" has an outgoing edge; cases leave the flow at an end.',
  noDisconnected: '"{{label}}" is not connected to the flow.',
  noUnreachable: 'No case can reach "{{label}}": there is no path to it from a start.',
  noDeadEnd: '"{{label}}" leads nowhere: no end can be reached from it.',
  noEndlessLoop: 'Cases that reach the loop {{loop}} can never leave it.',
  decisionBranches: 'Decision "{{label}}" has {{count}} way(s) out; a decision needs at least two.',
  decisionProbabilityMissing: 'Branch "{{branch}}" of "{{label}}" has no probability.',
  decisionProbabilitySum: 'The branches of "{{label}}" add up to {{sum}}, not 1.',
  timeoutEdgeMissing: 'The timeout of "{{label}}" names edge "{{edgeId}}", which does not leave this step.',
  timeoutEdgeOnly: 'The timeout edge is the only way out of "{{label}}": cases that finish in time have nowhere to go.',
  timeoutWrongKind: 'The timeout on "{{label}}" never fires: only steps where cases wait or work can time out.',
  parallelSplitNotJoined: 'The branches of parallel split "{{label}}" are never joined by a parallel join.',
  parallelJoinExclusive:
    'Parallel join "{{label}}" waits for branches of which "{{split}}" sends a case down only one: cases would wait there forever.',
  parallelJoinStarts:
    'Parallel join "{{label}}" waits for branches that come from different starts: cases would wait there forever.',
  noImplicitSplit:
    '"{{label}}" has {{count}} ways out, so every case goes down all of them at once; use a decision to choose one, or a parallel split to say so.',
  labelRequired: 'A step of kind "{{kind}}" has no label.',
  duplicateLabel: 'Two steps are called "{{label}}".',
  ownerRequired: '"{{label}}" has no owner.',
  ownerUnknown: 'The owner of "{{label}}" is "{{roleId}}", which is not a role of this flow.',
  laneUnknown: '"{{label}}" is drawn in lane "{{laneId}}", which does not exist.',
  laneRoleUnknown: 'Lane "{{lane}}" stands for role "{{roleId}}", which does not exist.',
  peopleExceedHeadcount:
    '"{{label}}" needs {{people}} people of {{role}}, which has only {{headcount}}: it could never start.',
  laneOwnerMismatch: '"{{label}}" is owned by {{owner}} but drawn in the lane of {{laneRole}}.',
  timeLimitRequired: '"{{label}}" has no time limit.',
  durationRequired: '"{{label}}" has no duration, so it cannot be simulated.',
  durationExceedsTimeLimit:
    'The work of "{{label}}" alone takes {{work}} working hours on average, longer than its time limit of {{limit}} working hours.',
  qualityControlRequired: 'Core step "{{label}}" has no quality control.',
  approverUnknown: 'Approver "{{roleId}}" of "{{label}}" is not a role of this flow.',
  selfLoop: 'Edge "{{edgeId}}" leads from "{{label}}" back to itself.',
  roleOverloaded:
    '{{role}} is loaded at {{load}} of capacity: the queue grows without bound. Heaviest steps: {{steps}}.',
  roleNearlyOverloaded:
    '{{role}} is loaded at {{load}} of capacity, so cases will wait long. Heaviest steps: {{steps}}.',
} as const

export type MessageKey = keyof typeof en
