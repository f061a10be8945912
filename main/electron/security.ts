/**
 * The Electron security checklist as code (quality.md, "Electron security"): hardened
 * BrowserWindow options, the Content-Security-Policy, navigation and new windows denied,
 * permission requests denied, only https and mailto links handed to the OS, and the
 * sender check of every IPC message. Electron's objects are typed structurally so the
 * rules are unit-tested with fakes.
 */
import type { BrowserWindowConstructorOptions } from 'electron'

/** The app's origin. It never changes: IndexedDB autosaves belong to it (quality.md D10). */
export const APP_ORIGIN = 'app://flowlane'

/**
 * Sent as a header on every app:// response (frame-ancestors is ignored in a meta tag).
 * Styles allow 'unsafe-inline' because React Flow positions nodes and Mermaid styles its
 * SVG inline; scripts never do.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Web preferences of every Flowlane window. */
export function hardenedWebPreferences(
  preload: string,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  }
}

export interface Bounds {
  readonly x?: number
  readonly y?: number
  readonly width: number
  readonly height: number
}

export function windowOptions(preload: string, bounds: Bounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    title: 'Flowlane',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(preload),
  }
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:'])

/** Only https and mailto links may leave the app, and never with credentials in them. */
export function isAllowedExternal(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false
  if (parsed.protocol === 'https:' && (parsed.username !== '' || parsed.password !== '' || parsed.hostname === ''))
    return false
  return true
}

export interface ShellLike {
  openExternal(url: string): Promise<void>
}

/** The only way Flowlane calls `shell.openExternal` (checklist item 15). */
export function openExternalSafely(shell: ShellLike, url: string): boolean {
  if (!isAllowedExternal(url)) return false
  void shell.openExternal(url).catch(() => undefined)
  return true
}

/** Is this URL our own UI? (Exact origin, not a prefix: `app://flowlane.evil` is not.) */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'app:' && parsed.host === 'flowlane' && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

interface PreventableEvent {
  preventDefault(): void
}

/** The part of WebContents the hardening touches. */
export interface ContentsLike {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * Navigation away from the app and new windows are denied (checklist 13, 14, 11, 12);
 * a link to an https or mailto address opens in the user's browser or mail program instead.
 */
export function hardenContents(contents: ContentsLike, shell: ShellLike): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return
    event.preventDefault()
    openExternalSafely(shell, url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(shell, url)
    return { action: 'deny' }
  })
}

/** The part of Session the hardening touches. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void
  setDevicePermissionHandler?(handler: () => boolean): void
  on(event: 'will-download', listener: (event: PreventableEvent) => void): unknown
}

/** Every permission (camera, notifications, geolocation, …) is refused; no downloads (checklist 5). */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler?.(() => false)
  session.on('will-download', (event) => event.preventDefault())
}

/** An IPC event's sender, as far as the check needs it. */
export interface SenderLike {
  readonly sender: { readonly id: number }
  readonly senderFrame: { readonly url: string; readonly parent?: unknown } | null
}

/**
 * Only our own windows' top frames, showing our own UI, may call the bridge (checklist 17;
 * Electron Fiddle: "Only accept messages from BrowserWindows created by the app").
 */
export function isTrustedSender(event: SenderLike, ourContents: ReadonlySet<number>): boolean {
  const frame = event.senderFrame
  if (!frame || !ourContents.has(event.sender.id)) return false
  if (frame.parent !== null && frame.parent !== undefined) return false
  return isAppUrl(frame.url)
}
