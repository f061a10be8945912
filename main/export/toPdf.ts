/**
 * A vector PDF of the diagram: the same SVG drawn into PDFKit by svg-to-pdfkit, one page
 * the size of the drawing, with a CJK font embedded (PDFKit subsets it, so files stay small).
 * Given several SVGs (the walkthrough's pages), one page each, each the size of its SVG.
 * Used by the CLI and by the desktop app's main process alike.
 */
import PDFDocument from 'pdfkit'
import SVGtoPDF from 'svg-to-pdfkit'
import { findCjkFont, NO_CJK_FONT } from './findCjkFont.js'

/** CSS pixels to PDF points. */
const PT_PER_PX = 0.75

export interface PdfMetadata {
  readonly title: string
  readonly subject?: string
}

/** An SVG's width and height attributes, in PDF points. */
function pageSize(svg: string): [number, number] {
  const width = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 595)
  const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 842)
  return [width * PT_PER_PX, height * PT_PER_PX]
}

export async function renderPdf(
  svg: string | readonly string[],
  metadata: PdfMetadata,
): Promise<{ pdf: Uint8Array; warnings: string[] }> {
  const pages = typeof svg === 'string' ? [svg] : svg
  const warnings: string[] = []
  const font = findCjkFont()
  if (!font) warnings.push(NO_CJK_FONT)
  const pdf = new PDFDocument({
    size: pageSize(pages[0] ?? ''),
    margin: 0,
    // Fixed dates keep the output byte-identical for the same diagram.
    info: {
      Title: metadata.title,
      Subject: metadata.subject ?? '',
      Creator: 'Flowlane',
      Producer: 'Flowlane',
      CreationDate: new Date(0),
      ModDate: new Date(0),
    },
    autoFirstPage: true,
    compress: true,
  })
  if (font) pdf.registerFont('flowlane-cjk', font.path, font.face)
  const chunks: Buffer[] = []
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve())
    pdf.on('error', reject)
  })
  pages.forEach((page, i) => {
    const [width, height] = pageSize(page)
    if (i > 0) pdf.addPage({ size: [width, height], margin: 0 })
    SVGtoPDF(pdf, page, 0, 0, {
      width,
      height,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: () => (font ? 'flowlane-cjk' : 'Helvetica'),
    })
  })
  pdf.end()
  await done
  return { pdf: new Uint8Array(Buffer.concat(chunks)), warnings }
}
