/**
 * The cycle-time histogram of the in-process report (not in `simulate --json`, whose keys
 * cli.md fixes): completed cases counted in equal-width bins from 0 up to the longest cycle
 * time. The width is a power of two hours, the smallest that needs at most `HISTOGRAM_BINS`
 * bins, so that the bins of replications with different longest times nest inside each other
 * and merge exactly: one replication's bins are whole halves, quarters, … of another's.
 */

/** At most this many bins (at least half as many: the width is the next power of two). */
export const HISTOGRAM_BINS = 32

export interface CycleHistogram {
  /** Width of every bin, in hours. */
  readonly binHours: number
  /**
   * Cases whose cycle time t has i × binHours ≤ t < (i + 1) × binHours; the last bin holds
   * the longest. They add up to the completed cases.
   */
  readonly counts: readonly number[]
}

/** The bin width for durations from 0 to `max`: the smallest power of two with max ÷ width < HISTOGRAM_BINS. */
export function binWidth(max: number): number {
  if (!(max > 0)) return 1
  let width = 2 ** Math.ceil(Math.log2(max / HISTOGRAM_BINS))
  // Math.log2 may round either way near a power of two: settle on the exact one.
  while (max / width >= HISTOGRAM_BINS) width *= 2
  while (max / (width / 2) < HISTOGRAM_BINS) width /= 2
  return width
}

/** The histogram of durations ≥ 0 whose largest is `max`; null for none. */
export function histogramOf(values: Float64Array, max: number): CycleHistogram | null {
  if (values.length === 0) return null
  const binHours = binWidth(max)
  const counts = new Float64Array(Math.floor(max / binHours) + 1)
  countInto(counts, values, binHours)
  return { binHours, counts: Array.from(counts) }
}

/** Adds each value to its bin (division by a power of two is exact, so no value lands a bin off). */
function countInto(counts: Float64Array, values: Float64Array, binHours: number): void {
  for (let i = 0; i < values.length; i++) counts[Math.floor(values[i]! / binHours)]!++
}

/** One histogram of several replications': re-binned to the widest bins, counts added. */
export function mergeHistograms(parts: readonly (CycleHistogram | null)[]): CycleHistogram | null {
  const present = parts.filter((h): h is CycleHistogram => h !== null)
  if (present.length === 0) return null
  const binHours = Math.max(...present.map((h) => h.binHours))
  // Widths are powers of two: every bin of a narrower histogram lies inside one of the widest.
  const bins = Math.max(...present.map((h) => Math.floor((h.counts.length - 1) / (binHours / h.binHours)) + 1))
  const counts = new Array<number>(bins).fill(0)
  for (const h of present) {
    const ratio = binHours / h.binHours
    h.counts.forEach((count, i) => (counts[Math.floor(i / ratio)]! += count))
  }
  return { binHours, counts }
}
