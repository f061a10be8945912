/**
 * The distributions of file-format.md, compiled once into flat parameters in hours on their
 * unit's clock, and drawn a block at a time without allocating.
 */
import type { Calendar, Distribution } from '../document/schema.js'
import { clockOf, toClockHours } from '../time/clock.js'
import type { RandomStreams } from './random.js'

export const FIXED = 0
export const UNIFORM = 1
export const TRIANGULAR = 2
export const PERT = 3
export const NORMAL = 4
export const LOGNORMAL = 5
export const EXPONENTIAL = 6

/** Parameters per distribution in a flat table. */
export const STRIDE = 6

export interface CompiledDistribution {
  readonly kind: number
  /** `STRIDE` numbers, meaning per kind (see `compileDistribution`). */
  readonly params: readonly number[]
  /** True when the unit runs on the working clock. */
  readonly working: boolean
}

/** Beta-PERT's shape parameter λ (file-format.md). */
const PERT_LAMBDA = 4

function gammaConstants(shape: number): [number, number] {
  const d = shape - 1 / 3
  return [d, 1 / Math.sqrt(9 * d)]
}

export function compileDistribution(d: Distribution, calendar: Calendar | undefined): CompiledDistribution {
  const working = clockOf(d.unit) === 'working'
  const h = (value: number): number => toClockHours(value, d.unit, calendar)
  const fixed = (value: number): CompiledDistribution => ({ kind: FIXED, params: [value, 0, 0, 0, 0, 0], working })
  switch (d.dist) {
    case 'fixed':
      return fixed(h(d.value))
    case 'uniform':
      return { kind: UNIFORM, params: [h(d.min), h(d.max) - h(d.min), 0, 0, 0, 0], working }
    case 'triangular': {
      const [a, c, b] = [h(d.min), h(d.mode), h(d.max)]
      if (b <= a) return fixed(a)
      return { kind: TRIANGULAR, params: [a, b, (c - a) / (b - a), (b - a) * (c - a), (b - a) * (b - c), 0], working }
    }
    case 'pert': {
      const [a, c, b] = [h(d.min), h(d.mode), h(d.max)]
      if (b <= a) return fixed(a)
      const alpha = 1 + (PERT_LAMBDA * (c - a)) / (b - a)
      const beta = 1 + (PERT_LAMBDA * (b - c)) / (b - a)
      // Beta(α, β) as X/(X+Y) with X ~ Gamma(α), Y ~ Gamma(β); both shapes are in [1, 5].
      return { kind: PERT, params: [a, b - a, ...gammaConstants(alpha), ...gammaConstants(beta)], working }
    }
    case 'normal':
      if (d.sd === 0) return fixed(h(d.mean))
      return { kind: NORMAL, params: [h(d.mean), h(d.sd), 0, 0, 0, 0], working }
    case 'lognormal': {
      if (d.mean === 0 || d.sd === 0) return fixed(h(d.mean))
      // mean and sd are of the variable itself: σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
      const variance = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean))
      const mu = Math.log(h(d.mean)) - variance / 2
      return { kind: LOGNORMAL, params: [mu, Math.sqrt(variance), 0, 0, 0, 0], working }
    }
    case 'exponential':
      if (d.mean === 0) return fixed(0)
      return { kind: EXPONENTIAL, params: [h(d.mean), 0, 0, 0, 0, 0], working }
  }
}

/**
 * Draws `out[from ..< to]` from one distribution (`kind`, its parameters `p` at `o`) and stream
 * s, in hours on the distribution's clock. Blocks of any size give the same numbers in the same
 * order: the simulator draws each source's numbers ahead, a block at a time, so that taking
 * one is a table read and the samplers run hot in loops of their own.
 */
export function drawInto(
  rng: RandomStreams,
  s: number,
  kind: number,
  p: Float64Array,
  o: number,
  out: Float64Array,
  from: number,
  to: number,
): void {
  switch (kind) {
    case FIXED:
      out.fill(p[o]!, from, to)
      return
    case PERT:
      rng.pertInto(s, p, o, out, from, to)
      return
    case NORMAL:
    case LOGNORMAL:
      normalsInto(rng, s, kind, p, o, out, from, to)
      return
    default:
      // Uniform, triangular, exponential: one uniform each, shaped.
      rng.uniformsInto(s, out, from, to)
      shapeUniforms(kind, p, o, out, from, to)
  }
}

/** Normal draws, each redrawn while negative (file-format.md), or lognormal ones. */
function normalsInto(
  rng: RandomStreams,
  s: number,
  kind: number,
  p: Float64Array,
  o: number,
  out: Float64Array,
  from: number,
  to: number,
): void {
  const mean = p[o]!
  const sd = p[o + 1]!
  for (let i = from; i < to; i++) {
    if (kind === LOGNORMAL) out[i] = Math.exp(mean + sd * rng.normal(s))
    else {
      let x: number
      do x = mean + sd * rng.normal(s)
      while (x < 0)
      out[i] = x
    }
  }
}

/** Turns the uniforms in `out[from ..< to]` into draws of a distribution that takes one uniform a draw. */
function shapeUniforms(kind: number, p: Float64Array, o: number, out: Float64Array, from: number, to: number): void {
  const a = p[o]!
  const b = p[o + 1]!
  if (kind === UNIFORM) {
    for (let i = from; i < to; i++) out[i] = a + b * out[i]!
  } else if (kind === EXPONENTIAL) {
    for (let i = from; i < to; i++) out[i] = -a * Math.log(out[i]!)
  } else {
    const split = p[o + 2]!
    const rise = p[o + 3]!
    const fall = p[o + 4]!
    for (let i = from; i < to; i++) {
      const u = out[i]!
      // Both sides' roots, then the pick: which side is a coin flip a branch would often mispredict.
      const below = a + Math.sqrt(u * rise)
      const above = b - Math.sqrt((1 - u) * fall)
      out[i] = u < split ? below : above
    }
  }
}
