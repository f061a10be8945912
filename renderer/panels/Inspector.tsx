import { useEffect, useState, type KeyboardEvent } from 'react'
import { flushSync } from 'react-dom'
import type { FlowDocument } from '../../shared/document/index.js'
import { updateRole } from '../../shared/edit/operations.js'
import { useEditor } from '../app/EditorContext.js'
import { editorEvents } from '../app/shortcuts.js'
import { ArrangePanel } from './ArrangePanel.js'
import { DocumentInspector, LaneInspector, RoleCapacityFields } from './DocumentInspector.js'
import { EdgeInspector } from './EdgeInspector.js'
import { Section, TextField } from './fields.js'
import { useApply } from './inspectorShared.js'
import { NodeInspector } from './NodeInspector.js'
import { Outline } from './Outline.js'
import { Problems } from './Problems.js'
import { HistoryPanel } from './HistoryPanel.js'
import { useT } from '../i18n/index.js'

type Tab = 'inspector' | 'outline' | 'problems' | 'history'
const TABS: readonly Tab[] = ['inspector', 'outline', 'problems', 'history']

/**
 * The side panel, with four tabs: the inspector (every field of whatever is selected — a
 * step, an edge, a lane, a role, several steps, or the document), the outline of the flow,
 * its live problems, and its history (named versions and autosaves).
 */
export function Inspector() {
  const [tab, setTab] = useState<Tab>('inspector')
  const { t } = useT()
  const problemCount = useEditor((s) => s.problems.filter((p) => p.severity !== 'info').length)

  // The status bar's counts open the problems tab.
  useEffect(() => {
    const onShow = () => setTab('problems')
    editorEvents.addEventListener('show-problems', onShow)
    return () => editorEvents.removeEventListener('show-problems', onShow)
  }, [])

  // Ctrl+Alt+S (shortcuts.ts) names a version in the history tab: each press focuses its name field.
  const [versionRequest, setVersionRequest] = useState(0)
  useEffect(() => {
    const onSaveVersion = () => {
      setTab('history')
      setVersionRequest((n) => n + 1)
    }
    editorEvents.addEventListener('save-version', onSaveVersion)
    return () => editorEvents.removeEventListener('save-version', onSaveVersion)
  }, [])

  // Enter on a selected step (shortcuts.ts) edits its label here.
  useEffect(() => {
    const onEditLabel = () => {
      // Rendered and focused before this key event ends: keys typed right after Enter land in the
      // field, not on the canvas (a Ctrl+A there would select every step).
      flushSync(() => setTab('inspector'))
      const input = document.querySelector<HTMLInputElement>('.inspector [data-field="label"]')
      input?.focus()
      input?.select()
    }
    editorEvents.addEventListener('edit-label', onEditLabel)
    return () => editorEvents.removeEventListener('edit-label', onEditLabel)
  }, [])

  // Keys typed in the panel belong to it: arrows, Tab, Enter and Delete must not nudge,
  // cycle or delete steps on the canvas. Shortcuts with Ctrl/Cmd/Alt and F1 still work.
  const keepKeys = (e: KeyboardEvent) => {
    if (!e.ctrlKey && !e.metaKey && !e.altKey && e.key !== 'F1') e.stopPropagation()
  }

  const select = (next: Tab) => () => {
    setTab(next)
    setVersionRequest(0)
  }
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const step = e.key === 'ArrowRight' ? 1 : TABS.length - 1
      const next = TABS[(TABS.indexOf(tab) + step) % TABS.length]!
      setTab(next)
      document.getElementById(`side-tab-${next}`)?.focus()
    }
  }
  return (
    <aside className="inspector" aria-label={t('side.inspector')} onKeyDown={keepKeys}>
      <div className="side-tabs" role="tablist" aria-label={t('side.label')}>
        {TABS.map((name) => (
          <button
            key={name}
            id={`side-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`side-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className={tab === name ? 'side-tab active' : 'side-tab'}
            onClick={select(name)}
            onKeyDown={onTabKey}
          >
            {t(`side.${name}`)}
            {name === 'problems' && problemCount > 0 && <span className="tab-badge">{problemCount}</span>}
          </button>
        ))}
      </div>
      <div className="side-panel" role="tabpanel" id={`side-panel-${tab}`} aria-labelledby={`side-tab-${tab}`}>
        {tab === 'inspector' ? (
          <SelectionInspector />
        ) : tab === 'outline' ? (
          <Outline onOpen={() => editorEvents.dispatchEvent(new Event('edit-label'))} />
        ) : tab === 'problems' ? (
          <Problems />
        ) : (
          <HistoryPanel focusName={versionRequest} />
        )}
      </div>
    </aside>
  )
}

function SelectionInspector() {
  const selection = useEditor((s) => s.selection)
  const doc = useEditor((s) => s.doc)
  const node = selection.nodes.length === 1 ? doc.nodes.find((n) => n.id === selection.nodes[0]) : undefined
  const edge =
    selection.edges.length === 1 && selection.nodes.length === 0
      ? doc.edges.find((e) => e.id === selection.edges[0])
      : undefined
  const lane = selection.lane !== undefined ? doc.lanes.find((l) => l.id === selection.lane) : undefined
  const role = selection.role !== undefined ? doc.roles.find((r) => r.id === selection.role) : undefined
  if (node) return <NodeInspector key={node.id} node={node} doc={doc} />
  if (edge) return <EdgeInspector key={edge.id} edgeId={edge.id} doc={doc} />
  if (lane) return <LaneInspector key={lane.id} laneId={lane.id} doc={doc} />
  if (role) return <RoleInspector key={role.id} roleId={role.id} doc={doc} />
  if (selection.nodes.length > 1) return <ArrangePanel ids={selection.nodes} />
  return <DocumentInspector doc={doc} />
}

function RoleInspector({ roleId, doc }: { roleId: string; doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  const role = doc.roles.find((r) => r.id === roleId)!
  const { t } = useT()
  return (
    <form
      className="inspector-form"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('role.formLabel', { name: role.name })}
    >
      <header className="inspector-title">
        <span className="kind-chip kind-lane">{t('common.role')}</span>
        <h2>{role.name || role.id}</h2>
        <code className="muted-id">{role.id}</code>
      </header>
      <Section title={t('common.general')}>
        <TextField
          label={t('common.name')}
          value={role.name}
          fieldKey="label"
          disabled={readOnly}
          onCommit={(name) => apply('Rename role', (d) => void updateRole(d, role.id, { name }))}
        />
        <RoleCapacityFields role={role} currency={doc.currency} readOnly={readOnly} apply={apply} />
      </Section>
    </form>
  )
}
