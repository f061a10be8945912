import { useEditor } from '../app/EditorContext.js'
import { editorEvents } from '../app/shortcuts.js'
import { formatNumber, useT } from '../i18n/index.js'

/** Opens the Problems tab of the side panel (Inspector.tsx listens). */
function showProblems(severity: 'error' | 'warning') {
  editorEvents.dispatchEvent(new CustomEvent('show-problems', { detail: severity }))
}

/** Counts and state at a glance: problems, size, saved or not. */
export function StatusBar() {
  const problems = useEditor((s) => s.problems)
  const nodes = useEditor((s) => s.doc.nodes.length)
  const edges = useEditor((s) => s.doc.edges.length)
  const dirty = useEditor((s) => s.dirty)
  const readOnly = useEditor((s) => s.readOnly)
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.filter((p) => p.severity === 'warning').length
  const { t, language } = useT()
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <button
        type="button"
        className={errors ? 'count count-error' : 'count'}
        data-testid="error-count"
        title={t('status.showProblems')}
        onClick={() => showProblems('error')}
      >
        {t('status.errors', { count: errors })}
      </button>
      <button
        type="button"
        className={warnings ? 'count count-warning' : 'count'}
        data-testid="warning-count"
        title={t('status.showProblems')}
        onClick={() => showProblems('warning')}
      >
        {t('status.warnings', { count: warnings })}
      </button>
      <span>{t('status.size', { steps: formatNumber(nodes, language), edges: formatNumber(edges, language) })}</span>
      <span className="spacer" />
      {readOnly && <span className="read-only">{t('status.readOnly')}</span>}
      <span>{dirty ? t('status.unsaved') : t('status.saved')}</span>
    </footer>
  )
}
