// A static server on 127.0.0.1 (PORT, default 4173): the built renderer at `/` (`npm run web`),
// and for the end-to-end suite, harness pages under /harness/. Each URL prefix maps to a folder.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'

const ROUTES = [
  ['/harness/', 'test/e2e/harness'],
  ['/vendor/bpmn-js/', 'node_modules/bpmn-js/dist'],
  ['/', process.env.RENDERER_OUT ?? 'dist/renderer'],
]
const PORT = Number(process.env.PORT ?? 4173)
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.bpmn': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
}

function fileFor(pathname) {
  for (const [prefix, folder] of ROUTES) {
    if (!pathname.startsWith(prefix)) continue
    const root = resolve(folder)
    const file = normalize(join(root, decodeURIComponent(pathname.slice(prefix.length)) || 'index.html'))
    // Never serve outside the mapped folder.
    if (!file.startsWith(root)) return undefined
    if (existsSync(file) && statSync(file).isFile()) return file
  }
  return undefined
}

createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1')
  if (pathname === '/health') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    return
  }
  const file = fileFor(pathname)
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    return
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  })
  createReadStream(file).pipe(response)
}).listen(PORT, '127.0.0.1', () => console.log(`Flowlane on http://127.0.0.1:${PORT}/`))
