import { useReactFlow } from '@xyflow/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import { autoLayout, openDocument, saveDocument, type NoticeSink } from '../app/fileActions.js'
import { editorEvents, SHORTCUTS } from '../app/shortcuts.js'
import { TEMPLATES } from '../app/templates.js'
import { focusNode } from '../canvas/focusNode.js'
import { KeyRows } from '../app/keyHelp.js'
import { PRESENT_KEYS } from '../present/presentKeys.js'
import { simulationActions } from '../simulation/simulationStore.js'
import { useT } from '../i18n/index.js'
import { DisplayMenu } from '../theme/DisplayMenu.js'
import { RecentMenu } from './RecentDocuments.js'

/** File, edit and view commands, the template menu, search and help. */
export function Toolbar({ notify }: { notify: NoticeSink }) {
  const store = useEditorStore()
  const canUndo = useEditor((s) => s.undoStack.length > 0)
  const canRedo = useEditor((s) => s.redoStack.length > 0)
  const readOnly = useEditor((s) => s.readOnly)
  const name = useEditor((s) => s.doc.name)
  const dirty = useEditor((s) => s.dirty)
  const flow = useReactFlow()
  const { t } = useT()
  const [panel, setPanel] = useState<'templates' | 'recent' | 'help' | null>(null)

  useEffect(() => {
    const onNew = () => setPanel('templates')
    const onHelp = () => setPanel((p) => (p === 'help' ? null : 'help'))
    editorEvents.addEventListener('new', onNew)
    editorEvents.addEventListener('help', onHelp)
    return () => {
      editorEvents.removeEventListener('new', onNew)
      editorEvents.removeEventListener('help', onHelp)
    }
  }, [])

  // Esc closes the open popover (templates, recent documents, help), as it would any dialog.
  useEffect(() => {
    if (!panel) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setPanel(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [panel])

  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <span className="brand" aria-hidden>
        {t('app.brand')}
      </span>
      <span className="doc-title" title={name}>
        {name}
        {dirty && (
          <span className="dirty" aria-label={t('app.unsavedChanges')}>
            {' '}
            •
          </span>
        )}
      </span>
      <span className="group">
        <button
          type="button"
          onClick={() => setPanel(panel === 'templates' ? null : 'templates')}
          aria-expanded={panel === 'templates'}
          title={t('toolbar.newTitle')}
        >
          {t('toolbar.new')}
        </button>
        <span className="split-button">
          <button type="button" onClick={() => void openDocument(store, notify)} title={t('toolbar.openTitle')}>
            {t('toolbar.open')}
          </button>
          <button
            type="button"
            className="split-toggle"
            onClick={() => setPanel(panel === 'recent' ? null : 'recent')}
            aria-expanded={panel === 'recent'}
            aria-haspopup="dialog"
            aria-label={t('toolbar.recent')}
            title={t('toolbar.recentTitle')}
          >
            ▾
          </button>
        </span>
        <button type="button" onClick={() => void saveDocument(store, notify)} title={t('toolbar.saveTitle')}>
          {t('toolbar.save')}
        </button>
      </span>
      <span className="group">
        <button
          type="button"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          title={t('toolbar.undoTitle')}
        >
          {t('toolbar.undo')}
        </button>
        <button
          type="button"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          title={t('toolbar.redoTitle')}
        >
          {t('toolbar.redo')}
        </button>
        <button
          type="button"
          onClick={() => void autoLayout(store)}
          disabled={readOnly}
          title={t('toolbar.autoLayoutTitle')}
        >
          {t('toolbar.autoLayout')}
        </button>
        <button
          type="button"
          onClick={() => void flow.fitView({ duration: 200, padding: 0.08 })}
          title={t('toolbar.fitTitle')}
        >
          {t('toolbar.fit')}
        </button>
      </span>
      <span className="group">
        <button type="button" onClick={() => simulationActions.togglePanel()} title={t('toolbar.simulateTitle')}>
          {t('toolbar.simulate')}
        </button>
        <button type="button" onClick={() => simulationActions.present(true)} title={t('toolbar.presentTitle')}>
          {t('toolbar.present')}
        </button>
        <button type="button" onClick={() => simulationActions.exportDialog(true)} title={t('toolbar.exportTitle')}>
          {t('toolbar.export')}
        </button>
      </span>
      <Search />
      <DisplayMenu />
      <button
        type="button"
        onClick={() => setPanel(panel === 'help' ? null : 'help')}
        aria-expanded={panel === 'help'}
        title={t('toolbar.helpTitle')}
      >
        {t('toolbar.help')}
      </button>
      {panel === 'templates' && <TemplateMenu onClose={() => setPanel(null)} />}
      {panel === 'recent' && <RecentMenu onClose={() => setPanel(null)} notify={notify} />}
      {panel === 'help' && <HelpPanel onClose={() => setPanel(null)} />}
    </header>
  )
}

function TemplateMenu({ onClose }: { onClose: () => void }) {
  const store = useEditorStore()
  const flow = useReactFlow()
  const { t } = useT()
  const open = (index: number) => {
    const state = store.getState()
    if (state.dirty && !window.confirm(t('templates.discardConfirm'))) return
    state.load(TEMPLATES[index]!.doc)
    onClose()
    requestAnimationFrame(() => void flow.fitView({ padding: 0.08 }))
  }
  return (
    <div className="popover" role="dialog" aria-label={t('templates.title')}>
      <h2>{t('templates.title')}</h2>
      {(['en', 'zh-CN'] as const).map((locale) => (
        <section key={locale}>
          <h3>{locale === 'en' ? t('templates.english') : t('templates.chinese')}</h3>
          <ul>
            {TEMPLATES.map((t, i) =>
              t.locale === locale ? (
                <li key={`${t.locale}/${t.id}`}>
                  <button type="button" onClick={() => open(i)} data-template={`${t.locale}/${t.id}`}>
                    {t.name}
                  </button>
                </li>
              ) : null,
            )}
          </ul>
        </section>
      ))}
      <button type="button" className="close" onClick={onClose} aria-label={t('app.close')}>
        ✕
      </button>
    </div>
  )
}

function HelpPanel({ onClose }: { onClose: () => void }) {
  const { t } = useT()
  return (
    <div className="popover help" role="dialog" aria-label={t('help.title')}>
      <h2>{t('help.title')}</h2>
      <table>
        <tbody>
          <KeyRows keys={SHORTCUTS} />
        </tbody>
      </table>
      <h3>{t('present.keyHelp.title')}</h3>
      <table>
        <tbody>
          <KeyRows keys={PRESENT_KEYS} />
        </tbody>
      </table>
      <button type="button" className="close" onClick={onClose} aria-label={t('app.close')}>
        ✕
      </button>
    </div>
  )
}

/** Ctrl+F: finds steps by label, Enter (or a click) selects and centres the next match. */
function Search() {
  const store = useEditorStore()
  const doc = useEditor((s) => s.doc)
  const flow = useReactFlow()
  const { t } = useT()
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [index, setIndex] = useState(0)
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase()
    return q ? doc.nodes.filter((n) => n.label.toLowerCase().includes(q) || n.id.toLowerCase() === q) : []
  }, [doc, query])

  useEffect(() => {
    const onFind = () => {
      input.current?.focus()
      input.current?.select()
    }
    editorEvents.addEventListener('find', onFind)
    return () => editorEvents.removeEventListener('find', onFind)
  }, [])

  const go = (i: number) => {
    const match = matches[i % Math.max(1, matches.length)]
    if (!match) return
    focusNode(store, flow, match.id)
    setIndex(i + 1)
  }
  return (
    <span className="search" role="search">
      <input
        ref={input}
        type="search"
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setIndex(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go(index)
          if (e.key === 'Escape') {
            setQuery('')
            input.current?.blur()
          }
        }}
      />
      {query && (
        <span className="search-count" aria-live="polite">
          {t('search.found', { count: matches.length })}
        </span>
      )}
    </span>
  )
}
