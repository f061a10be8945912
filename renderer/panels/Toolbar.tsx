import { useReactFlow } from '@xyflow/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import { autoLayout, openDocument, saveDocument, type NoticeSink } from '../app/fileActions.js'
import { editorEvents, SHORTCUTS } from '../app/shortcuts.js'
import { TEMPLATES } from '../app/templates.js'
import { focusNode } from '../canvas/focusNode.js'

/** File, edit and view commands, the template menu, search and help. */
export function Toolbar({ notify }: { notify: NoticeSink }) {
  const store = useEditorStore()
  const canUndo = useEditor((s) => s.undoStack.length > 0)
  const canRedo = useEditor((s) => s.redoStack.length > 0)
  const readOnly = useEditor((s) => s.readOnly)
  const name = useEditor((s) => s.doc.name)
  const dirty = useEditor((s) => s.dirty)
  const flow = useReactFlow()
  const [panel, setPanel] = useState<'templates' | 'help' | null>(null)

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

  return (
    <header className="toolbar" role="toolbar" aria-label="Commands">
      <span className="brand" aria-hidden>
        Flowlane
      </span>
      <span className="doc-title" title={name}>
        {name}
        {dirty && (
          <span className="dirty" aria-label="unsaved changes">
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
          title="New from a template (Ctrl+N)"
        >
          New
        </button>
        <button type="button" onClick={() => void openDocument(store, notify)} title="Open (Ctrl+O)">
          Open
        </button>
        <button type="button" onClick={() => void saveDocument(store, notify)} title="Save (Ctrl+S)">
          Save
        </button>
      </span>
      <span className="group">
        <button type="button" onClick={() => store.getState().undo()} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={() => store.getState().redo()} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button
          type="button"
          onClick={() => void autoLayout(store)}
          disabled={readOnly}
          title="Lay the flow out automatically"
        >
          Auto-layout
        </button>
        <button
          type="button"
          onClick={() => void flow.fitView({ duration: 200, padding: 0.08 })}
          title="Zoom to fit (Ctrl+0)"
        >
          Fit
        </button>
      </span>
      <Search />
      <button
        type="button"
        onClick={() => setPanel(panel === 'help' ? null : 'help')}
        aria-expanded={panel === 'help'}
        title="Keyboard shortcuts (F1)"
      >
        Help
      </button>
      {panel === 'templates' && <TemplateMenu onClose={() => setPanel(null)} />}
      {panel === 'help' && <HelpPanel onClose={() => setPanel(null)} />}
    </header>
  )
}

function TemplateMenu({ onClose }: { onClose: () => void }) {
  const store = useEditorStore()
  const flow = useReactFlow()
  const open = (index: number) => {
    const state = store.getState()
    if (state.dirty && !window.confirm('Discard the unsaved changes of the open process?')) return
    state.load(TEMPLATES[index]!.doc)
    onClose()
    requestAnimationFrame(() => void flow.fitView({ padding: 0.08 }))
  }
  return (
    <div className="popover" role="dialog" aria-label="New from a template">
      <h2>New from a template</h2>
      {(['en', 'zh-CN'] as const).map((locale) => (
        <section key={locale}>
          <h3>{locale === 'en' ? 'English' : '中文'}</h3>
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
      <button type="button" className="close" onClick={onClose} aria-label="Close">
        ✕
      </button>
    </div>
  )
}

function HelpPanel({ onClose }: { onClose: () => void }) {
  return (
    <div className="popover help" role="dialog" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="close" onClick={onClose} aria-label="Close">
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
        placeholder="Find a step (Ctrl+F)"
        aria-label="Find a step"
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
          {matches.length} found
        </span>
      )}
    </span>
  )
}
