/**
 * PNG from the diagram's SVG with resvg, which draws text with real fonts: it is given
 * the CJK font explicitly, because without any font resvg drops text silently (stack.md §6).
 */
import { Resvg } from '@resvg/resvg-js'
import { findCjkFont, NO_CJK_FONT } from './findCjkFont.js'

export interface PngOptions {
  /** Pixels per SVG pixel; 2 gives crisp slides. */
  readonly scale?: number
}

/** Largest side in pixels; larger drawings are scaled down rather than exhausting memory. */
const MAX_SIDE = 16_000

export function renderPng(svg: string, options: PngOptions = {}): { png: Uint8Array; warnings: string[] } {
  const warnings: string[] = []
  const font = findCjkFont()
  if (!font) warnings.push(NO_CJK_FONT)
  const width = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 0)
  const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 0)
  let scale = options.scale ?? 2
  const largest = Math.max(width, height) * scale
  if (largest > MAX_SIDE) {
    scale = MAX_SIDE / Math.max(width, height)
    warnings.push(
      `the drawing is large; the PNG is scaled to ${Math.round(scale * 100)}% to stay within ${MAX_SIDE} pixels`,
    )
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: true,
      ...(font ? { fontFiles: [font.path] } : {}),
      defaultFontFamily: 'Noto Sans CJK SC',
      sansSerifFamily: 'Noto Sans CJK SC',
    },
  })
  return { png: resvg.render().asPng(), warnings }
}
