import type { CapacityReport } from '../analysis/capacity.js'
import type { FlowDocument } from '../document/schema.js'
import type { Dominators } from '../graph/dominators.js'
import type { FlowGraph } from '../graph/flowGraph.js'
import type { MessageKey } from './messages/en.js'

export const SEVERITIES = ['error', 'warning', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]
export type SeveritySetting = Severity | 'off'

/** One thing wrong with a flow, as `validate --json` prints it (cli.md). */
export interface Problem {
  readonly rule: string
  readonly severity: Severity
  readonly message: string
  readonly nodeId?: string
  readonly edgeId?: string
  readonly laneId?: string
  readonly roleId?: string
}

/** What a rule says; the engine adds the rule id, the severity and the translated message. */
export interface Report {
  readonly messageKey: MessageKey
  /** For rules with two levels (role-overloaded); a user's override still wins. */
  readonly severity?: Severity
  readonly params?: Readonly<Record<string, string | number>>
  readonly nodeId?: string
  readonly edgeId?: string
  readonly laneId?: string
  readonly roleId?: string
}

/** Facts many rules need, computed at most once per validation run. */
export interface RuleContext {
  readonly doc: FlowDocument
  readonly graph: FlowGraph
  /** Reachability and loop facts. */
  readonly reach: ReachFacts
  dominators(): Dominators
  capacity(): CapacityReport
  closedLoops(): ClosedLoops
}

/** Loops no case can leave: no edge with a chance of being taken leaves them. */
export interface ClosedLoops {
  /** Node indexes per loop, in document order. */
  readonly loops: readonly (readonly number[])[]
  /** Per node index: part of a closed loop. */
  readonly inLoop: Uint8Array
}

export interface ReachFacts {
  /** Per node index: reachable from some start. */
  readonly fromStart: Uint8Array
  /** Per node index: some end is reachable. */
  readonly toEnd: Uint8Array
  /** Per node index: has no edge at all. */
  readonly disconnected: Uint8Array
}

export interface Rule {
  readonly id: string
  readonly defaultSeverity: Severity
  /** One line, shown in `--help` and the app's settings. */
  readonly description: string
  check(context: RuleContext, report: (report: Report) => void): void
}
