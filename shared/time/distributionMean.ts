import type { Distribution } from '../document/schema.js'

/** Standard normal density and distribution function (Abramowitz–Stegun 7.1.26 for erf). */
function phi(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)
}
function bigPhi(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2)
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2)
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y)
}

/**
 * The mean of a distribution in its own unit. `normal` is redrawn while negative
 * (file-format.md), so its mean is that of the normal truncated at zero.
 */
export function distributionMean(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value
    case 'uniform':
      return (d.min + d.max) / 2
    case 'triangular':
      return (d.min + d.mode + d.max) / 3
    case 'pert':
      return (d.min + 4 * d.mode + d.max) / 6
    case 'normal': {
      if (d.sd === 0) return d.mean
      const alpha = -d.mean / d.sd
      return d.mean + (d.sd * phi(alpha)) / (1 - bigPhi(alpha))
    }
    case 'lognormal':
    case 'exponential':
      return d.mean
  }
}
