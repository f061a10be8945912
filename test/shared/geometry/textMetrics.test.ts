import { describe, expect, it } from 'vitest'
import { textWidth, wrapText } from '../../../shared/geometry/index.js'

describe('wrapText', () => {
  it('keeps a short label on one line', () => {
    expect(wrapText('Qualify lead', 180, 14)).toEqual(['Qualify lead'])
  })

  it('breaks English at spaces, never wider than the line', () => {
    const lines = wrapText('Prepare the quote and check margins with the pricing manager', 150, 14)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(150)
    expect(lines.join(' ')).toBe('Prepare the quote and check margins with the pricing manager')
  })

  it('breaks Chinese between any two characters', () => {
    const lines = wrapText('客户资格审查与客户信息收集', 70, 14)
    expect(lines).toEqual(['客户资格审', '查与客户信', '息收集'])
  })

  it('splits a word longer than the line by characters', () => {
    const lines = wrapText('Supercalifragilisticexpialidocious', 60, 14)
    expect(lines.join('')).toBe('Supercalifragilisticexpialidocious')
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(60)
  })

  it('keeps explicit line breaks and ends the last allowed line with an ellipsis', () => {
    expect(wrapText('One\nTwo\nThree', 200, 14)).toEqual(['One', 'Two', 'Three'])
    expect(wrapText('One\nTwo\nThree', 200, 14, 2)).toEqual(['One', 'Two…'])
  })
})
