/**
 * The two clocks of file-format.md, walked exactly. Simulation time is elapsed hours from
 * the start of day 1 (a working day) at 00:00. `workedBy(t)` counts the working hours in
 * [0, t]; `instantAt(w)` is the earliest elapsed time by which `w` working hours have passed.
 * Work that reaches the end of a working day therefore ends at that day's closing time, and
 * work still to do resumes at the next day's opening time.
 */
import type { Calendar, TimeUnit } from '../document/schema.js'
import { clockOf, toClockHours } from '../time/clock.js'

/** Below 2⁵³ a double's last bit weighs at most 1, so subtracting whole hours from it is exact. */
const EXACT_HOURS = 2 ** 53

/** Below this many whole days a product with the reciprocal is within 1e-9 of the true quotient (`instantAt`). */
const FAST_QUOTIENT = 1e6

export class WorkingClock {
  /** True without a calendar: every hour is working time and both clocks coincide. */
  readonly always: boolean
  private readonly hoursPerDay: number
  private readonly daysPerWeek: number
  private readonly opens: number
  private readonly closes: number
  private readonly hoursPerWeek: number
  private readonly perDay: number
  /** Per hour of the week: working hours before it, and its working part as [from, to) in 0..1. */
  private readonly slotBefore = new Float64Array(168)
  private readonly slotFrom = new Float64Array(168)
  private readonly slotTo = new Float64Array(168)

  constructor(readonly calendar: Calendar | undefined) {
    this.always = calendar === undefined || (calendar.hoursPerDay >= 24 && calendar.daysPerWeek >= 7)
    this.hoursPerDay = calendar?.hoursPerDay ?? 24
    this.daysPerWeek = calendar?.daysPerWeek ?? 7
    this.opens = calendar?.dayStartsAt ?? 0
    this.closes = this.opens + this.hoursPerDay
    this.hoursPerWeek = this.hoursPerDay * this.daysPerWeek
    this.perDay = 1 / this.hoursPerDay
    let before = 0
    for (let slot = 0; slot < 168; slot++) {
      const day = Math.floor(slot / 24)
      const hour = slot - day * 24
      const from = day < this.daysPerWeek ? Math.min(Math.max(this.opens - hour, 0), 1) : 0
      const to = day < this.daysPerWeek ? Math.min(Math.max(this.closes - hour, 0), 1) : 0
      this.slotBefore[slot] = before
      this.slotFrom[slot] = from
      this.slotTo[slot] = Math.max(from, to)
      before += Math.max(0, to - from)
    }
  }

  /** Working hours in [0, t]. */
  workedBy(t: number): number {
    if (this.always) return t
    // One week is 168 hour slots; each slot's working part is [from, to) within the hour.
    // A product with 1/168 (faster than a division) finds the week or one beside it, which the
    // lines below correct; for 0 ≤ t < 2⁵³ every subtraction here is exact, so (week, r) come
    // out exactly as they would from a division.
    let week = t >= 0 && t < EXACT_HOURS ? Math.floor(t * (1 / 168)) : Math.floor(t / 168)
    let r = t - week * 168
    if (r >= 168) {
      week++
      r -= 168
    } else if (r < 0) {
      week--
      r += 168
    }
    const slot = r | 0
    const into = r - slot
    const from = this.slotFrom[slot]!
    const to = this.slotTo[slot]!
    // Clamped with min/max rather than branches: whether t falls in working hours is a coin flip.
    const part = Math.min(Math.max(into - from, 0), to - from)
    return week * this.hoursPerWeek + this.slotBefore[slot]! + part
  }

  /** The earliest elapsed time t with `workedBy(t) >= w` (0 for w ≤ 0). */
  instantAt(w: number): number {
    if (this.always) return w > 0 ? w : 0
    if (w <= 0) return 0
    // Whole working days in w, exactly: a product with the reciprocal instead of a division
    // (several times slower), keeping the division only where the two could round to different
    // sides of a whole number, within 1e-9 of one. Written out rather than as a helper: numbers
    // crossing a call V8 did not inline are boxed on the heap.
    const q = w * this.perDay
    let days = Math.floor(q)
    const fraction = q - days
    if (!(fraction > 1e-9 && fraction < 1 - 1e-9 && q < FAST_QUOTIENT)) days = Math.floor(w / this.hoursPerDay)
    const within = w - days * this.hoursPerDay
    const week = Math.floor(days / this.daysPerWeek)
    const day = days - week * this.daysPerWeek
    if (within === 0) return this.closingBefore(week, day)
    return week * 168 + day * 24 + this.opens + within
  }

  /** The closing time of the working day before day `day` of week `week` (a rare case, kept apart from `instantAt`). */
  private closingBefore(week: number, day: number): number {
    if (day === 0) return (week - 1) * 168 + (this.daysPerWeek - 1) * 24 + this.opens + this.hoursPerDay
    return week * 168 + (day - 1) * 24 + this.opens + this.hoursPerDay
  }

  /** Elapsed time at which `hours` working hours starting at t have passed (work paused outside working hours). */
  addWorking(t: number, hours: number): number {
    if (this.always) return t + hours
    if (hours <= 0) return t
    const end = this.instantAt(this.workedBy(t) + hours)
    return end > t ? end : t
  }

  /** t plus a duration in its unit's own clock (file-format.md: the unit picks the clock). */
  addDuration(t: number, value: number, unit: TimeUnit): number {
    const hours = toClockHours(value, unit, this.calendar)
    return clockOf(unit) === 'working' ? this.addWorking(t, hours) : t + hours
  }
}
