/**
 * The two clocks of file-format.md: `minute`, `hour` and `workday` run on the working clock
 * (only inside working hours), `day` and `week` on the elapsed clock (24 h, 168 h).
 * Without a calendar every hour is working time and the clocks coincide.
 */
import type { Calendar, Duration, TimeUnit } from '../document/schema.js'

export type Clock = 'working' | 'elapsed'

export function clockOf(unit: TimeUnit): Clock {
  return unit === 'day' || unit === 'week' ? 'elapsed' : 'working'
}

/** The 24/7 calendar a document without `calendar` has. */
export const ALWAYS_WORKING: Calendar = { hoursPerDay: 24, daysPerWeek: 7, dayStartsAt: 0 }

/** Working hours in one `workday`: `calendar.hoursPerDay`, or 8 without a calendar (file-format.md). */
export function hoursPerWorkday(calendar: Calendar | undefined): number {
  return calendar?.hoursPerDay ?? 8
}

/** Hours on the unit's own clock: working hours for working units, elapsed hours otherwise. */
export function toClockHours(value: number, unit: TimeUnit, calendar: Calendar | undefined): number {
  switch (unit) {
    case 'minute':
      return value / 60
    case 'hour':
      return value
    case 'workday':
      return value * hoursPerWorkday(calendar)
    case 'day':
      return value * 24
    case 'week':
      return value * 168
  }
}

/** Working hours per elapsed hour, on average over a week (1 without a calendar). */
export function workingShare(calendar: Calendar | undefined): number {
  return calendar ? (calendar.hoursPerDay * calendar.daysPerWeek) / 168 : 1
}

/**
 * An average conversion to working hours, for capacity and plausibility checks only:
 * elapsed spans are scaled by the working share of a week (simulation.md, "Capacity").
 * The simulator itself walks the calendar exactly.
 */
export function toAverageWorkingHours(value: number, unit: TimeUnit, calendar: Calendar | undefined): number {
  const hours = toClockHours(value, unit, calendar)
  return clockOf(unit) === 'working' ? hours : hours * workingShare(calendar)
}

export function durationToAverageWorkingHours(duration: Duration, calendar: Calendar | undefined): number {
  return toAverageWorkingHours(duration.value, duration.unit, calendar)
}
