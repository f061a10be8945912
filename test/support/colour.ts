/**
 * Colour arithmetic for the theme tests: WCAG 2.x luminance and contrast, CIELAB distance
 * (ΔE*ab, CIE76) and how a colour looks with a colour-vision deficiency (Machado, Oliveira &
 * Fernandes 2009, severity 1).
 */

type Rgb = readonly [number, number, number]

/** A #rrggbb colour as linear-light sRGB components in 0..1. */
function linearRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`)
  return [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h!, 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as unknown as Rgb
}

/** Relative luminance of a #rrggbb colour (WCAG 2.x). */
export function luminance(hex: string): number {
  const [r, g, b] = linearRgb(hex)
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia'

const MACHADO: Record<Vision, readonly Rgb[]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
}

/** CIELAB (D65) of a colour as seen with `vision`. */
export function lab(hex: string, vision: Vision = 'normal'): Rgb {
  const c = linearRgb(hex)
  const [r, g, b] = MACHADO[vision].map((row) =>
    Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])),
  ) as unknown as Rgb
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116)
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
}

/** ΔE*ab (CIE76) between two colours as seen with `vision`; about 2.3 is just noticeable. */
export function deltaE(a: string, b: string, vision: Vision = 'normal'): number {
  const [l1, a1, b1] = lab(a, vision)
  const [l2, a2, b2] = lab(b, vision)
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2)
}
