/**
 * The handler of the privileged app:// scheme: serves the built renderer and nothing else,
 * with the Content-Security-Policy as a header on every response, errors included
 * (quality.md S19). The file fetcher is injected (Electron's `net.fetch` of a file URL).
 */
import { extname, join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CSP } from './security.js'

export type FetchFile = (fileUrl: string) => Promise<Response>

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
}

function securityHeaders(headers: Headers): Headers {
  headers.set('Content-Security-Policy', CSP)
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Cross-Origin-Opener-Policy', 'same-origin')
  headers.set('Referrer-Policy', 'no-referrer')
  return headers
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders(new Headers({ 'Content-Type': 'text/plain' })) })
}

/** Maps `app://flowlane/<path>` to a file inside `root`, or undefined when it would leave it. */
export function resolveAppPath(root: string, url: string): string | undefined {
  let pathname: string
  try {
    const parsed = new URL(url)
    if (parsed.host !== 'flowlane') return undefined
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return undefined
  }
  if (pathname.includes('\0')) return undefined
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  const base = normalize(root)
  const file = normalize(join(base, pathname))
  return file.startsWith(base.endsWith(sep) ? base : base + sep) ? file : undefined
}

export function createAppProtocolHandler(root: string, fetchFile: FetchFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed')
    const file = resolveAppPath(root, request.url)
    if (file === undefined) return plain(404, 'not found')
    let response: Response
    try {
      response = await fetchFile(pathToFileURL(file).toString())
    } catch {
      return plain(404, 'not found')
    }
    if (!response.ok) return plain(404, 'not found')
    const headers = securityHeaders(new Headers(response.headers))
    const type = TYPES[extname(file).toLowerCase()]
    if (type) headers.set('Content-Type', type)
    return new Response(response.body, { status: response.status, headers })
  }
}
