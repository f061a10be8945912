/** Every rule, one per file (bpmnlint). Rule ids are part of the CLI contract. */
import type { Rule } from '../types.js'
import { approversKnown } from './approvers-known.js'
import { arrivalsRequired } from './arrivals-required.js'
import { decisionBranches } from './decision-branches.js'
import { decisionProbabilities } from './decision-probabilities.js'
import { duplicateLabel } from './duplicate-label.js'
import { durationExceedsTimeLimit } from './duration-exceeds-time-limit.js'
import { durationRequired } from './duration-required.js'
import { endNoOutgoing } from './end-no-outgoing.js'
import { endRequired } from './end-required.js'
import { labelRequired } from './label-required.js'
import { laneKnown } from './lane-known.js'
import { laneOwnerMismatch } from './lane-owner-mismatch.js'
import { noDeadEnd } from './no-dead-end.js'
import { noDisconnected } from './no-disconnected.js'
import { noEndlessLoop } from './no-endless-loop.js'
import { noImplicitSplit } from './no-implicit-split.js'
import { noUnreachable } from './no-unreachable.js'
import { ownerKnown } from './owner-known.js'
import { ownerRequired } from './owner-required.js'
import { parallelBalanced } from './parallel-balanced.js'
import { peopleExceedHeadcount } from './people-exceed-headcount.js'
import { qualityControlRequired } from './quality-control-required.js'
import { roleOverloaded } from './role-overloaded.js'
import { selfLoop } from './self-loop.js'
import { startNoIncoming } from './start-no-incoming.js'
import { startRequired } from './start-required.js'
import { timeLimitRequired } from './time-limit-required.js'
import { timeoutEdge } from './timeout-edge.js'

export const RULES: readonly Rule[] = [
  approversKnown,
  arrivalsRequired,
  decisionBranches,
  decisionProbabilities,
  duplicateLabel,
  durationExceedsTimeLimit,
  durationRequired,
  endNoOutgoing,
  endRequired,
  labelRequired,
  laneKnown,
  laneOwnerMismatch,
  noDeadEnd,
  noDisconnected,
  noEndlessLoop,
  noImplicitSplit,
  noUnreachable,
  ownerKnown,
  ownerRequired,
  parallelBalanced,
  peopleExceedHeadcount,
  qualityControlRequired,
  roleOverloaded,
  selfLoop,
  startNoIncoming,
  startRequired,
  timeLimitRequired,
  timeoutEdge,
]
