/**
 * SVG to PNG in the browser: the SVG drawn into a canvas through an `Image`, then `toBlob`.
 * Fonts are the system's (an SVG image cannot load web fonts), like the CLI's resvg export.
 */

export interface PngOptions {
  /** Pixels per SVG unit (1, 2, 3…). */
  readonly scale: number
  /** A fill behind the picture; null keeps transparency. */
  readonly background: string | null
}

function svgSize(svg: string): { width: number; height: number } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
  const root = doc.documentElement
  const width = parseFloat(root.getAttribute('width') ?? '')
  const height = parseFloat(root.getAttribute('height') ?? '')
  if (width > 0 && height > 0) return { width, height }
  const box = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number)
  return { width: box[2] || 800, height: box[3] || 600 }
}

/** The largest side a canvas reliably takes in Chromium. */
const MAX_SIDE = 16_384

export async function svgToPng(svg: string, options: PngOptions): Promise<Blob> {
  const { width, height } = svgSize(svg)
  const scale = Math.max(0.1, Math.min(options.scale, MAX_SIDE / width, MAX_SIDE / height))
  const image = new Image()
  image.decoding = 'async'
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(width * scale))
    canvas.height = Math.max(1, Math.round(height * scale))
    const context = canvas.getContext('2d')
    if (!context) throw new Error('this browser cannot draw to a canvas')
    if (options.background) {
      context.fillStyle = options.background
      context.fillRect(0, 0, canvas.width, canvas.height)
    }
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** A file name from a document name: letters, digits and dashes. */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
  return stem.slice(0, 80) || 'process'
}
