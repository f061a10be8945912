import { describe, expect, it, vi } from 'vitest'
import { createAppProtocolHandler, resolveAppPath } from '../../../main/electron/appProtocol.js'
import { CSP } from '../../../main/electron/security.js'

const ROOT = '/opt/flowlane/dist/renderer'

describe('the app:// protocol', () => {
  const fetchFile = vi.fn((url: string) =>
    Promise.resolve(
      url.endsWith('/missing.js')
        ? new Response('', { status: 404 })
        : new Response(`body of ${url}`, { headers: { 'Content-Type': 'application/octet-stream' } }),
    ),
  )
  const handle = createAppProtocolHandler(ROOT, fetchFile)

  it('serves the renderer with the CSP and a correct type', async () => {
    const response = await handle(new Request('app://flowlane/assets/index-abc.js'))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Security-Policy')).toBe(CSP)
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(await response.text()).toBe(`body of file://${ROOT}/assets/index-abc.js`)
    expect((await handle(new Request('app://flowlane/'))).headers.get('Content-Type')).toContain('text/html')
  })

  it.each([
    'app://flowlane/../../../etc/passwd',
    'app://flowlane/%2e%2e/%2e%2e/etc/passwd',
    'app://flowlane/..%2f..%2fetc%2fpasswd',
    'app://flowlane/..%5c..%5cwindows%5cwin.ini',
  ])('keeps %s inside the renderer folder, with the CSP header', async (url) => {
    fetchFile.mockClear()
    const response = await handle(new Request(url))
    expect(response.headers.get('Content-Security-Policy')).toBe(CSP)
    for (const [fetched] of fetchFile.mock.calls) expect(fetched.startsWith(`file://${ROOT}/`)).toBe(true)
  })

  it.each([
    'app://flowlane/..%2f..%2fetc%2fpasswd',
    'app://flowlane/assets/%00.js',
    'app://other/index.html',
    'app://flowlane/missing.js',
  ])('answers %s with 404 — and the CSP header', async (url) => {
    const response = await handle(new Request(url))
    expect(response.status).toBe(404)
    expect(response.headers.get('Content-Security-Policy')).toBe(CSP)
  })

  it('refuses other methods, with the CSP header', async () => {
    const response = await handle(new Request('app://flowlane/index.html', { method: 'POST', body: 'x' }))
    expect(response.status).toBe(405)
    expect(response.headers.get('Content-Security-Policy')).toBe(CSP)
  })

  it('never resolves a path outside the renderer folder', () => {
    expect(resolveAppPath(ROOT, 'app://flowlane/a/../index.html')).toBe(`${ROOT}/index.html`)
    expect(resolveAppPath(ROOT, 'app://flowlane/%2e%2e/renderer-evil/x')).toBe(`${ROOT}/renderer-evil/x`)
    expect(resolveAppPath(ROOT, 'app://flowlane/..%2f..%2frenderer-evil')).toBeUndefined()
    expect(resolveAppPath(ROOT, 'not a url')).toBeUndefined()
  })
})
