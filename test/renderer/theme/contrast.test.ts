/**
 * WCAG AA for the themes: text at least 4.5:1 against what it is drawn on, outlines and
 * lines at least 3:1 (WCAG 1.4.11), for the canvas (shared/formats/svg/theme.ts) and for the
 * chrome's CSS variables (renderer/theme/themes.css over renderer/app/styles.css).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIAGRAM_THEMES, type DiagramTheme } from '../../../shared/formats/svg/theme.js'

/** Relative luminance of a #rrggbb colour (WCAG 2.x). */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`)
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h!, 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

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
