import { describe, expect, it } from 'vitest'
import { findCjkFont } from '../../../main/export/findCjkFont.js'
import { renderPdf } from '../../../main/export/toPdf.js'
import { renderPng } from '../../../main/export/toPng.js'
import { toSvg } from '../../../shared/formats/svg/toSvg.js'
import { walkthroughPages } from '../../../shared/formats/walkthrough/walkthroughPages.js'
import { flowWith } from '../../support/flows.js'

const withLabel = (label: string) =>
  toSvg(
    flowWith((d) => {
      d.nodes[1]!.label = label
    }),
  )

describe('findCjkFont', () => {
  it('finds a font with Chinese characters on this machine (CI installs fonts-noto-cjk)', () => {
    expect(findCjkFont()).toBeDefined()
  })

  it('prefers an explicitly named font, and reports none when it is missing', () => {
    expect(findCjkFont({ FLOWLANE_CJK_FONT: '/fonts/x.ttf' }, (p) => p === '/fonts/x.ttf')).toEqual({
      path: '/fonts/x.ttf',
    })
    expect(findCjkFont({ FLOWLANE_CJK_FONT: '/fonts/x.ttf' }, () => false)).toBeUndefined()
    expect(findCjkFont({}, () => false)).toBeUndefined()
  })
})

describe('renderPng', () => {
  it('writes a PNG at twice the drawing’s size', () => {
    const { png, warnings } = renderPng(withLabel('Qualify'))
    expect(warnings).toEqual([])
    expect(Buffer.from(png.subarray(0, 8))).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    const svgWidth = Number(/width="([\d.]+)"/.exec(withLabel('Qualify'))![1])
    expect(Buffer.from(png).readUInt32BE(16)).toBe(Math.round(svgWidth * 2))
  })

  it('draws Chinese glyphs, not empty boxes: two different labels give different pictures', () => {
    // Missing glyphs would all render as the same placeholder box.
    const a = renderPng(withLabel('报价准备')).png
    const b = renderPng(withLabel('合同签订')).png
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false)
  })
})

describe('renderPdf', () => {
  it('writes a one-page vector PDF with the CJK font embedded as a subset', async () => {
    const { pdf, warnings } = await renderPdf(withLabel('报价准备'), { title: '报价流程' })
    const text = Buffer.from(pdf).toString('latin1')
    expect(warnings).toEqual([])
    expect(text.startsWith('%PDF-')).toBe(true)
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1)
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+/)
    expect(text).not.toMatch(/\/Subtype \/Image/)
  })

  it('writes a page per SVG, each the size of its SVG: the walkthrough', async () => {
    const pages = walkthroughPages(flowWith(() => undefined))
    const { pdf } = await renderPdf(pages, { title: 'Walkthrough' })
    const text = Buffer.from(pdf).toString('latin1')
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(pages.length)
    expect(text).toContain('/MediaBox [0 0 1200 675]')
    expect(text).not.toMatch(/\/Subtype \/Image/)
  })
})
