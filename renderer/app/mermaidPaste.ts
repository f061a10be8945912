import { pasteElements } from '../../shared/edit/operations.js'
import type { NoticeSink } from './fileActions.js'
import type { EditorStore } from './store.js'
import { t } from '../i18n/index.js'

/** Mermaid text pasted onto the canvas becomes steps of the open document, below what is there. */
export async function pasteMermaid(store: EditorStore, text: string, notify: NoticeSink): Promise<void> {
  const { importMermaidText } = await import('./mermaidImport.js')
  const imported = await importMermaidText(text, 'pasted Mermaid')
  if ('errors' in imported) {
    notify({
      kind: 'error',
      lines: [t('notices.mermaidUnreadable'), ...imported.errors],
    })
    return
  }
  const { doc } = store.getState()
  const bottom = Math.max(0, ...doc.nodes.map((n) => n.position.y + 120))
  const ids = store
    .getState()
    .apply('Paste Mermaid', (d) => pasteElements(d, imported.doc.nodes, imported.doc.edges, { x: 0, y: bottom }))
  if (ids) store.getState().select({ nodes: ids, edges: [] })
  if (imported.warnings.length > 0)
    notify({ kind: 'warning', lines: [t('notices.mermaidWarnings'), ...imported.warnings] })
}
