/**
 * The `.flow.json` format, version 1 (../shared/design/file-format.md), as zod schemas.
 * Objects are strict: an unknown key is a load error with its path, so a typo never
 * silently drops a user's data. Numbers must be finite (zod rejects ±Infinity from `1e309`).
 */
import { z } from 'zod'
import { LIMITS } from './limits.js'

const finite = () => z.number({ error: (i) => (i.input === undefined ? 'is required' : numberMessage(i.input)) })
const nonNegative = () => finite().min(0, { error: 'must not be negative' })
const probability = () =>
  finite().min(0, { error: 'must be between 0 and 1' }).max(1, { error: 'must be between 0 and 1' })
const count = (min: number) =>
  finite()
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
const text = () =>
  z.string({ error: (i) => (i.input === undefined ? 'is required' : `must be a string, not ${describe(i.input)}`) })
const id = () => text().min(1, { error: 'must not be empty' })
const list = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: (i) => (i.input === undefined ? 'is required' : `must be a list, not ${describe(i.input)}`) })

function numberMessage(input: unknown): string {
  if (typeof input === 'number') return 'must be a finite number'
  return `must be a number, not ${describe(input)}`
}

/** Names a JSON value's type for messages ("a string", "null"). */
export function describe(input: unknown): string {
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'a list'
  if (typeof input === 'object') return 'an object'
  if (typeof input === 'string') return 'a string'
  if (typeof input === 'number') return 'a number'
  if (typeof input === 'boolean') return 'true/false'
  return typeof input
}

export const TIME_UNITS = ['minute', 'hour', 'workday', 'day', 'week'] as const
export const TimeUnitSchema = z.enum(TIME_UNITS, { error: `must be one of ${TIME_UNITS.join(', ')}` })
export type TimeUnit = z.infer<typeof TimeUnitSchema>

/** A span of time; the unit picks the clock (working for minute/hour/workday, elapsed for day/week). */
export const DurationSchema = z.strictObject({ value: nonNegative(), unit: TimeUnitSchema })
export type Duration = z.infer<typeof DurationSchema>

const FixedSchema = z.strictObject({ dist: z.literal('fixed'), value: nonNegative(), unit: TimeUnitSchema })
const UniformSchema = z
  .strictObject({ dist: z.literal('uniform'), min: nonNegative(), max: nonNegative(), unit: TimeUnitSchema })
  .check(orderedParameters(['min', 'max']))
const TriangularSchema = z
  .strictObject({
    dist: z.literal('triangular'),
    min: nonNegative(),
    mode: nonNegative(),
    max: nonNegative(),
    unit: TimeUnitSchema,
  })
  .check(orderedParameters(['min', 'mode', 'max']))
const PertSchema = z
  .strictObject({
    dist: z.literal('pert'),
    min: nonNegative(),
    mode: nonNegative(),
    max: nonNegative(),
    unit: TimeUnitSchema,
  })
  .check(orderedParameters(['min', 'mode', 'max']))
const NormalSchema = z.strictObject({
  dist: z.literal('normal'),
  mean: nonNegative(),
  sd: nonNegative(),
  unit: TimeUnitSchema,
})
const LognormalSchema = z
  .strictObject({ dist: z.literal('lognormal'), mean: nonNegative(), sd: nonNegative(), unit: TimeUnitSchema })
  .check((ctx) => {
    if (ctx.value.mean === 0 && ctx.value.sd > 0) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['mean'],
        message: 'must be above 0 when sd is above 0',
      })
    }
  })
const ExponentialSchema = z.strictObject({ dist: z.literal('exponential'), mean: nonNegative(), unit: TimeUnitSchema })

export const DISTRIBUTION_KINDS = [
  'fixed',
  'uniform',
  'triangular',
  'pert',
  'normal',
  'lognormal',
  'exponential',
] as const

/** A random duration (work time, time between arrivals). */
export const DistributionSchema = z.discriminatedUnion(
  'dist',
  [FixedSchema, UniformSchema, TriangularSchema, PertSchema, NormalSchema, LognormalSchema, ExponentialSchema],
  { error: `must be a distribution with "dist" one of ${DISTRIBUTION_KINDS.join(', ')}` },
)
export type Distribution = z.infer<typeof DistributionSchema>

/** Refuses parameters that contradict each other (`min > mode`, `max < min`). */
function orderedParameters<K extends string>(keys: readonly K[]) {
  return (ctx: { value: Record<K, number>; issues: z.core.$ZodRawIssue[] }) => {
    for (let i = 1; i < keys.length; i++) {
      const lower = keys[i - 1] as K
      const upper = keys[i] as K
      if (ctx.value[lower] > ctx.value[upper]) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          path: [upper],
          message: `must not be below ${lower} (${ctx.value[upper]} < ${ctx.value[lower]})`,
        })
      }
    }
  }
}

export const CalendarSchema = z
  .strictObject({
    hoursPerDay: finite().gt(0, { error: 'must be above 0' }).max(24, { error: 'must be at most 24' }),
    daysPerWeek: count(1).max(7, { error: 'must be at most 7' }),
    dayStartsAt: nonNegative().lt(24, { error: 'must be below 24' }),
  })
  .check((ctx) => {
    if (ctx.value.dayStartsAt + ctx.value.hoursPerDay > 24) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['hoursPerDay'],
        message: `a working day starting at ${ctx.value.dayStartsAt} o'clock cannot last ${ctx.value.hoursPerDay} hours`,
      })
    }
  })
export type Calendar = z.infer<typeof CalendarSchema>

/** A pool of identical people who do the work of the steps they own. */
export const RoleSchema = z.strictObject({
  id: id(),
  name: text(),
  /** How many people can work on this role's steps at once. */
  headcount: count(1),
  /** In the document's currency; absent = cost not reported. */
  costPerHour: nonNegative().optional(),
})
export type Role = z.infer<typeof RoleSchema>

/** A swimlane, drawn as a band in array order. */
export const LaneSchema = z.strictObject({
  id: id(),
  name: text(),
  roleId: id().optional(),
  /** Band height in pixels. */
  height: finite().gt(0, { error: 'must be above 0' }).optional(),
})
export type Lane = z.infer<typeof LaneSchema>

export const PointSchema = z.strictObject({ x: finite(), y: finite() })
export type Point = z.infer<typeof PointSchema>

export const SizeSchema = z.strictObject({ width: nonNegative(), height: nonNegative() })
export type Size = z.infer<typeof SizeSchema>

export const ResourcesSchema = z.strictObject({
  /** People of the owner role the step holds at once (default 1). */
  people: count(0).optional(),
  tools: list(text()).optional(),
  materials: list(text()).optional(),
  budget: nonNegative().optional(),
})
export type Resources = z.infer<typeof ResourcesSchema>

export const QualityControlSchema = z.strictObject({
  standard: text().min(1, { error: 'must not be empty' }),
  measure: text().optional(),
  metric: text().optional(),
  target: text().optional(),
})
export type QualityControl = z.infer<typeof QualityControlSchema>

export const TimeoutSchema = z.strictObject({
  /** Time since the case's arrival at the step, on this duration's clock. */
  after: DurationSchema,
  /** An outgoing edge of the same node, used for nothing but this timeout. */
  edgeId: id(),
})
export type Timeout = z.infer<typeof TimeoutSchema>

export const NODE_KINDS = [
  'start',
  'end',
  'task',
  'decision',
  'parallel',
  'approval',
  'wait',
  'subprocess',
  'note',
] as const
export const NodeKindSchema = z.enum(NODE_KINDS, { error: `must be one of ${NODE_KINDS.join(', ')}` })
export type NodeKind = z.infer<typeof NodeKindSchema>

const label = () =>
  text().max(LIMITS.maxLabelLength, {
    error: (i) =>
      `is ${String((i.input as string).length)} characters long; at most ${LIMITS.maxLabelLength} are allowed`,
  })

export const NodeSchema = z.strictObject({
  id: id(),
  kind: NodeKindSchema,
  /** Plain text, never interpreted as HTML. */
  label: label(),
  description: text().optional(),
  /** Top-left corner on the canvas, in pixels; may be negative. */
  position: PointSchema,
  size: SizeSchema.optional(),
  color: text()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour written #rrggbb' })
    .optional(),
  laneId: id().optional(),
  /** Role id of the person responsible. */
  owner: id().optional(),
  steps: list(text()).optional(),
  /** The step's time standard (SLA), counted on its own clock from the case's arrival. */
  timeLimit: DurationSchema.optional(),
  duration: DistributionSchema.optional(),
  timeout: TimeoutSchema.optional(),
  resources: ResourcesSchema.optional(),
  qualityControls: list(QualityControlSchema).optional(),
  /** Approval nodes: role ids that sign off, in order. */
  approvers: list(id()).optional(),
  /** End nodes: e.g. `won`, `lost`. */
  outcome: text().optional(),
  /** Start nodes: time between new cases (overrides `simulation.arrivals`). */
  arrivals: DistributionSchema.optional(),
  tags: list(text()).optional(),
  why: text().optional(),
  how: text().optional(),
})
export type FlowNode = z.infer<typeof NodeSchema>

export const EdgeSchema = z.strictObject({
  id: id(),
  source: id(),
  target: id(),
  label: label().optional(),
  /** Share (0–1) of cases leaving the source through this edge; siblings sum to 1. */
  probability: probability().optional(),
  condition: text().optional(),
  /** Bend points, in order. */
  points: list(PointSchema).optional(),
})
export type FlowEdge = z.infer<typeof EdgeSchema>

export const SimulationSchema = z.strictObject({
  arrivals: DistributionSchema.optional(),
  cases: count(1).optional(),
  seed: finite().int({ error: 'must be a whole number' }).optional(),
  warmupCases: count(0).optional(),
})
export type Simulation = z.infer<typeof SimulationSchema>

/** The document's own keys; top-level keys starting with `x-` are extensions kept as they are. */
export const DocumentSchema = z.strictObject({
  format: z.literal('flowlane', { error: 'must be "flowlane"' }),
  version: count(1),
  id: id(),
  name: text(),
  description: text().optional(),
  locale: text().optional(),
  currency: text()
    .regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as CNY or USD' })
    .optional(),
  calendar: CalendarSchema.optional(),
  roles: list(RoleSchema),
  lanes: list(LaneSchema),
  nodes: list(NodeSchema).max(LIMITS.maxNodes, {
    error: (i) => `has ${String((i.input as unknown[]).length)} nodes; at most ${LIMITS.maxNodes} are supported`,
  }),
  edges: list(EdgeSchema).max(LIMITS.maxEdges, {
    error: (i) => `has ${String((i.input as unknown[]).length)} edges; at most ${LIMITS.maxEdges} are supported`,
  }),
  simulation: SimulationSchema.optional(),
})

/** Extension keys (`x-…`) hold any JSON and survive a round trip untouched. */
export type Extensions = { [key: `x-${string}`]: unknown }
export type FlowDocument = z.infer<typeof DocumentSchema> & Extensions
