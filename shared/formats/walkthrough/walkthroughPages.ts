/**
 * The walkthrough as pages, one per step in flow order, each a self-contained SVG slide:
 * the flow in the projector theme with the step spotlit and the rest dimmed, beside a card
 * with its owner, time limit, work, resources and quality controls. The desktop and the CLI
 * draw these into a PDF (main/export/toPdf.ts); a browser prints them.
 */
import type { FlowDocument } from '../../document/schema.js'
import { diagramBounds, FONT_FAMILY, laneBands, nodeBox, wrapText, type Box } from '../../geometry/index.js'
import { buildHandbook, type HandbookStep } from '../handbook/handbookModel.js'
import { handbookText } from '../handbook/handbookText.js'
import { HIGH_CONTRAST_THEME, type DiagramTheme } from '../svg/theme.js'
import { toSvg } from '../svg/toSvg.js'
import { num, xmlText } from '../svg/xml.js'
import { fitView, grow, laneIndexOf } from './walkthroughView.js'

/** The words on a page; the app passes its UI language, the CLI the document's. */
export interface WalkthroughText {
  /** `{{number}}`, `{{total}}` and `{{kind}}` are filled in. */
  readonly count: string
  readonly lane: string
  readonly owner: string
  readonly timeLimit: string
  readonly work: string
  readonly resources: string
  readonly qualityControls: string
}

export interface WalkthroughPageOptions {
  readonly text?: WalkthroughText
  /** The drawing's theme; the projector theme by default, as in the walkthrough itself. */
  readonly theme?: DiagramTheme
}

/** A 16:9 slide, in CSS pixels (1200 × 675 pt in a PDF). */
export const PAGE = { width: 1600, height: 900 } as const

/** Where the diagram and the card sit on the page. */
const MARGIN = 32
const DIAGRAM: Box = { x: MARGIN, y: MARGIN, width: 1000, height: PAGE.height - 2 * MARGIN }
const CARD: Box = {
  x: DIAGRAM.x + DIAGRAM.width + 32,
  y: MARGIN,
  width: PAGE.width - (DIAGRAM.x + DIAGRAM.width + 32) - MARGIN,
  height: PAGE.height - 2 * MARGIN,
}
/** Below this a label of the drawing is too small to read on paper: show part of the flow instead. */
const MIN_SCALE = 1.1
const MAX_SCALE = 2
/** Room around the spotlit step, as on screen. */
export const SPOT_PAD = 14
/** The spotlight's yellow (the walkthrough's accent) and the dimming over the rest. */
export const SPOT_COLOR = '#ffd400'
const DIM_OPACITY = 0.42
/**
 * PDF and print fonts (Noto Sans and its CJK sibling) run wider than the metrics `wrapText`
 * knows, bold more so: lines are wrapped this much narrower.
 */
const WIDER = 1.1
const BOLDER = 1.18

/** The default words: the handbook's, in the document's language. */
export function defaultWalkthroughText(doc: FlowDocument): WalkthroughText {
  const text = handbookText(doc.locale)
  return {
    count: `${text.step} {{number}} / {{total}} · {{kind}}`,
    lane: text.lane,
    owner: text.owner,
    timeLimit: text.timeLimit,
    work: text.duration,
    resources: text.resources,
    qualityControls: text.qualityControls,
  }
}

/** Every page of the walkthrough, in the order it walks the steps. */
export function walkthroughPages(doc: FlowDocument, options: WalkthroughPageOptions = {}): string[] {
  const steps = buildHandbook(doc).steps
  // The drawing is the same on every page: made once.
  const drawing = innerDrawing(toSvg(doc, { theme: options.theme ?? HIGH_CONTRAST_THEME }))
  return steps.map((step) => pageSvg(doc, step, steps.length, drawing, options.text ?? defaultWalkthroughText(doc)))
}

/** The drawing's SVG without its outer element's attributes, to nest in a page. */
function innerDrawing(svg: string): string {
  return svg.replace(/^<svg\b[^>]*>/, '').replace(/<\/svg>\s*$/, '')
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => String(values[key] ?? whole))
}

function pageSvg(doc: FlowDocument, step: HandbookStep, total: number, drawing: string, text: WalkthroughText): string {
  const bounds = diagramBounds(doc)
  const spot = grow(nodeBox(step.node), SPOT_PAD)
  const focus = { x: spot.x + spot.width / 2, y: spot.y + spot.height / 2 }
  const { view } = fitView(bounds, DIAGRAM, { minScale: MIN_SCALE, maxScale: MAX_SCALE, focus })
  const outside = grow(view, 10)
  const dim =
    `M${num(outside.x)},${num(outside.y)} h${num(outside.width)} v${num(outside.height)} h${num(-outside.width)} z ` +
    `M${num(spot.x)},${num(spot.y)} h${num(spot.width)} v${num(spot.height)} h${num(-spot.width)} z`
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PAGE.width} ${PAGE.height}" width="${PAGE.width}" height="${PAGE.height}" font-family="${xmlText(FONT_FAMILY)}">`,
    `<title>${xmlText(`${doc.name} — ${step.node.label}`)}</title>`,
    `<rect x="0" y="0" width="${PAGE.width}" height="${PAGE.height}" fill="#ffffff"/>`,
    `<svg x="${DIAGRAM.x}" y="${DIAGRAM.y}" width="${DIAGRAM.width}" height="${DIAGRAM.height}" viewBox="${num(view.x)} ${num(view.y)} ${num(view.width)} ${num(view.height)}" preserveAspectRatio="xMidYMid meet">`,
    drawing,
    `<path d="${dim}" fill="#000000" fill-opacity="${DIM_OPACITY}" fill-rule="evenodd"/>`,
    `<rect x="${num(spot.x)}" y="${num(spot.y)}" width="${num(spot.width)}" height="${num(spot.height)}" rx="10" fill="none" stroke="#000000" stroke-width="9"/>`,
    `<rect x="${num(spot.x)}" y="${num(spot.y)}" width="${num(spot.width)}" height="${num(spot.height)}" rx="10" fill="none" stroke="${SPOT_COLOR}" stroke-width="5"/>`,
    '</svg>',
    `<rect x="${DIAGRAM.x}" y="${DIAGRAM.y}" width="${DIAGRAM.width}" height="${DIAGRAM.height}" fill="none" stroke="#000000" stroke-width="2"/>`,
    ...card(doc, step, total, text),
    '</svg>',
  ]
  return `${out.join('\n')}\n`
}

/** The step's card: what the walkthrough shows beside the diagram, top to bottom until the page ends. */
function card(doc: FlowDocument, step: HandbookStep, total: number, text: WalkthroughText): string[] {
  const out: string[] = [
    `<rect x="${CARD.x}" y="${CARD.y}" width="8" height="${CARD.height}" fill="${SPOT_COLOR}" stroke="#000000" stroke-width="1"/>`,
  ]
  const left = CARD.x + 32
  const width = CARD.x + CARD.width - left
  const bottom = CARD.y + CARD.height - 40
  let y = CARD.y + 8
  const lines = (value: string, size: number, weight: number, color: string, maxLines: number, indent = 0) => {
    const wrapped = wrapText(value, (width - indent) / (weight >= 700 ? BOLDER : WIDER), size, maxLines)
    for (const line of wrapped) {
      y += size * 1.25
      if (y > bottom) return
      out.push(
        `<text x="${num(left + indent)}" y="${num(y)}" font-size="${size}" font-weight="${weight}" fill="${color}">${xmlText(line)}</text>`,
      )
    }
  }
  lines(fill(text.count, { number: step.number, total, kind: step.kind }), 24, 700, '#1f2937', 2)
  y += 8
  lines(step.node.label, 44, 800, '#000000', 3)
  y += 12
  const bands = laneBands(doc)
  const lane = laneIndexOf(step.node, bands)
  const facts: [string, string][] = [
    ...(lane >= 0 ? ([[text.lane, `${lane + 1} · ${bands[lane]!.name}`]] as [string, string][]) : []),
    [text.owner, step.owner || '—'],
    [text.timeLimit, step.timeLimit || '—'],
    ...(step.duration ? ([[text.work, step.duration]] as [string, string][]) : []),
    [text.resources, step.resources.length ? step.resources.join(' · ') : '—'],
  ]
  for (const [label, value] of facts) {
    y += 10
    lines(label, 20, 600, '#374151', 1)
    lines(value, 26, 700, '#000000', 3)
  }
  y += 18
  lines(text.qualityControls, 20, 600, '#374151', 1)
  if (step.qualityControls.length === 0) lines('—', 24, 400, '#000000', 1)
  for (const qc of step.qualityControls) {
    const top = y
    lines(qc, 22, 400, '#000000', 6, 24)
    if (y > top && y <= bottom) {
      const first = top + 22 * 1.25
      out.push(`<circle cx="${num(left + 8)}" cy="${num(first - 7)}" r="4" fill="#000000"/>`)
    }
    y += 6
  }
  out.push(
    `<text x="${num(left)}" y="${num(CARD.y + CARD.height - 6)}" font-size="18" fill="#4b5563">${xmlText(wrapText(doc.name, width, 18, 1)[0] ?? '')}</text>`,
  )
  return out
}
