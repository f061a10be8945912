/**
 * Ctrl+L with one step selected: a small searchable list of the steps it can lead to, nearest
 * first. Type to filter, ↑ ↓ to choose, Enter connects (one undo step) and selects the step
 * connected to, so the next Ctrl+L carries the flow on; Esc cancels. The inspector's
 * "Connect to…" offers the same steps (shared/edit/connections.ts).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { FlowNode } from '../../shared/document/index.js'
import { canConnectFrom, connectionTargets } from '../../shared/edit/connections.js'
import { connect } from '../../shared/edit/operations.js'
import { nodeBox } from '../../shared/geometry/index.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import { editorEvents } from '../app/shortcuts.js'
import { useT } from '../i18n/index.js'
import { useKindLabel } from '../panels/inspectorShared.js'
import './canvasOverlays.css'

/** More matches than this are not listed: typing narrows them down. */
const MAX_LISTED = 50

/** Listens for the shortcut's `connect` event; shows the picker for the step then selected. */
export function ConnectPicker() {
  const store = useEditorStore()
  const [source, setSource] = useState<{ id: string; returnFocus: Element | null } | null>(null)
  useEffect(() => {
    const open = () => {
      const { selection, readOnly } = store.getState()
      if (readOnly || selection.nodes.length !== 1) return
      setSource({ id: selection.nodes[0]!, returnFocus: document.activeElement })
    }
    editorEvents.addEventListener('connect', open)
    return () => editorEvents.removeEventListener('connect', open)
  }, [store])
  if (!source) return null
  // Closed with the keyboard, the focus goes back where it was; closed by a click elsewhere, it stays there.
  const close = (restoreFocus: boolean) => {
    setSource(null)
    const back = source.returnFocus
    if (restoreFocus && back instanceof HTMLElement && back.isConnected) back.focus()
  }
  return <PickerDialog key={source.id} sourceId={source.id} onClose={close} />
}

function PickerDialog({ sourceId, onClose }: { sourceId: string; onClose: (restoreFocus: boolean) => void }) {
  const store = useEditorStore()
  const doc = useEditor((s) => s.doc)
  const { t } = useT()
  const kindLabel = useKindLabel()
  const listId = useId()
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const source = doc.nodes.find((n) => n.id === sourceId)

  // Nearest first: the step to connect to is usually the one beside it.
  const targets = useMemo(() => {
    if (!source || !canConnectFrom(source)) return []
    const from = nodeBox(source)
    const distance = (n: FlowNode) => {
      const b = nodeBox(n)
      return Math.hypot(b.x + b.width / 2 - from.x - from.width / 2, b.y + b.height / 2 - from.y - from.height / 2)
    }
    return connectionTargets(doc, source.id)
      .map((n) => ({ node: n, distance: distance(n) }))
      .sort((a, b) => a.distance - b.distance)
      .map((c) => c.node)
  }, [doc, source])
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase()
    return q ? targets.filter((n) => n.label.toLowerCase().includes(q) || n.id.toLowerCase() === q) : targets
  }, [targets, query])
  const listed = matches.slice(0, MAX_LISTED)
  const current = Math.min(active, Math.max(0, listed.length - 1))

  useEffect(() => input.current?.focus(), [])
  useEffect(() => {
    if (!source) onClose(false)
  }, [source, onClose])
  useEffect(() => {
    document.getElementById(`${listId}-${current}`)?.scrollIntoView({ block: 'nearest' })
  }, [listId, current])

  if (!source) return null
  const laneName = (n: FlowNode) => doc.lanes.find((l) => l.id === n.laneId)?.name
  const choose = (target: FlowNode | undefined) => {
    if (!target) return
    const edge = store.getState().apply('Connect', (d) => connect(d, source.id, target.id))
    if (edge) store.getState().select({ nodes: [target.id], edges: [] })
    onClose(true)
  }
  const empty = !canConnectFrom(source)
    ? t('connectPicker.noWayOut', { kind: kindLabel(source.kind) })
    : targets.length === 0
      ? t('connectPicker.noTargets')
      : listed.length === 0
        ? t('connectPicker.noMatch')
        : null

  return (
    <div
      className="connect-picker"
      role="dialog"
      aria-label={t('connectPicker.title', { label: source.label || source.id })}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onClose(false)
      }}
    >
      <h2>{t('connectPicker.title', { label: source.label || source.id })}</h2>
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={listed.length ? `${listId}-${current}` : undefined}
        aria-label={t('connectPicker.filter')}
        placeholder={t('connectPicker.filter')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          const last = listed.length - 1
          if (event.key === 'ArrowDown') setActive(current >= last ? 0 : current + 1)
          else if (event.key === 'ArrowUp') setActive(current <= 0 ? last : current - 1)
          else if (event.key === 'Home') setActive(0)
          else if (event.key === 'End') setActive(last)
          else if (event.key === 'Enter') choose(listed[current])
          else if (event.key === 'Escape') onClose(true)
          else return
          event.preventDefault()
          event.stopPropagation()
        }}
      />
      {empty ? (
        <p className="connect-picker-empty" role="status">
          {empty}
        </p>
      ) : (
        <ul id={listId} role="listbox" aria-label={t('connectPicker.targets')}>
          {listed.map((n, i) => (
            <li
              key={n.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              data-target={n.id}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(n)}
              onMouseEnter={() => setActive(i)}
            >
              <span className="connect-picker-label">{n.label || n.id}</span>
              <span className="connect-picker-meta">
                {kindLabel(n.kind)}
                {laneName(n) ? ` · ${laneName(n)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="connect-picker-hint">
        {matches.length > listed.length ? `${t('connectPicker.more', { count: matches.length - listed.length })} ` : ''}
        {t('connectPicker.keys')}
      </p>
    </div>
  )
}
