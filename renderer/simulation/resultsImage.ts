/**
 * The results as one picture for the PNG export: a title, the KPI cards and the charts as
 * they are on screen (each chart is a self-contained SVG), two columns.
 */
import { xmlText } from '../../shared/formats/svg/xml.js'

const FONT = "'Noto Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', sans-serif"

export function resultsSvg(
  title: string,
  subtitle: string,
  kpis: readonly { label: string; value: string }[],
  charts: readonly SVGSVGElement[],
): string {
  const gap = 16
  const column = 400
  const width = gap * 3 + column * 2
  const out: string[] = []
  let y = 24
  out.push(`<text x="${gap}" y="${y + 14}" font-size="20" font-weight="700" fill="#1f2937">${xmlText(title)}</text>`)
  y += 28
  out.push(`<text x="${gap}" y="${y + 10}" font-size="12" fill="#4b5563">${xmlText(subtitle)}</text>`)
  y += 24
  const cardWidth = (width - gap * 4) / 3
  kpis.forEach((k, i) => {
    const cx = gap + (i % 3) * (cardWidth + gap)
    const cy = y + Math.floor(i / 3) * 70
    out.push(
      `<rect x="${cx}" y="${cy}" width="${cardWidth}" height="60" rx="6" fill="#f8fafc" stroke="#d0d7e2"/>`,
      `<text x="${cx + 10}" y="${cy + 20}" font-size="12" fill="#4b5563">${xmlText(k.label)}</text>`,
      `<text x="${cx + 10}" y="${cy + 46}" font-size="20" font-weight="700" fill="#1f2937">${xmlText(k.value)}</text>`,
    )
  })
  y += Math.ceil(kpis.length / 3) * 70 + 8
  const serializer = new XMLSerializer()
  const heights = [y, y]
  for (const chart of charts) {
    const col = heights[0]! <= heights[1]! ? 0 : 1
    const h = Number(chart.getAttribute('height')) || 200
    const inner = serializer
      .serializeToString(chart)
      .replace(/^<svg/, `<svg x="${gap + col * (column + gap)}" y="${heights[col]}"`)
    out.push(inner)
    heights[col] = heights[col]! + h + gap
  }
  const height = Math.max(...heights)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlText(FONT)}"><rect width="${width}" height="${height}" fill="#ffffff"/>${out.join('')}</svg>`
}
