import { describe, expect, it } from 'vitest'
import { parseIsoDuration, toIsoDuration } from '../../../../shared/formats/bpmn/index.js'

const calendar = { hoursPerDay: 8, daysPerWeek: 5, dayStartsAt: 9 }

describe('ISO-8601 durations', () => {
  it.each([
    [{ value: 30, unit: 'minute' }, 'PT30M'],
    [{ value: 1.5, unit: 'hour' }, 'PT1.5H'],
    [{ value: 2, unit: 'day' }, 'P2D'],
    [{ value: 1, unit: 'week' }, 'P1W'],
    [{ value: 2, unit: 'workday' }, 'P2D'],
    [{ value: 1 / 3, unit: 'day' }, 'P0.333333D'],
  ] as const)('writes %j as %s', (duration, iso) => {
    expect(toIsoDuration(duration, calendar)).toBe(iso)
  })

  it('writes a workday without a calendar as its 8 hours', () => {
    expect(toIsoDuration({ value: 2, unit: 'workday' }, undefined)).toBe('PT16H')
  })

  it.each([
    ['PT30M', { value: 30, unit: 'minute' }],
    ['PT4H', { value: 4, unit: 'hour' }],
    ['PT1H30M', { value: 90, unit: 'minute' }],
    ['PT1.5H', { value: 1.5, unit: 'hour' }],
    ['P2D', { value: 2, unit: 'day' }],
    ['P1W', { value: 1, unit: 'week' }],
    ['P1DT12H', { value: 1.5, unit: 'day' }],
    ['PT90S', { value: 1.5, unit: 'minute' }],
  ] as const)('reads %s', (iso, expected) => {
    expect(parseIsoDuration(iso)).toMatchObject(expected)
  })

  it('counts years and months approximately and says so', () => {
    expect(parseIsoDuration('P1M')).toEqual({ value: 30, unit: 'day', approximate: true })
  })

  it.each(['R/PT1H', '${timeout}', 'P', 'PT', '2024-01-01T00:00:00Z', ''])('refuses %j', (text) => {
    expect(parseIsoDuration(text)).toBeUndefined()
  })
})
