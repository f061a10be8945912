/**
 * The walkthrough's PDF pages (shared/formats/walkthrough): one self-contained SVG per step,
 * in walk order, each with the step spotlit on the flow and its card.
 */
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { buildHandbook, stepsInFlowOrder } from '../../../../shared/formats/handbook/handbookModel.js'
import { HIGH_CONTRAST_THEME } from '../../../../shared/formats/svg/theme.js'
import { PAGE, SPOT_PAD, walkthroughPages } from '../../../../shared/formats/walkthrough/walkthroughPages.js'
import { fitView, laneIndexOf, viewAround } from '../../../../shared/formats/walkthrough/walkthroughView.js'
import { laneBands, nodeBox } from '../../../../shared/geometry/index.js'
import { flowWith, validFlow } from '../../../support/flows.js'
import { loadTemplate, templateFiles } from '../../../support/templates.js'

const { DOMParser } = new JSDOM().window

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
  expect(doc.querySelector('parsererror')).toBeNull()
  return doc
}

const template = (id: string, locale = 'en') =>
  loadTemplate(templateFiles().find((f) => f.id === id && f.locale === locale)!)

describe('walkthroughPages', () => {
  it('makes one 16:9 page per step, in the order the walkthrough walks them', () => {
    const doc = template('b2b-pipeline')
    const pages = walkthroughPages(doc)
    const order = stepsInFlowOrder(doc)
    expect(pages).toHaveLength(order.length)
    pages.forEach((page, i) => {
      const svg = parse(page).documentElement
      expect(svg.getAttribute('width')).toBe(String(PAGE.width))
      expect(svg.getAttribute('height')).toBe(String(PAGE.height))
      expect(svg.querySelector('title')!.textContent).toBe(`${doc.name} — ${order[i]!.label}`)
    })
  })

  it('spotlights the page’s step on the flow, drawn in the projector theme', () => {
    const doc = validFlow()
    const pages = walkthroughPages(doc)
    const step = stepsInFlowOrder(doc)[1]!
    const page = parse(pages[1]!)
    const box = nodeBox(step)
    const spots = [...page.querySelectorAll('rect[rx="10"][fill="none"]')]
    expect(spots.map((r) => Number(r.getAttribute('x')))).toContain(box.x - SPOT_PAD)
    expect(page.querySelector(`g.node[data-node="${step.id}"]`)).not.toBeNull()
    // the projector palette's lanes, with their numbers
    expect(page.querySelector('g.lane rect')!.getAttribute('fill')).toBe(HIGH_CONTRAST_THEME.lanePalette![0]!.tint)
    // the dimming leaves a hole where the step is
    expect(page.querySelector('path[fill-rule="evenodd"]')).not.toBeNull()
  })

  it('writes the card: owner, time limit, work, resources and quality controls', () => {
    const doc = validFlow()
    const index = stepsInFlowOrder(doc).findIndex((n) => n.id === 'qualify')
    const step = buildHandbook(doc).steps[index]!
    const text = [...parse(walkthroughPages(doc)[index]!).querySelectorAll('svg > text')].map((t) => t.textContent)
    expect(text).toContain(`Step ${index + 1} / ${stepsInFlowOrder(doc).length} · Task`)
    expect(text).toContain('Qualify')
    for (const word of ['Lane', 'Owner', 'Time limit', 'Work time', 'Resources', 'Quality controls']) {
      expect(text).toContain(word)
    }
    expect(text).toContain('1 · Sales')
    expect(text).toContain(step.owner)
    expect(text).toContain(step.timeLimit)
    expect(text.join(' ')).toContain('BANT checklist complete')
  })

  it('takes the words it is given, and the document’s language otherwise', () => {
    const zh = walkthroughPages(template('b2b-pipeline', 'zh-CN'))[1]!
    expect(zh).toContain('负责人')
    const given = walkthroughPages(validFlow(), {
      text: {
        count: '#{{number}}/{{total}} {{kind}}',
        lane: 'L',
        owner: 'O',
        timeLimit: 'T',
        work: 'W',
        resources: 'R',
        qualityControls: 'Q',
      },
    })[1]!
    expect(given).toContain('>#2/6 Task<')
  })

  it('keeps hostile labels as text', () => {
    const doc = flowWith((d) => {
      d.nodes[1]!.label = '</text><script>alert(1)</script>'
      d.name = '"><svg onload=alert(1)>'
    })
    for (const page of walkthroughPages(doc)) {
      const svg = parse(page)
      expect(svg.querySelectorAll('script, foreignObject')).toHaveLength(0)
      for (const element of svg.querySelectorAll('*')) {
        expect(element.getAttributeNames().filter((a) => a.startsWith('on'))).toEqual([])
      }
      expect(page).not.toMatch(/<script/i)
    }
  })

  it('shows the whole flow when it fits legibly, else the part around the step', () => {
    const small = parse(walkthroughPages(validFlow())[0]!)
    const large = template('lead-to-cash')
    const last = stepsInFlowOrder(large).length - 1
    const page = parse(walkthroughPages(large)[last]!)
    const nested = (doc: Document) => doc.querySelector('svg > svg')!.getAttribute('viewBox')!.split(' ').map(Number)
    const [, , smallWidth] = nested(small)
    const [x, , width] = nested(page)
    expect(smallWidth).toBeGreaterThan(900)
    // the last step of a long flow: the view has moved along, not squeezed the flow
    expect(width).toBeLessThan(1000)
    expect(x).toBeGreaterThan(1000)
  })
})

describe('walkthrough views', () => {
  it('centres a view on a point, kept within bounds where the bounds are larger', () => {
    expect(viewAround({ x: 100, y: 100 }, { width: 200, height: 100 }, 2)).toEqual({
      x: 50,
      y: 75,
      width: 100,
      height: 50,
    })
    const bounds = { x: 0, y: 0, width: 1000, height: 1000 }
    expect(viewAround({ x: 10, y: 990 }, { width: 200, height: 100 }, 1, bounds)).toEqual({
      x: 0,
      y: 900,
      width: 200,
      height: 100,
    })
  })

  it('fits a box, within the scale limits, keeping the focus in view when it cannot fit', () => {
    const box = { x: 0, y: 0, width: 400, height: 100 }
    expect(fitView(box, { width: 800, height: 400 }).scale).toBe(2)
    expect(fitView(box, { width: 800, height: 400 }, { maxScale: 1.5 }).scale).toBe(1.5)
    const part = fitView(box, { width: 100, height: 100 }, { minScale: 1, focus: { x: 380, y: 50 } })
    expect(part.scale).toBe(1)
    expect(part.view).toEqual({ x: 300, y: 0, width: 100, height: 100 })
  })

  it('finds a step’s lane by its laneId, else by where it lies', () => {
    const doc = validFlow()
    const bands = laneBands(doc)
    expect(
      laneIndexOf(
        doc.nodes.find((n) => n.id === 'approve')!,
        bands,
      ),
    ).toBe(1)
    const loose = { ...doc.nodes[0]!, laneId: undefined, position: { x: 0, y: 250 } }
    expect(laneIndexOf(loose, bands)).toBe(1)
  })
})
