/** Median of several timed runs after a warm-up; prints one line and returns the median (ms). */
export function measure(name: string, runs: number, work: () => void): number {
  work()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    work()
    times.push(performance.now() - start)
  }
  const sorted = [...times].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  console.log(
    `${name.padEnd(52)} median ${median.toFixed(1).padStart(8)} ms  (min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}, ${runs} runs)`,
  )
  return median
}
