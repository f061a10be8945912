import { describe, expect, it } from 'vitest'
import { formatPercent, splitProbability } from '../../../../shared/formats/mermaid/probability.js'

describe('splitProbability', () => {
  it.each([
    ['qualified · 70%', 'qualified', 0.7],
    ['70%', '', 0.7],
    ['yes (30%)', 'yes', 0.3],
    ['yes 40%', 'yes', 0.4],
    ['no, 0.6', 'no', 0.6],
    ['0.25', '', 0.25],
    ['通过 · 90%', '通过', 0.9],
    ['拒绝（10％）', '拒绝', 0.1],
    ['a · b · 33.3333%', 'a · b', 0.333333],
    ['odd · · 5%', 'odd ·', 0.05],
  ])('reads %j as %j and %d', (label, words, probability) => {
    expect(splitProbability(label)).toEqual({ label: words, probability })
  })

  it.each(['Top10%', 'yes', 'step 3', '150%', '2.5', 'ok 1'])('leaves %j alone', (label) => {
    expect(splitProbability(label)).toBeUndefined()
  })
})

describe('formatPercent', () => {
  it.each([
    [0.7, '70'],
    [0.05, '5'],
    [1 / 3, '33.3333333'],
    [0, '0'],
    [1, '100'],
  ])('writes %d as %s', (probability, text) => {
    expect(formatPercent(probability)).toBe(text)
  })

  it('reads back what it writes', () => {
    for (const p of [0.7, 0.1, 0.15, 0.333333, 0.9, 0.123456789, 1 / 7]) {
      expect(splitProbability(`x · ${formatPercent(p)}%`)?.probability).toBeCloseTo(p, 9)
    }
  })
})
