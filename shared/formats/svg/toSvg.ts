/**
 * The diagram as a self-contained SVG: lanes, shapes by kind, labels, badges, edges with
 * arrowheads and labels — drawn from the shared geometry, so it matches the canvas.
 * Everything a user wrote goes through `xmlText`: no label can become markup (quality.md S15).
 */
import type { FlowDocument, FlowNode } from '../../document/schema.js'
import {
  BADGE_FONT_SIZE,
  diagramBounds,
  edgeLabel,
  edgeRoutes,
  FONT_FAMILY,
  LANE,
  labelLayout,
  laneBands,
  nodeBadges,
  nodeBox,
  textWidth,
  type Box,
} from '../../geometry/index.js'
import { outlineWidth, shapePrimitives } from '../../geometry/shapes.js'
import {
  LANE_STRIPE,
  laneColors,
  laneTitle,
  LIGHT_THEME,
  nodeColors,
  type DiagramTheme,
  type ShapeColors,
} from './theme.js'
import { num, xmlText } from './xml.js'

export interface SvgOptions {
  readonly theme?: DiagramTheme
  /** `false` leaves the background transparent. */
  readonly background?: boolean
}

export function toSvg(doc: FlowDocument, options: SvgOptions = {}): string {
  const theme = options.theme ?? LIGHT_THEME
  const bounds = diagramBounds(doc)
  const out: string[] = []
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(bounds.x)} ${num(bounds.y)} ${num(bounds.width)} ${num(bounds.height)}" width="${num(bounds.width)}" height="${num(bounds.height)}" font-family="${xmlText(FONT_FAMILY)}">`,
    `<title>${xmlText(doc.name)}</title>`,
    `<defs><marker id="fl-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${theme.edge}"/></marker></defs>`,
  )
  if (options.background !== false) {
    out.push(
      `<rect x="${num(bounds.x)}" y="${num(bounds.y)}" width="${num(bounds.width)}" height="${num(bounds.height)}" fill="${theme.background}"/>`,
    )
  }
  drawLanes(doc, theme, out)
  drawEdges(doc, theme, out)
  for (const node of doc.nodes) drawNode(node, doc, theme, out)
  out.push('</svg>')
  return `${out.join('\n')}\n`
}

function drawLanes(doc: FlowDocument, theme: DiagramTheme, out: string[]): void {
  laneBands(doc).forEach((band, i) => {
    const { x, y, width, height } = band.box
    const colors = laneColors(theme, i)
    out.push(
      `<g class="lane" data-lane="${xmlText(band.laneId)}">`,
      `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" fill="${colors.fill}" stroke="${theme.laneBorder}"/>`,
      `<rect x="${num(x)}" y="${num(y)}" width="${LANE.headerWidth}" height="${num(height)}" fill="${colors.header}" stroke="${theme.laneBorder}"/>`,
    )
    if (colors.dash !== undefined) {
      const sx = x + LANE.headerWidth - LANE_STRIPE.inset - LANE_STRIPE.width / 2
      out.push(
        `<line x1="${num(sx)}" y1="${num(y + 2)}" x2="${num(sx)}" y2="${num(y + height - 2)}" stroke="${colors.headerText}" stroke-width="${LANE_STRIPE.width}"${colors.dash === 'none' ? '' : ` stroke-dasharray="${colors.dash}"`}/>`,
      )
    }
    const title = laneTitle(band, colors)
    const cx = x + LANE.headerWidth / 2 - (colors.dash !== undefined ? LANE_STRIPE.width / 2 : 0)
    const cy = y + height / 2
    out.push(
      `<text x="${num(cx)}" y="${num(cy)}" transform="rotate(-90 ${num(cx)} ${num(cy)})" text-anchor="middle" dominant-baseline="central" font-size="13" font-weight="600" fill="${colors.headerText}">${xmlText(fitText(title, height - 12, 13))}</text>`,
      '</g>',
    )
  })
}

/** Cuts one line of text to a width, with an ellipsis. */
function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text
  let cut = [...text]
  while (cut.length > 0 && textWidth(`${cut.join('')}…`, fontSize) > width) cut = cut.slice(0, -1)
  return `${cut.join('')}…`
}

function drawEdges(doc: FlowDocument, theme: DiagramTheme, out: string[]): void {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]))
  const routes = edgeRoutes(doc)
  for (const edge of doc.edges) {
    const route = routes.get(edge.id)
    if (!route) continue
    const timeout = nodes.get(edge.source)?.timeout?.edgeId === edge.id
    const d = route.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join(' ')
    out.push(
      `<g class="edge" data-edge="${xmlText(edge.id)}">`,
      `<path d="${d}" fill="none" stroke="${theme.edge}" stroke-width="1.5"${timeout ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#fl-arrow)"/>`,
    )
    const text = edgeLabel(edge)
    if (text.trim() !== '') {
      const label = fitText(text, 180, 12)
      const width = textWidth(label, 12) + 8
      const { x, y } = route.labelAt
      out.push(
        `<rect x="${num(x - width / 2)}" y="${num(y - 9)}" width="${num(width)}" height="18" rx="4" fill="${theme.edgeLabelBackground}" fill-opacity="0.9"/>`,
        `<text x="${num(x)}" y="${num(y)}" text-anchor="middle" dominant-baseline="central" font-size="12" fill="${theme.mutedText}">${xmlText(label)}</text>`,
      )
    }
    out.push('</g>')
  }
}

function shape(node: FlowNode, box: Box, colors: ShapeColors): string {
  const width = outlineWidth(node)
  return shapePrimitives(node, box)
    .map((p) => {
      switch (p.tag) {
        case 'rect':
          return `<rect x="${num(p.x)}" y="${num(p.y)}" width="${num(p.width)}" height="${num(p.height)}" rx="${num(p.rx)}" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="${width}"${p.dashed ? ' stroke-dasharray="5 3"' : ''}/>`
        case 'polygon':
          return `<polygon points="${p.points.map(([px, py]) => `${num(px)},${num(py)}`).join(' ')}" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="${width}"/>`
        case 'path':
          return `<path d="${p.d.replace(/-?\d+(\.\d+)?/g, (n) => num(Number(n)))}" fill="${p.fill ? colors.fill : 'none'}" stroke="${colors.stroke}" stroke-width="${p.strokeWidth ?? width}"/>`
      }
    })
    .join('')
}

function drawNode(node: FlowNode, doc: FlowDocument, theme: DiagramTheme, out: string[]): void {
  const box = nodeBox(node)
  out.push(
    `<g class="node node-${node.kind}" data-node="${xmlText(node.id)}">`,
    shape(node, box, nodeColors(node, theme)),
  )
  const label = labelLayout(node, doc)
  const top = label.center.y - ((label.lines.length - 1) * label.lineHeight) / 2
  label.lines.forEach((line, i) => {
    out.push(
      `<text x="${num(label.center.x)}" y="${num(top + i * label.lineHeight)}" text-anchor="middle" dominant-baseline="central" font-size="${label.fontSize}" fill="${theme.text}"${node.kind === 'note' ? ' font-style="italic"' : ''}>${xmlText(line)}</text>`,
    )
  })
  for (const badge of nodeBadges(node, doc)) {
    const b = badge.box
    out.push(
      `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" rx="9" fill="${theme.badge.fill}" stroke="${theme.badge.stroke}"/>`,
      `<text x="${num(b.x + b.width / 2)}" y="${num(b.y + b.height / 2)}" text-anchor="middle" dominant-baseline="central" font-size="${BADGE_FONT_SIZE}" fill="${theme.badge.text}">${xmlText(badge.text)}</text>`,
    )
  }
  out.push('</g>')
}
