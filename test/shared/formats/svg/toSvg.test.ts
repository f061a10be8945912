import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { toSvg } from '../../../../shared/formats/svg/toSvg.js'
import { flowWith, validFlow } from '../../../support/flows.js'
import { loadTemplate, templateFiles } from '../../../support/templates.js'

const { DOMParser } = new JSDOM().window

function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
  expect(doc.querySelector('parsererror')).toBeNull()
  return doc
}

const HOSTILE = [
  '</text><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  'bad\u0001control\uD800char',
]

describe('toSvg', () => {
  it('draws every step, edge and lane of a flow as well-formed SVG', () => {
    const svg = parseSvg(toSvg(validFlow()))
    expect(svg.querySelectorAll('g.node')).toHaveLength(6)
    expect(svg.querySelectorAll('g.edge')).toHaveLength(6)
    expect(svg.querySelectorAll('g.lane')).toHaveLength(2)
    expect(svg.querySelector('g[data-node="approve"] polygon')).not.toBeNull()
  })

  it('shows edge labels with their probability, and badges on steps', () => {
    const text = parseSvg(toSvg(validFlow())).documentElement.textContent
    expect(text).toContain('approved · 90%')
    expect(text).toContain('≤ 1 workday')
    expect(text).toContain('Sales rep')
  })

  it('keeps hostile labels as text: no script, no handler, no link, no illegal XML', () => {
    const doc = flowWith((d) => {
      HOSTILE.forEach((label, i) => (d.nodes[i]!.label = label))
      d.edges[0]!.label = '<script>alert(2)</script>'
      d.name = '</title><script>alert(3)</script>'
    })
    const out = toSvg(doc)
    const svg = parseSvg(out)
    expect(svg.querySelectorAll('script, foreignObject, a, image, iframe')).toHaveLength(0)
    for (const element of svg.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        expect(attribute.startsWith('on') || attribute.endsWith('href'), attribute).toBe(false)
        expect(element.getAttribute(attribute)).not.toMatch(/javascript:/i)
      }
    }
    expect(out).not.toMatch(/<script|<a\b/i)
    expect(svg.documentElement.textContent).toContain('</text><script>alert(1)</script>'.slice(0, 12))
    expect(out).not.toContain('\u0001')
  })

  it('refers to no external resource', () => {
    const out = toSvg(loadTemplate(templateFiles().find((f) => f.id === 'b2b-pipeline' && f.locale === 'zh-CN')!))
    expect(out).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/)
    expect(out).toContain('Noto Sans CJK SC')
  })

  it('orients arrowheads with orient="auto", which resvg and svg-to-pdfkit both honour', () => {
    // "auto-start-reverse" is ignored by resvg: arrows into a step from above pointed sideways.
    expect(toSvg(validFlow())).toContain('orient="auto"')
  })

  it('is the same every time', () => {
    expect(toSvg(validFlow())).toBe(toSvg(validFlow()))
  })
})
