/**
 * The Flowlane namespace inside BPMN: a moddle descriptor (`flowlane-moddle.json`) for the
 * `extensionElements` that carry every Flowlane field BPMN has no place for, and typed views
 * of what bpmn-moddle reads back. Files written by others may hold anything under our
 * namespace, so every read value is optional and checked again before it is used.
 */
import { BpmnModdle, type ModdleTypeMap } from 'bpmn-moddle'
import type { BpmnDocumentation } from 'bpmn-moddle/types'
import descriptor from './flowlane-moddle.json' with { type: 'json' }

/** Our namespace URI; a file whose process carries `fl:document` was written by Flowlane. */
export const FLOWLANE_NS = descriptor.uri
export const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL'

/** bpmn-moddle with the Flowlane package (bpmn-moddle itself adds the `bioc` and `color` ones). */
export function createModdle(): BpmnModdle {
  return new BpmnModdle({ fl: descriptor })
}

/** What bpmn-moddle adds to every element: `$type`, `$attrs`, `$parent`, `get`, `set`, `$instanceOf`. */
export type ModdleWrapper = Omit<ModdleTypeMap['bpmn:Documentation'], keyof BpmnDocumentation | '$type'> & {
  readonly $type: string
}
/** A model element of a type from `bpmn-moddle/types`, abstract ones (FlowNode, Activity) included. */
export type El<T> = ModdleWrapper & T

interface Moddled {
  readonly $type: string
}

export interface FlDuration extends Moddled {
  readonly value?: number
  readonly unit?: string
}

export interface FlDistribution extends Moddled {
  readonly dist?: string
  readonly value?: number
  readonly min?: number
  readonly mode?: number
  readonly max?: number
  readonly mean?: number
  readonly sd?: number
  readonly unit?: string
}

export interface FlDocument extends Moddled {
  readonly id?: string
  readonly version?: number
  readonly locale?: string
  readonly currency?: string
  readonly calendar?: Moddled & {
    readonly hoursPerDay?: number
    readonly daysPerWeek?: number
    readonly dayStartsAt?: number
  }
  readonly role?: readonly (Moddled & {
    readonly id?: string
    readonly name?: string
    readonly headcount?: number
    readonly costPerHour?: number
  })[]
  readonly simulation?: Moddled & {
    readonly arrivals?: FlDistribution
    readonly cases?: number
    readonly seed?: number
    readonly warmupCases?: number
  }
  /** The document's `x-…` keys as one JSON object. */
  readonly extensions?: string
}

export interface FlNode extends Moddled {
  /** The Flowlane id, when the BPMN id had to differ from it. */
  readonly id?: string
  readonly kind?: string
  readonly owner?: string
  readonly color?: string
  readonly outcome?: string
  /** A note's lane: BPMN lanes hold only flow nodes, not annotations. */
  readonly lane?: string
  readonly size?: Moddled & { readonly width?: number; readonly height?: number }
  readonly timeLimit?: FlDuration
  readonly duration?: FlDistribution
  readonly timeout?: FlDuration & { readonly edgeId?: string }
  readonly resources?: Moddled & {
    readonly people?: number
    readonly budget?: number
    readonly tools?: Moddled & { readonly tool?: readonly string[] }
    readonly materials?: Moddled & { readonly material?: readonly string[] }
  }
  readonly qualityControls?: Moddled & {
    readonly qualityControl?: readonly (Moddled & {
      readonly standard?: string
      readonly measure?: string
      readonly metric?: string
      readonly target?: string
    })[]
  }
  readonly steps?: Moddled & { readonly step?: readonly string[] }
  readonly approvers?: Moddled & { readonly approver?: readonly string[] }
  readonly arrivals?: FlDistribution
  readonly tags?: Moddled & { readonly tag?: readonly string[] }
  readonly why?: string
  readonly how?: string
}

export interface FlEdge extends Moddled {
  readonly id?: string
  readonly probability?: number
  /** Only for edges BPMN draws as associations, which have no name or condition. */
  readonly label?: string
  readonly condition?: string
  readonly points?: Moddled & { readonly point?: readonly (Moddled & { readonly x?: number; readonly y?: number })[] }
}

export interface FlLane extends Moddled {
  readonly id?: string
  readonly roleId?: string
  readonly height?: number
}

export interface FlowlaneExtensions {
  readonly 'fl:Document': FlDocument
  readonly 'fl:Node': FlNode
  readonly 'fl:Edge': FlEdge
  readonly 'fl:Lane': FlLane
}

/** The first of our extension elements of one type on a BPMN element, if any. */
export function flowlaneExtension<K extends keyof FlowlaneExtensions>(
  element: { readonly extensionElements?: { readonly values?: readonly unknown[] } | undefined },
  type: K,
): FlowlaneExtensions[K] | undefined {
  for (const value of element.extensionElements?.values ?? []) {
    if (typeof value === 'object' && value !== null && (value as Moddled).$type === type) {
      return value as FlowlaneExtensions[K]
    }
  }
  return undefined
}
