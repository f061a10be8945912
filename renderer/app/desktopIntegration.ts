/**
 * The renderer's side of the desktop shell: runs the native menus' commands with the same
 * actions as the toolbar and shortcuts, answers main's "unsaved changes?" and "save now"
 * when a window closes or the app quits (quality.md D13), opens files the OS or the command
 * line passed (D7), and turns a file changed on disk into a banner and a Reload / Overwrite /
 * Save As choice (D6). In a browser the bridge sends no events, so only `reportState` runs,
 * and does nothing.
 */
import { serializeDocument, type FlowDocument } from '../../shared/document/index.js'
import { toSvg } from '../../shared/formats/svg/toSvg.js'
import { walkthroughPages } from '../../shared/formats/walkthrough/walkthroughPages.js'
import type { DesktopEvent, ExportFormat, MenuCommand, WindowState } from '../../shared/ipc/contract.js'
import { bridge, isDesktop } from '../bridge/bridge.js'
import { simulationActions } from '../simulation/simulationStore.js'
import { duplicateSelection } from './clipboard.js'
import { autoLayout, loadText, openDocument, saveDocument, type Notice, type NoticeSink } from './fileActions.js'
import { editorEvents } from './shortcuts.js'
import type { EditorStore } from './store.js'
import { t } from '../i18n/index.js'

const isMac = /Mac/i.test(navigator.platform)

/** A small modal question with buttons; resolves with the index of the button pressed (Escape: the last). */
export function choose(message: string, detail: string, buttons: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog')
    dialog.className = 'desktop-dialog'
    dialog.setAttribute('aria-label', message)
    dialog.style.cssText =
      'max-width:28rem;border:1px solid #c5cad3;border-radius:8px;padding:1rem 1.25rem;font:14px system-ui,sans-serif;box-shadow:0 8px 30px rgba(0,0,0,.2)'
    const title = document.createElement('p')
    title.style.cssText = 'font-weight:600;margin:0 0 .5rem'
    title.textContent = message
    const body = document.createElement('p')
    body.style.cssText = 'margin:0 0 1rem;color:#4a5160'
    body.textContent = detail
    const row = document.createElement('div')
    row.style.cssText = 'display:flex;gap:.5rem;justify-content:flex-end;flex-wrap:wrap'
    let answered = false
    const finish = (index: number) => {
      if (answered) return
      answered = true
      dialog.close()
      dialog.remove()
      resolve(index)
    }
    buttons.forEach((label, index) => {
      const button = document.createElement('button')
      button.type = 'button'
      button.textContent = label
      button.addEventListener('click', () => finish(index))
      row.append(button)
    })
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault()
      finish(buttons.length - 1)
    })
    dialog.append(title, body, row)
    document.body.append(dialog)
    dialog.showModal()
    ;(row.firstElementChild as HTMLButtonElement | null)?.focus()
  })
}

/** Desktop notices (files that could not be opened, export results) in a dismissible banner. */
function showNotice(notice: Notice, actions: readonly { label: string; run: () => void }[] = []): () => void {
  document.querySelector('.desktop-banner')?.remove()
  const banner = document.createElement('div')
  banner.className = `desktop-banner notice-${notice.kind}`
  banner.setAttribute('role', notice.kind === 'error' ? 'alert' : 'status')
  banner.style.cssText =
    'position:fixed;top:3.25rem;left:50%;transform:translateX(-50%);z-index:1000;max-width:40rem;display:flex;gap:.75rem;align-items:center;padding:.5rem .75rem;border-radius:6px;font:13px system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.15);' +
    (notice.kind === 'error'
      ? 'background:#fdecea;border:1px solid #e0a39c'
      : notice.kind === 'warning'
        ? 'background:#fff7e0;border:1px solid #e6c770'
        : 'background:#eef4ff;border:1px solid #a9c1ec')
  const text = document.createElement('div')
  for (const line of notice.lines) {
    const p = document.createElement('p')
    p.style.margin = '0'
    p.textContent = line
    text.append(p)
  }
  banner.append(text)
  const close = () => banner.remove()
  for (const action of actions) {
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = action.label
    button.addEventListener('click', () => {
      close()
      action.run()
    })
    banner.append(button)
  }
  const dismiss = document.createElement('button')
  dismiss.type = 'button'
  dismiss.textContent = '✕'
  dismiss.setAttribute('aria-label', t('app.dismiss'))
  dismiss.addEventListener('click', close)
  banner.append(dismiss)
  document.body.append(banner)
  return close
}

const notify: NoticeSink = (notice) => void showNotice(notice)

function isTyping(): boolean {
  const el = document.activeElement as HTMLElement | null
  return (
    !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  )
}

/** Runs a shortcut of shortcuts.ts, for the commands that need the canvas (zoom, add at centre). */
function pressKey(key: string, modifiers: { mod?: boolean; alt?: boolean } = {}): void {
  window.dispatchEvent(
    new KeyboardEvent('keydown', {
      key,
      ctrlKey: !!modifiers.mod && !isMac,
      metaKey: !!modifiers.mod && isMac,
      altKey: !!modifiers.alt,
      bubbles: true,
      cancelable: true,
    }),
  )
}

const KINDS = ['start', 'task', 'decision', 'approval', 'wait', 'parallel', 'subprocess', 'end', 'note'] as const

/** A file name from the document's name: what a save dialog proposes. */
export function exportFileName(doc: FlowDocument, extension: string): string {
  // eslint-disable-next-line no-control-regex
  const base = doc.name.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '').trim() || doc.id
  return `${base.slice(0, 120)}.${extension}`
}

/** Builds an export in the renderer; PDF and PNG go to main as SVG and are drawn there. */
async function exportDocument(store: EditorStore, format: ExportFormat): Promise<void> {
  const doc = store.getState().doc
  let data: string
  let extension: string = format
  switch (format) {
    case 'svg':
    case 'png':
    case 'pdf':
      data = toSvg(doc)
      break
    case 'mermaid': {
      const { toMermaid } = await import('../../shared/formats/mermaid/toMermaid.js')
      data = toMermaid(doc)
      extension = 'mmd'
      break
    }
    case 'bpmn': {
      const { toBpmnXml } = await import('../../shared/formats/bpmn/toBpmnXml.js')
      data = (await toBpmnXml(doc)).xml
      break
    }
    case 'markdown': {
      const { toMarkdown } = await import('../../shared/formats/handbook/toMarkdown.js')
      data = toMarkdown(doc)
      extension = 'md'
      break
    }
    case 'html': {
      const { toHtml } = await import('../../shared/formats/handbook/toHtml.js')
      data = toHtml(doc)
      break
    }
    case 'json':
      data = serializeDocument(doc)
      break
    case 'walkthrough-pdf':
      data = JSON.stringify(walkthroughPages(doc))
      extension = 'walkthrough.pdf'
      break
  }
  const result = await bridge.writeExport(format, data, exportFileName(doc, extension))
  if (result.ok)
    showNotice({
      kind: result.warnings?.length ? 'warning' : 'info',
      lines: [t('exportDialog.exported', { file: result.file.name }), ...(result.warnings ?? [])],
    })
  else if (!result.cancelled)
    notify({
      kind: 'error',
      lines: [t('exportDialog.notExported', { reason: result.message ?? t('notices.notWritten') })],
    })
}

/** The menu's commands: the same actions as the toolbar and the shortcuts. */
export function runCommand(store: EditorStore, command: MenuCommand): void {
  const state = store.getState()
  if (command.startsWith('export-')) {
    void exportDocument(store, command.slice('export-'.length) as ExportFormat)
    return
  }
  if (command.startsWith('add-')) {
    const index = KINDS.indexOf(command.slice('add-'.length) as (typeof KINDS)[number])
    if (index >= 0) pressKey(String(index + 1), { alt: true })
    return
  }
  switch (command) {
    case 'new':
      editorEvents.dispatchEvent(new Event('new'))
      break
    case 'open':
      void openDocument(store, notify)
      break
    case 'save':
      void saveDocument(store, notify)
      break
    case 'saveAs':
      void saveDocument(store, notify, true)
      break
    case 'undo':
      if (isTyping()) document.execCommand('undo')
      else state.undo()
      break
    case 'redo':
      if (isTyping()) document.execCommand('redo')
      else state.redo()
      break
    case 'duplicate':
      duplicateSelection(store)
      break
    case 'delete':
      pressKey('Delete')
      break
    case 'selectAll':
      if (isTyping()) document.execCommand('selectAll')
      else state.select({ nodes: state.doc.nodes.map((n) => n.id), edges: [] })
      break
    case 'find':
      editorEvents.dispatchEvent(new Event('find'))
      break
    case 'help':
      editorEvents.dispatchEvent(new Event('help'))
      break
    case 'zoomToFit':
      pressKey('0', { mod: true })
      break
    case 'zoomIn':
      pressKey('=', { mod: true })
      break
    case 'zoomOut':
      pressKey('-', { mod: true })
      break
    case 'autoLayout':
      void autoLayout(store)
      break
    case 'simulate':
      simulationActions.togglePanel(true)
      break
  }
}

/**
 * The file changed on disk and a save was refused (D6): Reload (drop my changes), Overwrite
 * (keep mine), or Save As (keep both). Never silent.
 */
export async function resolveSaveConflict(store: EditorStore, notifyUser: NoticeSink = notify): Promise<void> {
  const { file, doc } = store.getState()
  if (!file) return
  const choice = await choose(t('desktop.changedOnDisk', { file: file.name }), t('desktop.conflictDetail'), [
    t('desktop.reload'),
    t('desktop.overwrite'),
    t('desktop.saveAs'),
    t('desktop.cancel'),
  ])
  if (choice === 0) await reload(store, notifyUser)
  else if (choice === 1) {
    const result = await bridge.saveDocument(file, serializeDocument(doc), file.name, { overwrite: true })
    if (result.ok) store.getState().markSaved(result.file)
    else if (!result.cancelled)
      notifyUser({
        kind: 'error',
        lines: [t('notices.notSaved', { reason: result.message ?? t('notices.notWritten') })],
      })
  } else if (choice === 2) await saveDocument(store, notifyUser, true)
}

async function reload(store: EditorStore, notifyUser: NoticeSink): Promise<void> {
  const file = store.getState().file
  if (!file) return
  try {
    const opened = await bridge.reloadDocument(file)
    if (!opened) {
      notifyUser({ kind: 'error', lines: [t('desktop.gone', { file: file.name })] })
      return
    }
    await loadText(store, opened.text, opened.file.name, notifyUser, opened.file)
  } catch (error) {
    notifyUser({
      kind: 'error',
      lines: [t('desktop.cannotReload', { file: file.name, reason: (error as Error).message })],
    })
  }
}

/** Before replacing the document: Save / Don't Save / Cancel when it has unsaved changes. true = go on. */
async function settleUnsaved(store: EditorStore, nextName: string): Promise<boolean> {
  const { dirty, file, doc } = store.getState()
  if (!dirty) return true
  const choice = await choose(
    t('desktop.saveBeforeOpening', { name: file?.name ?? doc.name, next: nextName }),
    t('desktop.lostIfNotSaved'),
    [t('desktop.save'), t('desktop.dontSave'), t('desktop.cancel')],
  )
  if (choice === 2) return false
  if (choice === 1) return true
  await saveDocument(store, notify)
  return !store.getState().dirty
}

async function onDesktopEvent(store: EditorStore, event: DesktopEvent): Promise<void> {
  switch (event.type) {
    case 'command':
      runCommand(store, event.command)
      return
    case 'open': {
      if (!(await settleUnsaved(store, event.opened.file.name))) return
      await loadText(store, event.opened.text, event.opened.file.name, notify, event.opened.file)
      return
    }
    case 'fileChanged': {
      const { file, dirty } = store.getState()
      if (!file || file.token !== event.file.token) return
      showNotice(
        {
          kind: 'warning',
          lines: [
            t('desktop.changedOnDisk', { file: file.name }),
            dirty ? t('desktop.reloadDrops') : t('desktop.reloadToSee'),
          ],
        },
        [{ label: t('desktop.reload'), run: () => void reload(store, notify) }],
      )
      return
    }
    case 'notice':
      notify({ kind: 'error', lines: [event.message] })
      return
    case 'request':
      if (event.request === 'unsaved') {
        await bridge.respond(event.id, { dirty: store.getState().dirty })
      } else {
        await saveDocument(store, notify)
        await bridge.respond(event.id, { saved: !store.getState().dirty })
      }
      return
  }
}

/** What the menus show: undo/redo enabled, the language, the open file. */
export function windowState(store: EditorStore): WindowState {
  const s = store.getState()
  return {
    dirty: s.dirty,
    canUndo: s.undoStack.length > 0,
    canRedo: s.redoStack.length > 0,
    hasSelection: s.selection.nodes.length + s.selection.edges.length > 0,
    // The app language (renderer/i18n sets it on <html lang>), else the system's.
    locale: document.documentElement.lang || navigator.language || 'en',
    file: s.file ? { token: s.file.token, name: s.file.name } : null,
  }
}

const sameState = (a: WindowState | undefined, b: WindowState): boolean =>
  !!a &&
  a.dirty === b.dirty &&
  a.canUndo === b.canUndo &&
  a.canRedo === b.canRedo &&
  a.hasSelection === b.hasSelection &&
  a.locale === b.locale &&
  a.file?.token === b.file?.token &&
  a.file?.name === b.file?.name

/** Mounted once from main.tsx. Returns the function that stops it (tests). */
export function startDesktopIntegration(store: EditorStore): () => void {
  if (!isDesktop) return () => undefined
  let reported: WindowState | undefined
  const report = () => {
    const next = windowState(store)
    if (sameState(reported, next)) return
    reported = next
    void bridge.reportState(next).catch(() => undefined)
  }
  report()
  const unsubscribeStore = store.subscribe(report)
  window.addEventListener('languagechange', report)
  const languageWatch = new MutationObserver(report)
  languageWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] })
  const unsubscribeBridge = bridge.onDesktopEvent((event) => {
    void onDesktopEvent(store, event).catch((error: unknown) =>
      notify({ kind: 'error', lines: [error instanceof Error ? error.message : String(error)] }),
    )
  })
  return () => {
    unsubscribeStore()
    unsubscribeBridge()
    window.removeEventListener('languagechange', report)
    languageWatch.disconnect()
  }
}
