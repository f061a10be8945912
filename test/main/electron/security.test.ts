import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import {
  CSP,
  hardenContents,
  hardenSession,
  hardenedWebPreferences,
  isAllowedExternal,
  isAppUrl,
  isTrustedSender,
  windowOptions,
} from '../../../main/electron/security.js'

function fakeContents() {
  const emitter = new EventEmitter()
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined
  const contents = {
    on: (event: string, listener: (...args: any[]) => void) => emitter.on(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler
    },
  }
  const fire = (event: string, url?: string) => {
    const e = { preventDefault: vi.fn() }
    emitter.emit(event, e, url)
    return e.preventDefault.mock.calls.length > 0
  }
  return { contents, fire, open: (url: string) => openHandler!({ url }) }
}

describe('BrowserWindow options (checklist 2, 3, 4, 6, 8, 9, 10)', () => {
  it('are hardened', () => {
    const options = windowOptions('/app/preload.cjs', { width: 1000, height: 700 })
    expect(options.webPreferences).toEqual({
      preload: '/app/preload.cjs',
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
    })
    expect(options).toMatchObject({ width: 1000, height: 700, show: false })
    expect(hardenedWebPreferences('p')).not.toHaveProperty('enableBlinkFeatures')
  })
})

describe('the Content-Security-Policy (checklist 7, quality.md S19)', () => {
  const directives = new Map(CSP.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]))
  it('runs only the app’s own scripts: no inline, no eval, nothing remote', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(CSP).not.toMatch(/unsafe-eval|https?:|\*/)
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
  })
  it('allows inline styles only (React Flow and Mermaid need them)', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(CSP.match(/'unsafe-inline'/g)).toHaveLength(1)
  })
})

describe('links leaving the app (checklist 15, quality.md S17)', () => {
  it.each([
    ['https://flowlane.app/docs', true],
    ['mailto:sales@example.com', true],
    ['http://example.com', false],
    ['smb://attacker/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://user:pw@example.com', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternal(url)).toBe(allowed)
  })
})

describe('navigation, new windows and webviews are denied (checklist 11–14, S17)', () => {
  it('navigation away is prevented; https goes to the OS browser, anything else nowhere', () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) }
    const { contents, fire } = fakeContents()
    hardenContents(contents, shell)
    expect(fire('will-navigate', 'https://example.com')).toBe(true)
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(fire('will-navigate', 'app://flowlane.evil/index.html')).toBe(true)
    expect(fire('will-navigate', 'app://flowlane/index.html')).toBe(false)
    expect(fire('will-redirect', 'https://example.com')).toBe(true)
    expect(fire('will-attach-webview')).toBe(true)
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com']])
  })

  it('window.open is always denied; only https and mailto reach the shell', () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) }
    const { contents, open } = fakeContents()
    hardenContents(contents, shell)
    for (const url of [
      'file:///',
      'smb://x/y',
      'ms-msdt:x',
      'https://example.com/a',
      'mailto:a@b.c',
      'app://flowlane/',
    ])
      expect(open(url)).toEqual({ action: 'deny' })
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/a'], ['mailto:a@b.c']])
  })
})

describe('permissions (checklist 5)', () => {
  it('every request and check is refused, downloads too', () => {
    let request: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | undefined
    let check: ((c: unknown, p: string) => boolean) | undefined
    const emitter = new EventEmitter()
    hardenSession({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      on: (e: string, l: (...a: any[]) => void) => emitter.on(e, l),
    })
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      request!({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(check!({}, permission)).toBe(false)
    }
    const download = { preventDefault: vi.fn() }
    emitter.emit('will-download', download)
    expect(download.preventDefault).toHaveBeenCalled()
  })
})

describe('IPC senders (checklist 17)', () => {
  const ours = new Set([7])
  const event = (id: number, url: string, parent: unknown = null) => ({ sender: { id }, senderFrame: { url, parent } })
  it('accepts only the top frame of our own window showing our UI', () => {
    expect(isTrustedSender(event(7, 'app://flowlane/index.html'), ours)).toBe(true)
    expect(isTrustedSender(event(8, 'app://flowlane/index.html'), ours)).toBe(false)
    expect(isTrustedSender(event(7, 'https://evil.example/'), ours)).toBe(false)
    expect(isTrustedSender(event(7, 'app://flowlane/index.html', { url: 'x' }), ours)).toBe(false)
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: null }, ours)).toBe(false)
    expect(isAppUrl('app://flowlane@evil/')).toBe(false)
    expect(isAppUrl('app://flowlane/index.html')).toBe(true)
  })
})
