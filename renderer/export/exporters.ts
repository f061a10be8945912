/**
 * Every CLI export format, made in the renderer from the open document, with the image
 * options of the export dialog (scale, background, theme). Heavy writers load on demand.
 */
import { serializeDocument, type FlowDocument } from '../../shared/document/index.js'
import type { ExportFormat } from '../../shared/ipc/contract.js'
import { DARK_THEME, LIGHT_THEME } from '../../shared/formats/svg/theme.js'
import { toSvg } from '../../shared/formats/svg/toSvg.js'
import { walkthroughPages, type WalkthroughText } from '../../shared/formats/walkthrough/walkthroughPages.js'

export interface ImageOptions {
  readonly scale: number
  readonly background: boolean
  readonly theme: 'light' | 'dark'
}

export const DEFAULT_IMAGE_OPTIONS: ImageOptions = { scale: 2, background: true, theme: 'light' }

export const FORMAT_INFO: Record<
  ExportFormat,
  { label: string; extension: string; kind: 'text' | 'image' | 'html' | 'pdf' }
> = {
  mermaid: { label: 'Mermaid', extension: 'mmd', kind: 'text' },
  bpmn: { label: 'BPMN 2.0', extension: 'bpmn', kind: 'text' },
  svg: { label: 'SVG', extension: 'svg', kind: 'image' },
  png: { label: 'PNG', extension: 'png', kind: 'image' },
  pdf: { label: 'PDF', extension: 'pdf', kind: 'pdf' },
  'walkthrough-pdf': { label: 'Walkthrough PDF', extension: 'walkthrough.pdf', kind: 'pdf' },
  markdown: { label: 'Markdown handbook', extension: 'md', kind: 'text' },
  html: { label: 'HTML handbook', extension: 'html', kind: 'html' },
  json: { label: 'Flowlane JSON', extension: 'flow.json', kind: 'text' },
}

export function diagramSvg(doc: FlowDocument, options: ImageOptions): string {
  return toSvg(doc, { theme: options.theme === 'dark' ? DARK_THEME : LIGHT_THEME, background: options.background })
}

/** The same SVG drawn `scale` times larger (width and height; the viewBox stays). */
export function scaledSvg(svg: string, scale: number): string {
  if (scale === 1) return svg
  return svg.replace(/^<svg\b[^>]*>/, (tag) =>
    tag.replace(
      /\s(width|height)="([\d.]+)"/g,
      (_m, name: string, value: string) => ` ${name}="${Number(value) * scale}"`,
    ),
  )
}

export interface TextExport {
  readonly text: string
  readonly warnings: readonly string[]
}

/** The text of a text format (and the SVG, HTML and JSON), exactly as the CLI writes it. */
export async function textExport(
  doc: FlowDocument,
  format: ExportFormat,
  options: ImageOptions,
  text?: WalkthroughText,
): Promise<TextExport> {
  switch (format) {
    case 'mermaid': {
      const { toMermaid } = await import('../../shared/formats/mermaid/toMermaid.js')
      return { text: toMermaid(doc), warnings: [] }
    }
    case 'bpmn': {
      const { toBpmnXml } = await import('../../shared/formats/bpmn/toBpmnXml.js')
      const out = await toBpmnXml(doc)
      return { text: out.xml, warnings: out.warnings }
    }
    case 'markdown': {
      const { toMarkdown } = await import('../../shared/formats/handbook/toMarkdown.js')
      return { text: toMarkdown(doc), warnings: [] }
    }
    case 'html': {
      const { toHtml } = await import('../../shared/formats/handbook/toHtml.js')
      return { text: toHtml(doc), warnings: [] }
    }
    case 'json':
      return { text: serializeDocument(doc), warnings: [] }
    case 'svg':
    case 'png':
    case 'pdf':
      return { text: diagramSvg(doc, options), warnings: [] }
    case 'walkthrough-pdf':
      // The pages as a JSON list of SVGs, in the document's language unless the words are given.
      return { text: JSON.stringify(walkthroughPages(doc, text ? { text } : {})), warnings: [] }
  }
}
