/**
 * ISO-8601 durations, the way BPMN timers (`timeDuration`) state them. Flowlane's working-clock
 * units have no ISO equivalent: a `workday` is written as the calendar day it takes to pass
 * (8 working hours without a calendar, where both clocks coincide); the exact value always
 * travels in our extension as well.
 */
import type { Calendar, Duration, TimeUnit } from '../../document/index.js'

/** Six significant digits, no exponent: ISO has no `1e-7`. */
function isoNumber(value: number): string {
  const rounded = Number(value.toPrecision(6))
  return Math.abs(rounded) < 1e-6 ? '0' : rounded.toFixed(6).replace(/\.?0+$/, '')
}

export function toIsoDuration(duration: Duration, calendar: Calendar | undefined): string {
  const v = duration.value
  switch (duration.unit) {
    case 'minute':
      return `PT${isoNumber(v)}M`
    case 'hour':
      return `PT${isoNumber(v)}H`
    case 'workday':
      return calendar === undefined ? `PT${isoNumber(v * 8)}H` : `P${isoNumber(v)}D`
    case 'day':
      return `P${isoNumber(v)}D`
    case 'week':
      return `P${isoNumber(v)}W`
  }
}

const ISO_DURATION =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/

export interface ParsedIsoDuration extends Duration {
  /** Years or months were counted as 365 and 30 days. */
  readonly approximate: boolean
}

/**
 * A duration in the largest Flowlane unit that states it exactly (weeks, days, hours,
 * minutes); `undefined` for anything that is not an ISO-8601 duration (expressions, cycles).
 */
export function parseIsoDuration(text: string | undefined): ParsedIsoDuration | undefined {
  const match = ISO_DURATION.exec((text ?? '').trim())
  if (!match || /^PT?$/.test((text ?? '').trim())) return undefined
  const n = (i: number): number => Number((match[i] ?? '0').replace(',', '.'))
  const [years, months, weeks, days, hours, minutes, seconds] = [1, 2, 3, 4, 5, 6, 7].map(n) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const approximate = years > 0 || months > 0
  const dateDays = years * 365 + months * 30 + weeks * 7 + days
  const timeMinutes = hours * 60 + minutes + seconds / 60
  const total = dateDays * 1440 + timeMinutes
  const clean = (value: number): number => Number(value.toPrecision(12))
  let unit: TimeUnit
  let value: number
  if (timeMinutes === 0 && dateDays > 0) {
    const onlyWeeks = weeks > 0 && years + months + days === 0
    unit = onlyWeeks ? 'week' : 'day'
    value = onlyWeeks ? weeks : dateDays
  } else if (dateDays > 0) {
    // Mixed date and time parts: elapsed days, so the clock stays the elapsed one.
    unit = 'day'
    value = total / 1440
  } else if (Number.isInteger(clean(timeMinutes / 60)) || minutes + seconds === 0) {
    unit = 'hour'
    value = timeMinutes / 60
  } else {
    unit = 'minute'
    value = timeMinutes
  }
  return { value: clean(value), unit, approximate }
}
