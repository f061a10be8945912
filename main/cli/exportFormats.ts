/**
 * Every format `flowlane export` writes, and how. Formats arrive with their issues;
 * each adds one entry here. Binary formats are written only with `-o` (cli.md).
 */
import { serializeDocument, type FlowDocument } from '../../shared/document/index.js'
import { toHtml } from '../../shared/formats/handbook/toHtml.js'
import { toMarkdown } from '../../shared/formats/handbook/toMarkdown.js'
import { toMermaid } from '../../shared/formats/mermaid/toMermaid.js'
import { toSvg } from '../../shared/formats/svg/toSvg.js'

/** What a writer returns: the bytes, with warnings about what could not be kept. */
export type ExportOutput =
  string | Uint8Array | { readonly data: string | Uint8Array; readonly warnings: readonly string[] }

export interface ExportFormat {
  readonly write: (doc: FlowDocument) => Promise<ExportOutput> | ExportOutput
  readonly binary?: boolean
}

export const EXPORT_FORMATS: Readonly<Record<string, ExportFormat>> = {
  /** Normalised re-serialisation: canonical key order and formatting. */
  json: { write: serializeDocument },
  /** A Mermaid flowchart, left to right: lanes as subgraphs, a class per kind. */
  mermaid: { write: (doc) => toMermaid(doc) },
  svg: { write: (doc) => toSvg(doc) },
  /** BPMN 2.0 XML with diagram interchange; every Flowlane field in our extension elements. */
  bpmn: {
    write: async (doc) => {
      const { toBpmnXml } = await import('../../shared/formats/bpmn/toBpmnXml.js')
      const { xml, warnings } = await toBpmnXml(doc)
      return { data: xml, warnings }
    },
  },
  /** The process handbook: diagram, steps and roles, for wikis (Markdown) and documents (HTML). */
  markdown: { write: toMarkdown },
  html: { write: toHtml },
  png: {
    binary: true,
    write: async (doc) => {
      // Loaded on demand: the renderers' native and font code would slow every other command.
      const { renderPng } = await import('../export/toPng.js')
      const { png, warnings } = renderPng(toSvg(doc))
      return { data: png, warnings }
    },
  },
  pdf: {
    binary: true,
    write: async (doc) => {
      const { renderPdf } = await import('../export/toPdf.js')
      const { pdf, warnings } = await renderPdf(toSvg(doc), {
        title: doc.name,
        ...(doc.description ? { subject: doc.description } : {}),
      })
      return { data: pdf, warnings }
    },
  },
}
