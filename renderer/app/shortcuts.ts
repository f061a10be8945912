/**
 * Keyboard shortcuts of the editor (listed in the Help panel). Ctrl on Windows and Linux,
 * Cmd on macOS. Typing in a field keeps the field's own keys.
 */
import { useReactFlow } from '@xyflow/react'
import { useEffect } from 'react'
import type { NodeKind } from '../../shared/document/index.js'
import { canConnectFrom } from '../../shared/edit/connections.js'
import { connect, deleteElements, moveNodes } from '../../shared/edit/operations.js'
import { stepsInFlowOrder } from '../../shared/formats/handbook/handbookModel.js'
import { focusNode } from '../canvas/focusNode.js'
import { quickAddStep } from '../canvas/quickAdd.js'
import { defaultLabel } from '../panels/Palette.js'
import { copySelection, cutSelection, duplicateSelection, parseClipboard, pasteContent } from './clipboard.js'
import { useEditorStore } from './EditorContext.js'
import { openDocument, saveDocument, type NoticeSink } from './fileActions.js'
import { pasteMermaid } from './mermaidPaste.js'
import type { KeyHelp } from './keyHelp.js'
import type { EditorStore } from './store.js'

export type Shortcut = KeyHelp<`help.actions.${string}`, `help.keys.${string}`>

/** Saves a named version (History panel): Figma's keys for the same command. */
export const SAVE_VERSION_KEYS = 'Ctrl+Alt+S'

/** What the Help panel lists; the texts are catalog keys, shown in the UI language. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl+Z', action: 'help.actions.undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', action: 'help.actions.redo' },
  { keys: 'Ctrl+C / Ctrl+X / Ctrl+V', action: 'help.actions.clipboard' },
  { keys: 'Ctrl+D', action: 'help.actions.duplicate' },
  { keys: 'Ctrl+A', action: 'help.actions.selectAll' },
  { keys: 'Ctrl+F', action: 'help.actions.find' },
  { keys: 'Ctrl+O', action: 'help.actions.open' },
  { keys: 'Ctrl+S / Ctrl+Shift+S', action: 'help.actions.save' },
  { keys: SAVE_VERSION_KEYS, action: 'help.actions.saveVersion' },
  { keys: 'Ctrl+N', action: 'help.actions.new' },
  { keys: 'Delete / Backspace', action: 'help.actions.delete' },
  { keys: 'Arrow keys (Shift: ×10)', keysKey: 'help.keys.arrows', action: 'help.actions.nudge' },
  { keys: 'Tab / Shift+Tab', action: 'help.actions.cycle' },
  { keys: 'Enter', action: 'help.actions.editLabel' },
  { keys: 'Alt+1 … Alt+9', action: 'help.actions.addKind' },
  { keys: 'Ctrl+L', action: 'help.actions.connect' },
  { keys: 'Ctrl+0 / Ctrl+= / Ctrl+-', action: 'help.actions.zoom' },
  { keys: 'F1', action: 'help.actions.help' },
]

const KIND_KEYS: readonly NodeKind[] = [
  'start',
  'task',
  'decision',
  'approval',
  'wait',
  'parallel',
  'subprocess',
  'end',
  'note',
]

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return (
    !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  )
}

export const editorEvents = new EventTarget()

/**
 * Ctrl+L: with two steps selected, connects the first selected to the second (and selects the
 * second, so the next Ctrl+L carries on from it); with one, opens the picker of steps it can
 * connect to (canvas/ConnectPicker.tsx).
 */
function connectSelection(store: EditorStore): void {
  const state = store.getState()
  const [first, second, ...rest] = state.selection.nodes
  if (first !== undefined && second !== undefined && rest.length === 0) {
    const from = state.doc.nodes.find((n) => n.id === first)
    const to = state.doc.nodes.find((n) => n.id === second)
    if (!from || !to || !canConnectFrom(from) || to.kind === 'note') return
    if (state.apply('Connect', (d) => connect(d, first, second))) state.select({ nodes: [second], edges: [] })
  } else if (first !== undefined && second === undefined) {
    editorEvents.dispatchEvent(new Event('connect'))
  }
}

export function useShortcuts(notify: NoticeSink): void {
  const store = useEditorStore()
  const flow = useReactFlow()

  useEffect(() => {
    const focusStep = (id: string) => focusNode(store, flow, id)
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      const state = store.getState()
      // By code: Option+S types “ß” on a Mac, so `key` is no use here.
      if (mod && event.altKey && event.code === 'KeyS') {
        event.preventDefault()
        editorEvents.dispatchEvent(new Event('save-version'))
        return
      }
      if (mod && key === 's') {
        event.preventDefault()
        void saveDocument(store, notify, event.shiftKey)
        return
      }
      if (mod && key === 'o') {
        event.preventDefault()
        void openDocument(store, notify)
        return
      }
      if (mod && key === 'n') {
        event.preventDefault()
        editorEvents.dispatchEvent(new Event('new'))
        return
      }
      if (mod && key === 'f') {
        event.preventDefault()
        editorEvents.dispatchEvent(new Event('find'))
        return
      }
      if (event.key === 'F1') {
        event.preventDefault()
        editorEvents.dispatchEvent(new Event('help'))
        return
      }
      if (isTyping(event.target)) return
      if (mod && key === 'z') {
        event.preventDefault()
        if (event.shiftKey) state.redo()
        else state.undo()
      } else if (mod && key === 'y') {
        event.preventDefault()
        state.redo()
      } else if (mod && key === 'd') {
        event.preventDefault()
        duplicateSelection(store)
      } else if (mod && key === 'a') {
        event.preventDefault()
        state.select({ nodes: state.doc.nodes.map((n) => n.id), edges: [] })
      } else if (mod && (key === '0' || key === '=' || key === '+' || key === '-')) {
        event.preventDefault()
        if (key === '0') void flow.fitView({ duration: 200, padding: 0.08 })
        else if (key === '-') void flow.zoomOut({ duration: 150 })
        else void flow.zoomIn({ duration: 150 })
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        if (state.selection.nodes.length || state.selection.edges.length) {
          event.preventDefault()
          state.apply('Delete', (d) => deleteElements(d, state.selection.nodes, state.selection.edges))
        }
      } else if (event.key.startsWith('Arrow') && state.selection.nodes.length > 0 && !mod) {
        event.preventDefault()
        const step = event.shiftKey ? 100 : 10
        const dx = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0
        const dy = event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0
        const moves = new Map<string, { x: number; y: number }>()
        for (const node of state.doc.nodes) {
          if (state.selection.nodes.includes(node.id))
            moves.set(node.id, { x: node.position.x + dx, y: node.position.y + dy })
        }
        state.apply('Nudge', (d) => moveNodes(d, moves))
      } else if (event.key === 'Tab' && !mod && !event.altKey) {
        const order = stepsInFlowOrder(state.doc).map((n) => n.id)
        if (order.length === 0) return
        event.preventDefault()
        const current = order.indexOf(state.selection.nodes[0] ?? '')
        const next = current === -1 ? 0 : (current + (event.shiftKey ? order.length - 1 : 1)) % order.length
        focusStep(order[next]!)
      } else if (event.key === 'Enter' && state.selection.nodes.length === 1) {
        event.preventDefault()
        editorEvents.dispatchEvent(new Event('edit-label'))
      } else if (event.altKey && /^[1-9]$/.test(event.key)) {
        event.preventDefault()
        const kind = KIND_KEYS[Number(event.key) - 1]!
        quickAddStep(store, flow, kind, defaultLabel(kind, state.doc.locale))
      } else if (mod && key === 'l' && !event.shiftKey && !event.altKey) {
        event.preventDefault()
        connectSelection(store)
      }
    }
    const onCopy = (event: ClipboardEvent) => {
      if (!isTyping(event.target)) copySelection(store, event)
    }
    const onCut = (event: ClipboardEvent) => {
      if (!isTyping(event.target)) cutSelection(store, event)
    }
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target)) return
      const text = event.clipboardData?.getData('text/plain') ?? ''
      const content = parseClipboard(text)
      event.preventDefault()
      if (content) pasteContent(store, content)
      else if (/^\s*(```\s*mermaid|flowchart|graph)\b/im.test(text)) void pasteMermaid(store, text, notify)
    }
    window.addEventListener('keydown', onKey)
    document.addEventListener('copy', onCopy)
    document.addEventListener('cut', onCut)
    document.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('keydown', onKey)
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('cut', onCut)
      document.removeEventListener('paste', onPaste)
    }
  }, [store, flow, notify])
}
