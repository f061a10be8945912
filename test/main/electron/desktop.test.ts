/**
 * The desktop app wired together, with a fake Electron (no binary can run here): window
 * options, the app:// protocol, IPC sender checks and validation, files from the command
 * line and the OS, the single-instance lock, menus, close prompts and window state.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { startDesktop, type DesktopElectron } from '../../../main/electron/desktop.js'
import type { SavedWindowState } from '../../../main/electron/windowState.js'
import { CHANNELS, type DesktopEvent } from '../../../shared/ipc/contract.js'

const WORK_AREA = { x: 0, y: 0, width: 1920, height: 1050 }
const flush = () => new Promise((r) => setTimeout(r, 20))

function fakeElectron(options: { lock?: boolean; response?: number; locale?: string } = {}) {
  let nextId = 1
  let focused: FakeWindow | undefined
  const windows: FakeWindow[] = []
  const setFocused = (window: FakeWindow | undefined) => {
    focused = window
  }
  class FakeContents extends EventEmitter {
    readonly send = vi.fn()
    constructor(readonly id: number) {
      super()
    }
    events(): DesktopEvent[] {
      return this.send.mock.calls.filter((c) => c[0] === CHANNELS.onDesktopEvent).map((c) => c[1] as DesktopEvent)
    }
  }
  class FakeWindow extends EventEmitter {
    static getFocusedWindow = () => focused
    readonly webContents = new FakeContents(nextId++)
    destroyed = false
    readonly loadURL = vi.fn(() => Promise.resolve())
    readonly show = vi.fn()
    readonly maximize = vi.fn()
    readonly restore = vi.fn()
    readonly focus = vi.fn(() => setFocused(this))
    readonly setDocumentEdited = vi.fn()
    readonly setRepresentedFilename = vi.fn()
    constructor(readonly options: any) {
      super()
      windows.push(this)
      setFocused(this)
    }
    isMinimized = () => false
    isMaximized = () => false
    isDestroyed = () => this.destroyed
    getNormalBounds = () => ({ x: 30, y: 40, width: 1000, height: 700 })
    close() {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) }
      this.emit('close', event)
      if (!event.prevented) {
        this.destroyed = true
        if (focused === this) focused = undefined
        this.emit('closed')
      }
    }
    /** The renderer finished loading. */
    loaded() {
      this.webContents.emit('did-finish-load')
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: () => mkdtempSync(join(tmpdir(), 'flowlane-userdata-')),
    getLocale: () => options.locale ?? 'en-US',
    getVersion: () => '0.1.0',
    setAboutPanelOptions: vi.fn(),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
  })
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
  let protocolHandler: ((request: Request) => Promise<Response>) | undefined
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn((channel: string, fn: any) => handlers.set(channel, fn)) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((_scheme: string, handler: typeof protocolHandler) => (protocolHandler = handler)),
    },
    net: { fetch: vi.fn(() => Promise.resolve(new Response('<!doctype html>'))) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        on: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    screen: { getAllDisplays: () => [{ workArea: WORK_AREA }], getPrimaryDisplay: () => ({ workArea: WORK_AREA }) },
    dialog: {
      showOpenDialog: vi.fn(),
      showSaveDialog: vi.fn(),
      showMessageBox: vi.fn(() => Promise.resolve({ response: options.response ?? 2 })),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
  }
  /** Calls a bridge channel the way ipcMain would, from `window` (or a stranger). */
  const invoke = (window: FakeWindow | { id: number }, name: keyof typeof CHANNELS, ...args: unknown[]) => {
    const id = 'webContents' in window ? window.webContents.id : window.id
    const event = { sender: { id }, senderFrame: { url: 'app://flowlane/index.html', parent: null } }
    return Promise.resolve().then(() => handlers.get(CHANNELS[name])!(event, ...args))
  }
  const lastMenu = () => electron.Menu.buildFromTemplate.mock.calls.at(-1)![0] as any[]
  return {
    electron: electron as unknown as DesktopElectron,
    fake: electron,
    app,
    windows,
    handlers,
    invoke,
    lastMenu,
    protocol: () => protocolHandler!,
  }
}

async function start(options: Parameters<typeof fakeElectron>[0] & { argv?: string[]; saved?: SavedWindowState } = {}) {
  const f = fakeElectron(options)
  const written: SavedWindowState[] = []
  const desktop = await startDesktop(f.electron, {
    rendererDir: '/opt/flowlane/dist/renderer',
    preloadPath: '/opt/flowlane/dist-electron/preload.cjs',
    argv: options.argv ?? ['/opt/flowlane/flowlane'],
    cwd: '/home/ana',
    platform: 'linux',
    recentStore: { read: () => Promise.resolve(undefined), write: () => Promise.resolve() },
    windowState: { read: () => Promise.resolve(options.saved), write: (s) => Promise.resolve(void written.push(s)) },
  })
  return { ...f, desktop, written }
}

const flowFile = (content = '{"format":"flowlane"}') => {
  const dir = mkdtempSync(join(tmpdir(), 'flowlane-desktop-'))
  const path = join(dir, 'sales.flow.json')
  writeFileSync(path, content)
  return path
}

describe('the desktop shell with a fake Electron', () => {
  it('registers app:// as a standard, secure scheme and opens one hardened window on it', async () => {
    const { fake, windows } = await start()
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(windows).toHaveLength(1)
    expect(windows[0]!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/opt/flowlane/dist-electron/preload.cjs',
    })
    expect(windows[0]!.loadURL).toHaveBeenCalledWith('app://flowlane/index.html')
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
  })

  it('serves every app:// response with the CSP header', async () => {
    const { protocol } = await start()
    for (const url of ['app://flowlane/index.html', 'app://flowlane/../../etc/passwd', 'app://elsewhere/x']) {
      const response = await protocol()(new Request(url))
      expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    }
  })

  it('hardens every web contents Electron creates', async () => {
    const { app, fake } = await start()
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    app.emit('web-contents-created', {}, contents)
    const navigation = { preventDefault: vi.fn() }
    contents.emit('will-navigate', navigation, 'https://example.com')
    expect(navigation.preventDefault).toHaveBeenCalled()
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0]
    expect(handler({ url: 'smb://x' })).toEqual({ action: 'deny' })
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://example.com')
    expect(fake.shell.openExternal).not.toHaveBeenCalledWith('smb://x')
  })

  it('a second instance quits at once, before any window (single-instance lock)', async () => {
    const f = fakeElectron({ lock: false })
    const desktop = await startDesktop(f.electron, { rendererDir: '/r', preloadPath: '/p', argv: ['x'] })
    expect(desktop).toBeUndefined()
    expect(f.app.quit).toHaveBeenCalled()
    expect(f.windows).toHaveLength(0)
  })

  it('refuses bridge calls from strangers and malformed payloads (S16)', async () => {
    const { windows, invoke, handlers } = await start()
    expect([...handlers.keys()].sort()).toEqual(
      Object.entries(CHANNELS)
        .filter(([name]) => name !== 'onDesktopEvent')
        .map(([, channel]) => channel)
        .sort(),
    )
    await expect(invoke({ id: 999 }, 'saveDocument', null, '{}', 'x')).rejects.toThrow('refused')
    const foreignFrame = { sender: { id: windows[0]!.webContents.id }, senderFrame: { url: 'https://evil.example/' } }
    expect(() => handlers.get(CHANNELS.openDocument)!(foreignFrame)).toThrow('refused')
    await expect(invoke(windows[0]!, 'reportState', { dirty: 'yes' })).rejects.toThrow('invalid request')
    await expect(invoke(windows[0]!, 'respond', -1, { dirty: true })).rejects.toThrow('invalid request')
    expect(await invoke(windows[0]!, 'saveDocument', { token: '/etc/passwd', name: 'p' }, 'x', 'x')).toMatchObject({
      ok: false,
    })
  })

  it('builds the menu in the app language the renderer reports, and sends its commands', async () => {
    const { windows, invoke, lastMenu } = await start()
    expect(lastMenu()[0].label).toBe('&File')
    await invoke(windows[0]!, 'reportState', {
      dirty: true,
      canUndo: true,
      canRedo: false,
      hasSelection: false,
      locale: 'zh-CN',
      file: null,
    })
    const menu = lastMenu()
    expect(menu[0].label).toBe('文件(&F)')
    const save = menu[0].submenu.find((i: any) => i.id === 'save')
    save.click()
    expect(windows[0]!.webContents.events()).toContainEqual({ type: 'command', command: 'save' })
  })

  it('opens a file from the command line once the renderer has loaded (D7)', async () => {
    const path = flowFile()
    const { windows } = await start({ argv: ['/opt/flowlane/flowlane', path] })
    const window = windows[0]!
    expect(window.webContents.events()).toEqual([])
    window.loaded()
    const [event] = window.webContents.events()
    expect(event).toMatchObject({
      type: 'open',
      opened: { text: '{"format":"flowlane"}', file: { name: 'sales.flow.json' } },
    })
    expect(JSON.stringify(event)).not.toContain(path)
  })

  it('a second launch with a file focuses this window and opens it; the same file again only focuses', async () => {
    const path = flowFile()
    const { app, windows, invoke } = await start()
    const window = windows[0]!
    window.loaded()
    app.emit('second-instance', {}, ['/opt/flowlane/flowlane', 'sales.flow.json'], join(path, '..'))
    await flush()
    expect(window.focus).toHaveBeenCalled()
    const opened = window.webContents.events().find((e) => e.type === 'open')
    expect(opened).toBeDefined()
    // the renderer reports the file it now shows
    const file = opened!.type === 'open' ? opened!.opened.file : null
    await invoke(window, 'reportState', {
      dirty: false,
      canUndo: false,
      canRedo: false,
      hasSelection: false,
      locale: 'en',
      file,
    })
    app.emit('second-instance', {}, ['/opt/flowlane/flowlane', path], '/')
    await flush()
    expect(window.webContents.events().filter((e) => e.type === 'open')).toHaveLength(1)
    expect(windows).toHaveLength(1)
  })

  it('macOS open-file before the app is ready is kept and opened after', async () => {
    const path = flowFile()
    const f = fakeElectron()
    let ready: () => void = () => undefined
    f.app.whenReady = () => new Promise<void>((resolve) => (ready = resolve))
    const started = startDesktop(f.electron, {
      rendererDir: '/r',
      preloadPath: '/p',
      argv: ['x'],
      platform: 'darwin',
      recentStore: { read: () => Promise.resolve(undefined), write: () => Promise.resolve() },
      windowState: { read: () => Promise.resolve(undefined), write: () => Promise.resolve() },
    })
    const event = { preventDefault: vi.fn() }
    f.app.emit('open-file', event, path)
    expect(event.preventDefault).toHaveBeenCalled()
    ready()
    await started
    f.windows[0]!.loaded()
    expect(f.windows[0]!.webContents.events()[0]).toMatchObject({ type: 'open' })
  })

  it('lists Open Recent to the renderer by id and name only, and opens a file by its id', async () => {
    const path = flowFile()
    const { windows, invoke, desktop } = await start()
    await desktop!.recent.add(path)
    const list = (await invoke(windows[0]!, 'listRecentFiles')) as { id: string; name: string }[]
    expect(list).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'sales.flow.json' }])
    expect(JSON.stringify(list)).not.toContain(path)
    const opened = (await invoke(windows[0]!, 'openRecentFile', list[0]!.id)) as { text: string; file: any }
    expect(opened.text).toBe('{"format":"flowlane"}')
    // The opened file knows its place in the list, so the renderer can tell which it has open.
    expect(opened.file.recentId).toBe(list[0]!.id)
  })

  it('opens nothing from Open Recent but the list’s own ids, and drops a file that is gone', async () => {
    const { windows, invoke, desktop } = await start()
    await desktop!.recent.add('/nowhere/gone.flow.json')
    expect(await invoke(windows[0]!, 'openRecentFile', '/etc/passwd')).toBeNull()
    await expect(invoke(windows[0]!, 'openRecentFile', 42)).rejects.toThrow('invalid request')
    await expect(invoke(windows[0]!, 'listRecentFiles', 'x')).rejects.toThrow('invalid request')
    const [entry] = (await invoke(windows[0]!, 'listRecentFiles')) as { id: string }[]
    expect(await invoke(windows[0]!, 'openRecentFile', entry!.id)).toBeNull()
    expect(desktop!.recent.list()).toEqual([])
  })

  it('a missing file from Open Recent is reported and dropped from the list', async () => {
    const { windows, desktop } = await start()
    windows[0]!.loaded()
    await desktop!.recent.add('/nowhere/gone.flow.json')
    await desktop!.openPaths(['/nowhere/gone.flow.json'])
    expect(windows[0]!.webContents.events()).toContainEqual({
      type: 'notice',
      message: 'Cannot open /nowhere/gone.flow.json: the file no longer exists',
    })
    expect(desktop!.recent.list()).toEqual([])
  })

  it('on focus, tells the renderer its file changed on disk (D6)', async () => {
    const path = flowFile('one')
    const { windows, invoke, desktop } = await start()
    const window = windows[0]!
    const opened = await desktop!.files.openPath(path)
    await invoke(window, 'reportState', {
      dirty: false,
      canUndo: false,
      canRedo: false,
      hasSelection: false,
      locale: 'en',
      file: opened.file,
    })
    writeFileSync(path, 'two')
    window.emit('focus')
    await flush()
    expect(window.webContents.events()).toContainEqual({ type: 'fileChanged', file: opened.file })
  })

  it('asks the renderer about unsaved changes on close: Cancel keeps the window (D13)', async () => {
    const { windows, invoke, fake } = await start({ response: 2 })
    const window = windows[0]!
    window.close()
    const request = window.webContents.events().find((e) => e.type === 'request')!
    expect(request).toMatchObject({ request: 'unsaved' })
    await invoke(window, 'respond', request.type === 'request' ? request.id : 0, { dirty: true })
    await flush()
    expect(fake.dialog.showMessageBox).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ buttons: ['Save', 'Don’t Save', 'Cancel'], cancelId: 2 }),
    )
    expect(window.destroyed).toBe(false)
  })

  it('Don’t Save closes the window and remembers its size and position', async () => {
    const { windows, invoke, written } = await start({ response: 1 })
    const window = windows[0]!
    window.close()
    const request = window.webContents.events().find((e) => e.type === 'request')!
    await invoke(window, 'respond', request.type === 'request' ? request.id : 0, { dirty: true })
    await flush()
    expect(window.destroyed).toBe(true)
    expect(written).toEqual([{ x: 30, y: 40, width: 1000, height: 700, maximized: false }])
  })

  it('quit waits for the answer and goes on only when every window agrees', async () => {
    const { app, windows, invoke } = await start({ response: 2 })
    const window = windows[0]!
    const quitEvent = { preventDefault: vi.fn() }
    app.emit('before-quit', quitEvent)
    expect(quitEvent.preventDefault).toHaveBeenCalled()
    const request = window.webContents.events().find((e) => e.type === 'request')!
    await invoke(window, 'respond', request.type === 'request' ? request.id : 0, { dirty: false })
    await flush()
    expect(app.quit).toHaveBeenCalledTimes(1)
    // the second before-quit (from app.quit) passes straight through
    const again = { preventDefault: vi.fn() }
    app.emit('before-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })

  it('puts the window back where it was, inside the display', async () => {
    const { windows } = await start({ saved: { x: 5000, y: 0, width: 800, height: 600, maximized: true } })
    expect(windows[0]!.options).toMatchObject({ x: 560, y: 225, width: 800, height: 600 })
    windows[0]!.emit('ready-to-show')
    expect(windows[0]!.maximize).toHaveBeenCalled()
    expect(windows[0]!.show).toHaveBeenCalled()
  })
})
