/**
 * Writes a document the same way every time — keys in the order of file-format.md,
 * 2-space indent, trailing newline — so files diff well in git and parse → serialize
 * is idempotent. Extension keys (`x-…`) follow the document's own keys, sorted.
 */
import type { FlowDocument } from './schema.js'

type Order = readonly string[]
/** Key order per object type; a nested object's type is found through `CHILDREN`. */
const ORDER = {
  document: [
    'format',
    'version',
    'id',
    'name',
    'description',
    'locale',
    'currency',
    'calendar',
    'roles',
    'lanes',
    'nodes',
    'edges',
    'simulation',
  ],
  calendar: ['hoursPerDay', 'daysPerWeek', 'dayStartsAt'],
  role: ['id', 'name', 'headcount', 'costPerHour'],
  lane: ['id', 'name', 'roleId', 'height'],
  node: [
    'id',
    'kind',
    'label',
    'description',
    'position',
    'size',
    'color',
    'laneId',
    'owner',
    'steps',
    'timeLimit',
    'duration',
    'timeout',
    'resources',
    'qualityControls',
    'approvers',
    'outcome',
    'arrivals',
    'tags',
    'why',
    'how',
  ],
  edge: ['id', 'source', 'target', 'label', 'probability', 'condition', 'points'],
  point: ['x', 'y'],
  size: ['width', 'height'],
  duration: ['value', 'unit'],
  distribution: ['dist', 'value', 'min', 'mode', 'max', 'mean', 'sd', 'unit'],
  timeout: ['after', 'edgeId'],
  resources: ['people', 'tools', 'materials', 'budget'],
  qualityControl: ['standard', 'measure', 'metric', 'target'],
  simulation: ['arrivals', 'cases', 'seed', 'warmupCases'],
} as const satisfies Record<string, Order>

type Kind = keyof typeof ORDER
const CHILDREN: Partial<Record<Kind, Record<string, Kind>>> = {
  document: {
    calendar: 'calendar',
    roles: 'role',
    lanes: 'lane',
    nodes: 'node',
    edges: 'edge',
    simulation: 'simulation',
  },
  node: {
    position: 'point',
    size: 'size',
    timeLimit: 'duration',
    duration: 'distribution',
    timeout: 'timeout',
    resources: 'resources',
    qualityControls: 'qualityControl',
    arrivals: 'distribution',
  },
  edge: { points: 'point' },
  timeout: { after: 'duration' },
  simulation: { arrivals: 'distribution' },
}

function ordered(value: unknown, kind: Kind): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, kind))
  if (value === null || typeof value !== 'object') return value
  const source = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of ORDER[kind]) {
    const child = source[key]
    if (child === undefined) continue
    const childKind = CHILDREN[kind]?.[key]
    out[key] = childKind ? ordered(child, childKind) : child
  }
  if (kind === 'document') {
    for (const key of Object.keys(source)
      .filter((k) => k.startsWith('x-'))
      .sort())
      out[key] = source[key]
  }
  return out
}

export function serializeDocument(doc: FlowDocument): string {
  return `${JSON.stringify(ordered(doc, 'document'), null, 2)}\n`
}
