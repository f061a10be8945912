/**
 * The desktop app, wired together: hardened windows on app://, the bridge's channels with
 * sender checks, menus, Open Recent, files from the command line and the OS, the
 * single-instance lock, unsaved-changes prompts, window size and position. Electron is
 * passed in (main.ts passes the real module), so all of this runs in unit tests with a fake.
 */
import type * as Electron from 'electron'
import { join } from 'node:path'
import { z } from 'zod'
import {
  CHANNELS,
  type DesktopEvent,
  type InvokeChannel,
  type OpenResult,
  type WindowState,
} from '../../shared/ipc/contract.js'
import { createAppProtocolHandler } from './appProtocol.js'
import { createCloseGuard, createRequester, type CloseChoice, type GuardedWindow } from './closeGuard.js'
import {
  createFileHandlers,
  FileRequestError,
  nodeFileSystem,
  type FileSystem,
  type Renderers,
} from './fileHandlers.js'
import { filesFromArgv } from './launchArgs.js'
import { buildMenuTemplate, menuLocale } from './menu.js'
import { fileRecentStore, loadRecentFiles, type RecentFiles, type RecentStore } from './recentFiles.js'
import { APP_ORIGIN, hardenContents, hardenSession, isTrustedSender, windowOptions } from './security.js'
import { fitToDisplays, readWindowState, writeWindowState, type SavedWindowState } from './windowState.js'

export type DesktopElectron = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'net' | 'protocol' | 'screen' | 'session' | 'shell'
>

export interface DesktopOptions {
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string
  /** The bundled, sandboxed preload (dist-electron/preload.cjs). */
  readonly preloadPath: string
  readonly argv?: readonly string[]
  readonly cwd?: string
  readonly platform?: NodeJS.Platform
  /** Injected in tests. */
  readonly fileSystem?: FileSystem
  readonly renderers?: Renderers
  readonly recentStore?: RecentStore
  readonly windowState?: {
    read(): Promise<SavedWindowState | undefined>
    write(state: SavedWindowState): Promise<void>
  }
}

const WindowStateSchema = z.strictObject({
  dirty: z.boolean(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  hasSelection: z.boolean(),
  locale: z.string().max(35),
  file: z
    .strictObject({
      token: z.string().min(1).max(100),
      name: z.string().max(300),
      recentId: z.string().max(100).optional(),
    })
    .nullable(),
})
const RespondArgs = z.tuple([
  z.number().int().positive(),
  z.union([z.strictObject({ dirty: z.boolean() }), z.strictObject({ saved: z.boolean() })]),
])

const PROMPTS = {
  en: {
    unsaved: (name: string) => `Do you want to save the changes you made to ${name}?`,
    detail: 'Your changes will be lost if you don’t save them.',
    unresponsive: 'The Flowlane window is not responding.',
    unresponsiveDetail: 'Changes that were not saved will be lost if you close it.',
    save: 'Save',
    discard: 'Don’t Save',
    closeAnyway: 'Close Anyway',
    cancel: 'Cancel',
    cannotOpen: (name: string, why: string) => `Cannot open ${name}: ${why}`,
  },
  'zh-CN': {
    unsaved: (name: string) => `是否保存对 ${name} 的更改？`,
    detail: '如果不保存，您的更改将会丢失。',
    unresponsive: 'Flowlane 窗口没有响应。',
    unresponsiveDetail: '如果关闭，未保存的更改将会丢失。',
    save: '保存',
    discard: '不保存',
    closeAnyway: '仍然关闭',
    cancel: '取消',
    cannotOpen: (name: string, why: string) => `无法打开 ${name}：${why}`,
  },
} as const

type Win = Electron.BrowserWindow

export async function startDesktop(electron: DesktopElectron, options: DesktopOptions) {
  const { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell } = electron
  const platform = options.platform ?? process.platform
  const isDev = !app.isPackaged

  // Must happen before `ready`: app:// is standard (IndexedDB works) and secure.
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])

  // D7: one Flowlane; a second launch hands its files to this one and exits.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return undefined
  }

  const windows = new Map<number, Win>()
  const states = new Map<number, WindowState>()
  const ourContents = new Set<number>()
  const pendingFiles: string[] = filesFromArgv(options.argv ?? process.argv, {
    isPackaged: app.isPackaged,
    cwd: options.cwd ?? process.cwd(),
  })
  let ready = false

  const send = (contentsId: number, event: DesktopEvent): void => {
    const window = windows.get(contentsId)
    if (!window || window.isDestroyed()) throw new Error('window gone')
    window.webContents.send(CHANNELS.onDesktopEvent, event)
  }
  const requester = createRequester(send)
  const localeOf = (contentsId: number | undefined) =>
    menuLocale((contentsId === undefined ? undefined : states.get(contentsId)?.locale) ?? app.getLocale())

  const focusedWindow = (): Win | undefined => {
    const focused = BrowserWindow.getFocusedWindow()
    if (focused && windows.has(focused.webContents.id)) return focused
    return [...windows.values()].find((w) => !w.isDestroyed())
  }

  // Every web contents, present and future, is denied navigation, popups and webviews.
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, shell))

  app.on('open-file', (event, path) => {
    // macOS: double-click in Finder, drop on the Dock icon; may come before `ready`.
    event.preventDefault()
    if (ready) void openPaths([path])
    else pendingFiles.push(path)
  })

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = filesFromArgv(argv, { isPackaged: app.isPackaged, cwd: workingDirectory })
    const window = focusedWindow()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
    if (files.length > 0) void openPaths(files)
  })

  await app.whenReady()
  ready = true

  protocol.handle(
    'app',
    createAppProtocolHandler(options.rendererDir, (url) => net.fetch(url)),
  )
  hardenSession(session.defaultSession)
  app.setAboutPanelOptions({ applicationName: 'Flowlane', applicationVersion: app.getVersion() })

  const userData = app.getPath('userData')
  const recent: RecentFiles = await loadRecentFiles(
    options.recentStore ?? fileRecentStore(join(userData, 'recent-files.json')),
    { platform, onChange: () => updateMenu() },
  )
  const windowStateStore = options.windowState ?? {
    read: () => readWindowState(join(userData, 'window-state.json')),
    write: (state: SavedWindowState) => writeWindowState(join(userData, 'window-state.json'), state),
  }

  const files = createFileHandlers(
    {
      showOpen: async (filters) => {
        const parent = focusedWindow()
        const openOptions: Electron.OpenDialogOptions = { properties: ['openFile'], filters }
        const result = parent
          ? await dialog.showOpenDialog(parent, openOptions)
          : await dialog.showOpenDialog(openOptions)
        return result.canceled ? undefined : result.filePaths[0]
      },
      showSave: async (defaultPath, filters) => {
        const parent = focusedWindow()
        const saveOptions: Electron.SaveDialogOptions = { defaultPath, filters }
        const result = parent
          ? await dialog.showSaveDialog(parent, saveOptions)
          : await dialog.showSaveDialog(saveOptions)
        return result.canceled || !result.filePath ? undefined : result.filePath
      },
    },
    options.fileSystem ?? nodeFileSystem,
    {
      ...(options.renderers ? { renderers: options.renderers } : {}),
      platform,
      events: {
        remembered: (path) => {
          void recent.add(path)
          if (platform !== 'linux') app.addRecentDocument(path)
        },
      },
    },
  )

  /** Opens files from the command line, the OS or Open Recent; an open file just gets focus (D7). */
  async function openPaths(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      const already = [...windows.keys()].find((id) => {
        const token = states.get(id)?.file?.token
        return token !== undefined && files.pathOf(token) === path
      })
      if (already !== undefined) {
        windows.get(already)?.focus()
        continue
      }
      const window = focusedWindow() ?? createWindow()
      let opened: OpenResult
      try {
        opened = await files.openPath(path)
      } catch (error) {
        const why =
          (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file no longer exists' : (error as Error).message
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') await recent.remove(path)
        const message = PROMPTS[localeOf(window.webContents.id)].cannotOpen(path, why)
        whenLoaded(window, () => send(window.webContents.id, { type: 'notice', message }))
        continue
      }
      whenLoaded(window, () => send(window.webContents.id, { type: 'open', opened }))
    }
  }

  const loaded = new WeakSet<Win>()
  const waiting = new WeakMap<Win, (() => void)[]>()
  function whenLoaded(window: Win, action: () => void): void {
    if (loaded.has(window)) return action()
    waiting.set(window, [...(waiting.get(window) ?? []), action])
  }

  const guard = createCloseGuard({
    requester,
    prompt: async (guarded, responsive): Promise<CloseChoice> => {
      const window = windows.get(guarded.contentsId)
      const t = PROMPTS[localeOf(guarded.contentsId)]
      const name = states.get(guarded.contentsId)?.file?.name ?? 'Untitled'
      const box: Electron.MessageBoxOptions = responsive
        ? {
            type: 'warning',
            message: t.unsaved(name),
            detail: t.detail,
            buttons: [t.save, t.discard, t.cancel],
            defaultId: 0,
            cancelId: 2,
            noLink: true,
          }
        : {
            type: 'warning',
            message: t.unresponsive,
            detail: t.unresponsiveDetail,
            buttons: [t.closeAnyway, t.cancel],
            defaultId: 1,
            cancelId: 1,
            noLink: true,
          }
      const { response } = window ? await dialog.showMessageBox(window, box) : await dialog.showMessageBox(box)
      if (!responsive) return response === 0 ? 'discard' : 'cancel'
      return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel'
    },
  })

  function updateMenu(): void {
    const window = focusedWindow()
    const state = window ? states.get(window.webContents.id) : undefined
    const template = buildMenuTemplate(
      state?.locale ?? app.getLocale(),
      {
        platform,
        isDev,
        canUndo: state?.canUndo ?? false,
        canRedo: state?.canRedo ?? false,
        hasSelection: state?.hasSelection ?? false,
        recent: recent.list(),
      },
      {
        command: (command) => {
          const target = focusedWindow()
          if (target) send(target.webContents.id, { type: 'command', command })
        },
        openRecent: (path) => void openPaths([path]),
        clearRecent: () => {
          void recent.clear()
          if (platform !== 'linux') app.clearRecentDocuments()
        },
      },
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  let savedBounds: SavedWindowState | undefined = await windowStateStore.read()
  const guardedByWindow = new WeakMap<Win, GuardedWindow>()

  function createWindow(): Win {
    // The primary display first: a lost position is recentred there.
    const primary = screen.getPrimaryDisplay().workArea
    const displays = [primary, ...screen.getAllDisplays().map((d) => d.workArea)]
    const bounds = windows.size === 0 ? fitToDisplays(savedBounds, displays) : fitToDisplays(undefined, displays)
    const { maximized, ...rect } = bounds
    const window = new BrowserWindow(windowOptions(options.preloadPath, rect))
    const id = window.webContents.id
    windows.set(id, window)
    ourContents.add(id)
    window.once('ready-to-show', () => {
      if (maximized) window.maximize()
      window.show()
    })
    window.webContents.on('did-finish-load', () => {
      loaded.add(window)
      for (const action of waiting.get(window) ?? []) action()
      waiting.delete(window)
    })
    window.on('focus', () => {
      updateMenu()
      const token = states.get(id)?.file?.token
      if (token)
        void files.changedSinceAnnounced(token).then((changed) => {
          const file = states.get(id)?.file
          if (changed && file && !window.isDestroyed()) send(id, { type: 'fileChanged', file })
        })
    })
    const guarded: GuardedWindow = {
      contentsId: id,
      onClose: (listener) => window.on('close', listener),
      close: () => window.close(),
      isDestroyed: () => window.isDestroyed(),
    }
    guardedByWindow.set(window, guarded)
    guard.attach(guarded)
    window.on('close', () => {
      if (window.isDestroyed()) return
      savedBounds = { ...window.getNormalBounds(), maximized: window.isMaximized() }
    })
    window.on('closed', () => {
      windows.delete(id)
      states.delete(id)
      ourContents.delete(id)
      requester.forget(id)
      if (savedBounds) void windowStateStore.write(savedBounds)
      updateMenu()
    })
    void window.loadURL(`${APP_ORIGIN}/index.html`)
    return window
  }

  type Handler = (senderId: number, ...args: unknown[]) => Promise<unknown>
  const handlers: { [K in InvokeChannel]: Handler } = {
    openDocument: (_id, ...args) => files.openDocument(...args),
    saveDocument: (_id, ...args) => files.saveDocument(...args),
    writeExport: (_id, ...args) => files.writeExport(...args),
    reloadDocument: (_id, ...args) => files.reloadDocument(...args),
    listRecentFiles: (_id, ...args) => {
      if (!z.tuple([]).safeParse(args).success) throw new FileRequestError('invalid request')
      return Promise.resolve(recent.entries())
    },
    openRecentFile: async (_id, ...args) => {
      const parsed = z.tuple([z.string().min(1).max(100)]).safeParse(args)
      if (!parsed.success) throw new FileRequestError('invalid request')
      // Only ids of the list: the renderer cannot name any other file.
      const path = recent.pathOf(parsed.data[0])
      if (path === undefined) return null
      try {
        return await files.openPath(path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        await recent.remove(path)
        return null
      }
    },
    reportState: (id, ...args) => {
      const parsed = z.tuple([WindowStateSchema]).safeParse(args)
      if (!parsed.success) throw new FileRequestError('invalid request')
      const state = parsed.data[0]
      const before = states.get(id)
      states.set(id, state)
      const window = windows.get(id)
      if (window && platform === 'darwin') {
        window.setDocumentEdited(state.dirty)
        const path = state.file ? files.pathOf(state.file.token) : undefined
        window.setRepresentedFilename(path ?? '')
      }
      if (
        !before ||
        before.locale !== state.locale ||
        before.canUndo !== state.canUndo ||
        before.canRedo !== state.canRedo ||
        before.hasSelection !== state.hasSelection
      )
        updateMenu()
      return Promise.resolve()
    },
    respond: (id, ...args) => {
      const parsed = RespondArgs.safeParse(args)
      if (!parsed.success) throw new FileRequestError('invalid request')
      requester.answer(id, parsed.data[0], parsed.data[1])
      return Promise.resolve()
    },
  }
  for (const name of Object.keys(handlers) as InvokeChannel[]) {
    ipcMain.handle(CHANNELS[name], (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, ourContents)) throw new Error('refused: not a Flowlane window')
      return handlers[name](event.sender.id, ...args)
    })
  }

  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting) return
    event.preventDefault()
    void guard.confirmAll([...windows.values()].map(guardedOf)).then((ok) => {
      if (!ok) return
      quitting = true
      app.quit()
    })
  })
  function guardedOf(window: Win): GuardedWindow {
    return (
      guardedByWindow.get(window) ?? {
        contentsId: window.webContents.id,
        onClose: () => undefined,
        close: () => window.close(),
        isDestroyed: () => window.isDestroyed(),
      }
    )
  }

  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (windows.size === 0) createWindow()
  })

  updateMenu()
  createWindow()
  if (pendingFiles.length > 0) await openPaths(pendingFiles.splice(0))

  return { windows, states, files, recent, guard, requester, openPaths, createWindow, updateMenu }
}
