import { useEditor } from '../app/EditorContext.js'

/** Counts and state at a glance: problems, size, saved or not. */
export function StatusBar() {
  const problems = useEditor((s) => s.problems)
  const nodes = useEditor((s) => s.doc.nodes.length)
  const edges = useEditor((s) => s.doc.edges.length)
  const dirty = useEditor((s) => s.dirty)
  const readOnly = useEditor((s) => s.readOnly)
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.filter((p) => p.severity === 'warning').length
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <span className={errors ? 'count count-error' : 'count'} data-testid="error-count">
        {errors} error{errors === 1 ? '' : 's'}
      </span>
      <span className={warnings ? 'count count-warning' : 'count'} data-testid="warning-count">
        {warnings} warning{warnings === 1 ? '' : 's'}
      </span>
      <span>
        {nodes} steps · {edges} edges
      </span>
      <span className="spacer" />
      {readOnly && <span className="read-only">Read-only</span>}
      <span>{dirty ? 'Unsaved changes' : 'Saved'}</span>
    </footer>
  )
}
