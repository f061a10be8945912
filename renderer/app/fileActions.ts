/**
 * Opening, importing and saving through the bridge. Every bad file ends in a message naming
 * the file and the place; the open document is never replaced by a failed load.
 */
import {
  formatLoadError,
  parseDocument,
  serializeDocument,
  type FlowDocument,
  type LoadError,
} from '../../shared/document/index.js'
import { formatImportMessage, type ImportMessage } from '../../shared/formats/importMessages/index.js'
import { bridge } from '../bridge/bridge.js'
import { resolveSaveConflict } from './desktopIntegration.js'
import type { EditorStore } from './store.js'
import { t } from '../i18n/index.js'

export interface Notice {
  readonly kind: 'error' | 'warning' | 'info'
  readonly lines: readonly string[]
}

export type NoticeSink = (notice: Notice) => void

const extensionOf = (name: string) =>
  name.toLowerCase().match(/\.(flow\.json|json|bpmn|xml|mmd|mermaid|md|txt)$/)?.[1] ?? ''

/** Opens text as a document: Flowlane JSON directly, Mermaid and BPMN through the shared importers. */
export async function documentFromText(
  text: string,
  fileName: string,
): Promise<{ doc: FlowDocument; warnings: string[]; readOnly: boolean } | { errors: string[] }> {
  const extension = extensionOf(fileName)
  if (extension === 'bpmn' || extension === 'xml') {
    const { fromBpmnXml } = await import('../../shared/formats/bpmn/fromBpmnXml.js')
    const result = await fromBpmnXml(text, fileName)
    if (!result.ok) return { errors: result.errors.map(describeProblem) }
    return { doc: result.value.document, warnings: result.value.warnings.map(describeProblem), readOnly: false }
  }
  if (extension === 'mmd' || extension === 'mermaid' || extension === 'md' || extension === 'txt') {
    const { importMermaidText } = await import('./mermaidImport.js')
    return importMermaidText(text, fileName)
  }
  const result = parseDocument(text, fileName)
  if (result.ok) return { doc: result.value, warnings: [], readOnly: false }
  return { errors: result.errors.map((e: LoadError) => formatLoadError(e)) }
}

/** An importer's warning or error as one line, in the UI language where the importer gave a catalog key. */
export function describeProblem(problem: unknown): string {
  if (typeof problem === 'string') return problem
  const p = problem as { file?: string; line?: number; column?: number; message?: string } & Partial<ImportMessage>
  const place = p.line === undefined ? '' : `:${p.line}${p.column === undefined ? '' : `:${p.column}`}`
  const text =
    p.messageKey !== undefined
      ? formatImportMessage({ messageKey: p.messageKey, values: p.values, names: p.names }, (key, values) =>
          t(key, { ns: 'imports', ...values }),
        )
      : (p.message ?? String(problem))
  return `${p.file ?? ''}${place}${p.file || place ? ': ' : ''}${text}`
}

export async function openDocument(store: EditorStore, notify: NoticeSink): Promise<void> {
  const opened = await bridge.openDocument()
  if (!opened) return
  await loadText(store, opened.text, opened.file.name, notify, opened.file)
}

export async function loadText(
  store: EditorStore,
  text: string,
  fileName: string,
  notify: NoticeSink,
  file: { token: string; name: string } | null = null,
): Promise<boolean> {
  const loaded = await documentFromText(text, fileName)
  if ('errors' in loaded) {
    notify({ kind: 'error', lines: [t('notices.cannotOpen', { file: fileName }), ...loaded.errors] })
    return false
  }
  const isFlow = /\.json$/i.test(fileName)
  store.getState().load(loaded.doc, isFlow ? file : null, { dirty: !isFlow })
  if (loaded.warnings.length > 0)
    notify({ kind: 'warning', lines: [t('notices.importedWithWarnings', { file: fileName }), ...loaded.warnings] })
  return true
}

export async function saveDocument(store: EditorStore, notify: NoticeSink, saveAs = false): Promise<void> {
  const { doc, file } = store.getState()
  const result = await bridge.saveDocument(saveAs ? null : file, serializeDocument(doc), `${doc.id}.flow.json`)
  if (result.ok) store.getState().markSaved(result.file)
  else if (result.conflict) await resolveSaveConflict(store, notify)
  else if (!result.cancelled)
    notify({ kind: 'error', lines: [t('notices.notSaved', { reason: result.message ?? t('notices.notWritten') })] })
}

/** Lays out the current document with elkjs, as one undoable step. */
export async function autoLayout(store: EditorStore): Promise<void> {
  // elkjs is large: loaded on first use.
  const { layoutDocument } = await import('../../shared/layout/layoutDocument.js')
  const laidOut = await layoutDocument(store.getState().doc)
  store.getState().apply('Auto-layout', (draft) => {
    draft.nodes.forEach((node, i) => {
      node.position = laidOut.nodes[i]!.position
    })
    draft.lanes.forEach((lane, i) => {
      const height = laidOut.lanes[i]?.height
      if (height !== undefined) lane.height = height
    })
    for (const edge of draft.edges) delete edge.points
  })
}
