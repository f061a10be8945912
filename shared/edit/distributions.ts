/** Editing distributions field by field without ever holding one the file format refuses. */
import { DistributionSchema, type Distribution, type TimeUnit } from '../document/schema.js'

export type DistributionKind = Distribution['dist']

/** The parameters each distribution takes, in the order people think of them. */
export const DISTRIBUTION_PARAMETERS: Readonly<Record<DistributionKind, readonly string[]>> = {
  fixed: ['value'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['mean', 'sd'],
  exponential: ['mean'],
}

/** The value a distribution centres on, to carry over when its kind changes. */
export function typicalValue(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value
    case 'uniform':
      return (d.min + d.max) / 2
    case 'triangular':
    case 'pert':
      return d.mode
    case 'normal':
    case 'lognormal':
    case 'exponential':
      return d.mean
  }
}

/** Converts a distribution to another kind, keeping its typical value (1 when there was none). */
export function convertDistribution(
  d: Distribution | undefined,
  dist: DistributionKind,
  unit: TimeUnit = d?.unit ?? 'hour',
): Distribution {
  const typical = d === undefined ? 1 : typicalValue(d)
  const round = (v: number) => Math.round(v * 1000) / 1000
  switch (dist) {
    case 'fixed':
      return { dist, value: typical, unit }
    case 'uniform':
      return { dist, min: round(typical / 2), max: round(typical * 1.5), unit }
    case 'triangular':
    case 'pert':
      return { dist, min: round(typical / 2), mode: typical, max: round(typical * 2), unit }
    case 'normal':
    case 'lognormal':
      return { dist, mean: typical, sd: round(typical / 4), unit }
    case 'exponential':
      return { dist, mean: typical, unit }
  }
}

/**
 * The distribution with one parameter changed, or undefined when the file format would
 * refuse it (a negative value, `min > mode`, `mode > max`, a lognormal with mean 0 and sd > 0).
 */
export function withParameter(d: Distribution, parameter: string, value: number): Distribution | undefined {
  if (!DISTRIBUTION_PARAMETERS[d.dist].includes(parameter)) return undefined
  const next = { ...d, [parameter]: value }
  return DistributionSchema.safeParse(next).success ? next : undefined
}

/** The range the native number input hints at for one parameter (the neighbours bound ordered ones). */
export function parameterRange(d: Distribution, parameter: string): { min: number; max?: number } {
  const values = d as unknown as Record<string, number>
  const params = DISTRIBUTION_PARAMETERS[d.dist]
  const ordered = d.dist === 'uniform' || d.dist === 'triangular' || d.dist === 'pert'
  const i = params.indexOf(parameter)
  if (!ordered || i < 0) return { min: 0 }
  const below = i > 0 ? values[params[i - 1]!] : undefined
  const above = i < params.length - 1 ? values[params[i + 1]!] : undefined
  return { min: below ?? 0, ...(above === undefined ? {} : { max: above }) }
}

/** "triangular 1 / 2 / 4 hour", for hints. */
export function describeDistribution(d: Distribution): string {
  const values = d as unknown as Record<string, number>
  return `${d.dist} ${DISTRIBUTION_PARAMETERS[d.dist].map((p) => `${p} ${values[p]}`).join(', ')} ${d.unit}`
}
