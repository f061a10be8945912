/**
 * Electron's main process, kept thin: a hardened window that loads the renderer from the
 * privileged app:// scheme (IndexedDB data belongs to the origin, so this never changes),
 * and the bridge's three channels. Everything testable lives in fileHandlers.ts.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, type IpcMainInvokeEvent } from 'electron'
import { join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CHANNELS, type FlowlaneBridge } from '../../shared/ipc/contract.js'
import { createFileHandlers } from './fileHandlers.js'

const ORIGIN = 'app://flowlane'
const RENDERER = join(__dirname, '..', 'dist', 'renderer')
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'"

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

const windows = new Set<BrowserWindow>()

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Flowlane',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  windows.add(window)
  window.on('closed', () => windows.delete(window))
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault()
  })
  void window.loadURL(`${ORIGIN}/index.html`)
}

/** Only our own windows' top frames may call the bridge (Electron Fiddle's rule). */
function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  const window = BrowserWindow.fromWebContents(event.sender)
  return !!window && windows.has(window) && event.senderFrame?.url.startsWith(`${ORIGIN}/`) === true
}

void app.whenReady().then(() => {
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url)
    const file = normalize(join(RENDERER, decodeURIComponent(pathname)))
    if (!file.startsWith(RENDERER + sep)) return new Response('not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CSP)
    return new Response(response.body, { status: response.status, headers })
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))

  const handlers = createFileHandlers({
    showOpen: async (filters) => {
      const result = await dialog.showOpenDialog({ properties: ['openFile'], filters })
      return result.canceled ? undefined : result.filePaths[0]
    },
    showSave: async (defaultPath, filters) => {
      const result = await dialog.showSaveDialog({ defaultPath, filters })
      return result.canceled ? undefined : result.filePath
    },
  })
  for (const name of Object.keys(CHANNELS) as (keyof FlowlaneBridge)[]) {
    ipcMain.handle(CHANNELS[name], (event, ...args: unknown[]) => {
      if (!fromOurWindow(event)) throw new Error('refused: not a Flowlane window')
      return handlers[name](...args)
    })
  }
  createWindow()
  app.on('activate', () => {
    if (windows.size === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
