/**
 * What changed between two versions of a document: steps, edges, lanes and roles added,
 * removed or changed (with the names of the fields that differ), and the document's own
 * fields. Pure and JSON-only, so the History panel, tests and any future CLI command agree.
 */
import type { FlowDocument } from './schema.js'

/** An element by id, with a name to show: a step's label, a lane's or role's name, an edge's label or ends. */
export interface ElementRef {
  readonly id: string
  readonly name: string
}

export interface ElementChange extends ElementRef {
  /** Fields whose values differ, in the order the newer element lists them (e.g. `label`, `position`). */
  readonly fields: readonly string[]
}

export interface ElementDiff {
  readonly added: readonly ElementRef[]
  readonly removed: readonly ElementRef[]
  readonly changed: readonly ElementChange[]
}

export interface DocumentDiff {
  readonly steps: ElementDiff
  readonly edges: ElementDiff
  readonly lanes: ElementDiff
  readonly roles: ElementDiff
  /** Top-level fields of the document itself that differ (`name`, `calendar`, `simulation`, `x-…`). */
  readonly document: readonly string[]
}

export const DIFF_SECTIONS = ['steps', 'edges', 'lanes', 'roles'] as const
export type DiffSection = (typeof DIFF_SECTIONS)[number]

/** Deep equality of JSON data (documents hold no Dates, Maps or functions). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]))
  }
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left).filter((k) => left[k] !== undefined)
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false
  return keys.every((k) => Object.hasOwn(right, k) && sameJson(left[k], right[k]))
}

/** The keys of `after` then those only `before` has, whose values differ. */
function changedFields(before: object, after: object, ignore: ReadonlySet<string> = new Set()): string[] {
  const b = before as Record<string, unknown>
  const a = after as Record<string, unknown>
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  return keys.filter((key) => !ignore.has(key) && !sameJson(b[key], a[key]))
}

function diffById<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
  nameOf: (item: T, side: 'before' | 'after') => string,
): ElementDiff {
  const old = new Map(before.map((item) => [item.id, item]))
  const now = new Set(after.map((item) => item.id))
  const added: ElementRef[] = []
  const changed: ElementChange[] = []
  for (const item of after) {
    const previous = old.get(item.id)
    if (!previous) {
      added.push({ id: item.id, name: nameOf(item, 'after') })
      continue
    }
    const fields = changedFields(previous, item)
    if (fields.length > 0) changed.push({ id: item.id, name: nameOf(item, 'after'), fields })
  }
  const removed = before
    .filter((item) => !now.has(item.id))
    .map((item) => ({ id: item.id, name: nameOf(item, 'before') }))
  return { added, removed, changed }
}

const ELEMENT_KEYS: ReadonlySet<string> = new Set(['nodes', 'edges', 'lanes', 'roles'])

/** What `after` changed compared with `before`. */
export function diffDocuments(before: FlowDocument, after: FlowDocument): DocumentDiff {
  const labels = {
    before: new Map(before.nodes.map((n) => [n.id, n.label || n.id])),
    after: new Map(after.nodes.map((n) => [n.id, n.label || n.id])),
  }
  return {
    steps: diffById(before.nodes, after.nodes, (n) => n.label || n.id),
    edges: diffById(
      before.edges,
      after.edges,
      (e, side) => e.label || `${labels[side].get(e.source) ?? e.source} → ${labels[side].get(e.target) ?? e.target}`,
    ),
    lanes: diffById(before.lanes, after.lanes, (l) => l.name || l.id),
    roles: diffById(before.roles, after.roles, (r) => r.name || r.id),
    document: changedFields(before, after, ELEMENT_KEYS),
  }
}

/** How many elements and document fields differ. */
export function countChanges(diff: DocumentDiff): number {
  return (
    DIFF_SECTIONS.reduce((sum, s) => sum + diff[s].added.length + diff[s].removed.length + diff[s].changed.length, 0) +
    diff.document.length
  )
}
