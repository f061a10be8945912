/**
 * A vector PDF of the diagram: the same SVG drawn into PDFKit by svg-to-pdfkit, one page
 * the size of the drawing, with a CJK font embedded (PDFKit subsets it, so files stay small).
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

export async function renderPdf(svg: string, metadata: PdfMetadata): Promise<{ pdf: Uint8Array; warnings: string[] }> {
  const warnings: string[] = []
  const font = findCjkFont()
  if (!font) warnings.push(NO_CJK_FONT)
  const width = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 595)
  const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 842)
  const pdf = new PDFDocument({
    size: [width * PT_PER_PX, height * PT_PER_PX],
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
  SVGtoPDF(pdf, svg, 0, 0, {
    width: width * PT_PER_PX,
    height: height * PT_PER_PX,
    preserveAspectRatio: 'xMidYMid meet',
    fontCallback: () => (font ? 'flowlane-cjk' : 'Helvetica'),
  })
  pdf.end()
  await done
  return { pdf: new Uint8Array(Buffer.concat(chunks)), warnings }
}
