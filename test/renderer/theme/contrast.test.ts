/**
 * WCAG AA for the themes: text at least 4.5:1 against what it is drawn on, outlines and
 * lines at least 3:1 (WCAG 1.4.11), for the canvas (shared/formats/svg/theme.ts) and for the
 * chrome's CSS variables (renderer/theme/themes.css over renderer/app/styles.css).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIAGRAM_THEMES, laneColors, type DiagramTheme } from '../../../shared/formats/svg/theme.js'
import { contrast } from '../../support/colour.js'

describe('contrast()', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5)
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
  })
})

function canvasPairs(theme: DiagramTheme): [string, string, string, number][] {
  const pairs: [string, string, string, number][] = []
  const fills: [string, { fill: string; stroke: string }][] = [
    ...Object.entries(theme.kinds),
    ['won', theme.won],
    ['lost', theme.lost],
  ]
  for (const [name, colors] of fills) {
    pairs.push([`label on ${name}`, theme.text, colors.fill, 4.5])
    pairs.push([`${name} outline on background`, colors.stroke, theme.background, 3])
  }
  pairs.push(['badge text', theme.badge.text, theme.badge.fill, 4.5])
  pairs.push(['edge label', theme.mutedText, theme.edgeLabelBackground, 4.5])
  pairs.push(['edge on background', theme.edge, theme.background, 3])
  for (const fill of theme.laneFills) {
    pairs.push(['edge on lane', theme.edge, fill, 3])
    pairs.push(['lane title', theme.text, theme.laneHeader, 4.5])
  }
  for (let i = 0; i < (theme.lanePalette?.length ?? 0); i++) {
    const lane = laneColors(theme, i)
    pairs.push([`edge on lane ${i + 1}`, theme.edge, lane.fill, 3])
    pairs.push([`label on lane ${i + 1}`, theme.text, lane.fill, 4.5])
    pairs.push([`lane ${i + 1} title`, lane.headerText, lane.header, 4.5])
  }
  if (theme.selection) pairs.push(['selection on background', theme.selection, theme.background, 3])
  if (theme.error) pairs.push(['error edge on background', theme.error, theme.background, 3])
  return pairs
}

describe.each(Object.entries(DIAGRAM_THEMES))('canvas theme %s', (_, theme) => {
  it.each(canvasPairs(theme))('%s: %s on %s ≥ %d', (_name, fg, bg, min) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(min)
  })
})

/** The custom properties a CSS block sets. */
function variables(css: string, selector: RegExp): Record<string, string> {
  const out: Record<string, string> = {}
  css = css.replace(/\/\*[\s\S]*?\*\//g, '')
  for (const block of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (!selector.test(block[1]!.trim())) continue
    for (const decl of block[2]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[decl[1]!] = decl[2]!.trim()
  }
  return out
}

const ROOT = join(import.meta.dirname, '../../..')
const base = variables(readFileSync(join(ROOT, 'renderer/app/styles.css'), 'utf8'), /^:root$/)
const themesCss = readFileSync(join(ROOT, 'renderer/theme/themes.css'), 'utf8')
const chrome = {
  light: { ...base, ...variables(themesCss, /data-theme='light'/) },
  dark: { ...base, ...variables(themesCss, /^:root\[data-theme='dark'\]$/) },
  'high-contrast': { ...base, ...variables(themesCss, /^:root\[data-theme='high-contrast'\]$/) },
}

const CHROME_TEXT: [string, string, number][] = [
  ['--text', '--panel', 4.5],
  ['--text', '--bg', 4.5],
  ['--text', '--panel-alt', 4.5],
  ['--text', '--subtle', 4.5],
  ['--text-soft', '--panel', 4.5],
  ['--muted', '--panel', 4.5],
  ['--link', '--panel', 4.5],
  ['--danger', '--panel', 4.5],
  ['--warn', '--panel', 4.5],
  ['--ok', '--panel', 4.5],
  ['--accent', '--panel', 3],
  ['--disabled', '--panel-alt', 3],
  ['--text', '--accent-soft', 4.5],
  ['--panel', '--danger', 4.5],
]

describe.each(Object.entries(chrome))('chrome theme %s', (_, vars) => {
  it.each(CHROME_TEXT)('%s on %s ≥ %d', (fg, bg, min) => {
    expect(vars[fg], fg).toMatch(/^#[0-9a-f]{6}$/i)
    expect(vars[bg], bg).toMatch(/^#[0-9a-f]{6}$/i)
    expect(contrast(vars[fg]!, vars[bg]!)).toBeGreaterThanOrEqual(min)
  })
})
