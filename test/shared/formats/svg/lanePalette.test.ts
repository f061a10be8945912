/**
 * The projector theme's lane palette (Okabe–Ito): neighbouring lanes look different with
 * normal vision and with each kind of dichromacy, their text meets WCAG AA, and colour is
 * never the only cue — each lane also has its number and a dash pattern of its own.
 */
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { toSvg } from '../../../../shared/formats/svg/toSvg.js'
import {
  DARK_THEME,
  HIGH_CONTRAST_THEME,
  laneColors,
  laneTitle,
  LIGHT_THEME,
  OKABE_ITO_LANES,
} from '../../../../shared/formats/svg/theme.js'
import { contrast, deltaE, type Vision } from '../../../support/colour.js'
import { loadTemplate, templateFiles } from '../../../support/templates.js'

const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia']
const palette = HIGH_CONTRAST_THEME.lanePalette!
/** Each lane with the next, the last with the first (the palette cycles past seven lanes). */
const neighbours = palette.map((lane, i) => [lane, palette[(i + 1) % palette.length]!] as const)

describe('the projector theme’s lane palette', () => {
  it('is the Okabe–Ito palette without black', () => {
    expect(palette).toBe(OKABE_ITO_LANES)
    expect(palette.map((l) => l.color).sort()).toEqual(
      ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'].sort(),
    )
  })

  it.each(VISIONS)('keeps neighbouring lane headers far apart with %s (ΔE*ab ≥ 20)', (vision) => {
    for (const [a, b] of neighbours)
      expect(deltaE(a.color, b.color, vision), `${a.name} / ${b.name}`).toBeGreaterThan(20)
  })

  it.each(VISIONS)('keeps neighbouring lane bands visibly different with %s (ΔE*ab ≥ 5)', (vision) => {
    for (const [a, b] of neighbours) expect(deltaE(a.tint, b.tint, vision), `${a.name} / ${b.name}`).toBeGreaterThan(5)
  })

  it('gives header text at least 4.5:1 and band text and edges their WCAG minimums', () => {
    for (const lane of palette) {
      expect(contrast(lane.text, lane.color), lane.name).toBeGreaterThanOrEqual(4.5)
      expect(contrast(HIGH_CONTRAST_THEME.text, lane.tint), lane.name).toBeGreaterThanOrEqual(4.5)
      expect(contrast(HIGH_CONTRAST_THEME.edge, lane.tint), lane.name).toBeGreaterThanOrEqual(3)
    }
  })

  it('tells lanes apart without colour: a dash pattern each, and the lane’s number in its title', () => {
    expect(new Set(palette.map((l) => l.dash)).size).toBe(palette.length)
    const colors = laneColors(HIGH_CONTRAST_THEME, 8)
    expect(colors.header).toBe(palette[1]!.color)
    expect(laneTitle({ name: 'Legal' }, colors)).toBe('9 · Legal')
  })

  it('leaves the light and dark themes alternating, without numbers', () => {
    for (const theme of [LIGHT_THEME, DARK_THEME]) {
      expect(laneColors(theme, 0)).toEqual({
        fill: theme.laneFills[0],
        header: theme.laneHeader,
        headerText: theme.text,
      })
      expect(laneColors(theme, 3).fill).toBe(theme.laneFills[1])
      expect(laneTitle({ name: 'Sales', roleName: 'Rep' }, laneColors(theme, 3))).toBe('Sales · Rep')
    }
  })

  it('draws each lane of a projector SVG in its colour, with its stripe and number', () => {
    const doc = loadTemplate(templateFiles().find((f) => f.id === 'b2b-pipeline' && f.locale === 'en')!)
    const svg = new JSDOM().window.document
    svg.body.innerHTML = toSvg(doc, { theme: HIGH_CONTRAST_THEME })
    const lanes = [...svg.querySelectorAll('g.lane')]
    expect(lanes).toHaveLength(doc.lanes.length)
    lanes.forEach((lane, i) => {
      const [band, header] = lane.querySelectorAll('rect')
      expect(band!.getAttribute('fill')).toBe(palette[i]!.tint)
      expect(header!.getAttribute('fill')).toBe(palette[i]!.color)
      expect(lane.querySelector('line')).not.toBeNull()
      expect(lane.querySelector('text')!.textContent).toMatch(new RegExp(`^${i + 1} · `))
    })
    // The light export is unchanged: no stripes, no numbers.
    svg.body.innerHTML = toSvg(doc)
    expect(svg.querySelectorAll('g.lane line')).toHaveLength(0)
    expect(svg.querySelector('g.lane text')!.textContent.startsWith(doc.lanes[0]!.name)).toBe(true)
  })
})
