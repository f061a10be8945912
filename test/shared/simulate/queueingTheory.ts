/**
 * Closed forms the simulator is checked against (simulation.md, "How it is checked"):
 * M/M/c with Poisson arrivals λ, exponential work of rate μ and c people.
 */

/** Erlang C: the probability that an arriving case has to wait. */
export function erlangC(c: number, lambda: number, mu: number): number {
  const a = lambda / mu
  const rho = a / c
  let term = 1
  let sum = 1
  for (let k = 1; k < c; k++) {
    term *= a / k
    sum += term
  }
  const last = ((term * a) / c) * (1 / (1 - rho))
  return last / (sum + last)
}

export interface MmcFigures {
  readonly waitProbability: number
  /** Mean wait in the queue: C / (cμ − λ). */
  readonly meanWait: number
  /** Mean time in the system: Wq + 1/μ. */
  readonly meanTime: number
  /** λ / (cμ). */
  readonly utilization: number
  /** P(time in system > t). */
  readonly tail: (t: number) => number
}

export function mmc(c: number, lambda: number, mu: number): MmcFigures {
  const C = erlangC(c, lambda, mu)
  const theta = c * mu - lambda
  const meanWait = C / theta
  return {
    waitProbability: C,
    meanWait,
    meanTime: meanWait + 1 / mu,
    utilization: lambda / (c * mu),
    tail: (t) =>
      Math.abs(theta - mu) < 1e-12
        ? (1 - C + C * (1 + mu * t)) * Math.exp(-mu * t)
        : (1 - C) * Math.exp(-mu * t) + (C * (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t))) / (theta - mu),
  }
}
