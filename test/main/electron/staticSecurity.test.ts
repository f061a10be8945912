/**
 * A static check of main/ and the preload against the Electron security checklist
 * (quality.md S20), run in `npm test`: zero findings. It reads the sources as text (comments
 * stripped), so it also catches settings a unit test never constructs.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { REPO } from '../../support/runCli.js'

/** main/ without the CLI (plain Node, no Electron), comments removed. */
function sources(): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|js|cjs|mjs)$/.test(entry.name)) {
        const file = relative(REPO, path)
        if (file.startsWith(join('main', 'cli'))) continue
        const printer = ts.createPrinter({ removeComments: true })
        const source = ts.createSourceFile(file, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
        out.set(file, printer.printFile(source))
      }
    }
  }
  walk(join(REPO, 'main'))
  return out
}

const files = sources()
const all = [...files.values()].join('\n')
const findings = (pattern: RegExp) => [...files].filter(([, text]) => pattern.test(text)).map(([file]) => file)

describe('Electron security checklist, statically', () => {
  it('reads the main process and the preload', () => {
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([join('main', 'electron', 'main.ts'), join('main', 'electron', 'preload.ts')]),
    )
  })

  it.each([
    ['nodeIntegration: true', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
    ['contextIsolation: false', /contextIsolation\s*:\s*false/],
    ['sandbox: false', /sandbox\s*:\s*false/],
    ['webSecurity: false', /webSecurity\s*:\s*false/],
    ['allowRunningInsecureContent: true', /allowRunningInsecureContent\s*:\s*true/],
    ['enableBlinkFeatures', /enableBlinkFeatures/],
    ['experimentalFeatures: true', /experimentalFeatures\s*:\s*true/],
    ['webviewTag: true', /webviewTag\s*:\s*true/],
    ['the remote module', /@electron\/remote|enableRemoteModule/],
    ['disabled security warnings', /ELECTRON_DISABLE_SECURITY_WARNINGS/],
    ['certificate errors accepted', /certificate-error|setCertificateVerifyProc/],
    ['a file:// UI', /loadFile\s*\(|loadURL\s*\(\s*['"`]file:/],
    ['remote content', /loadURL\s*\(\s*['"`]https?:/],
    ['insecure http resources', /['"`]http:\/\/(?!www\.w3\.org)/],
    ['eval or new Function', /\beval\s*\(|new Function\s*\(/],
    ['a raw ipcRenderer exposed', /exposeInMainWorld\s*\([^)]*ipcRenderer/],
    ['blanket permission grants', /callback\s*\(\s*true\s*\)/],
    ['window.open allowed', /action\s*:\s*['"]allow['"]/],
  ])('has no %s', (_name, pattern) => {
    expect(findings(pattern)).toEqual([])
  })

  it('calls shell.openExternal only behind the allow-list', () => {
    const calls = [...files].flatMap(([file, text]) =>
      [...text.matchAll(/\.openExternal\s*\(/g)].map((m) => ({ file, at: m.index })),
    )
    // one call, in openExternalSafely, right after the isAllowedExternal check
    expect(calls.map((c) => c.file)).toEqual([join('main', 'electron', 'security.ts')])
    const security = files.get(join('main', 'electron', 'security.ts'))!
    const fn = security.slice(security.indexOf('function openExternalSafely'), security.indexOf('function isAppUrl'))
    expect(fn).toMatch(/if\s*\(\s*!isAllowedExternal\(url\)\)\s*return false;?\s*void shell\.openExternal\(url\)/)
  })

  it('sets up the handlers the checklist asks for', () => {
    expect(all).toMatch(/setPermissionRequestHandler\(/)
    expect(all).toMatch(/['"]will-navigate['"]/)
    expect(all).toMatch(/setWindowOpenHandler\(/)
    expect(all).toMatch(/['"]will-attach-webview['"]/)
    expect(all).toMatch(/contextIsolation: true/)
    expect(all).toMatch(/sandbox: true/)
    expect(all).toMatch(/Content-Security-Policy/)
    expect(all).toMatch(/isTrustedSender\(event, ourContents\)/)
    expect(all).toMatch(/registerSchemesAsPrivileged/)
  })

  it('the preload exposes one object and never ipcRenderer, ipcRenderer.send or sendSync', () => {
    const preload = files.get(join('main', 'electron', 'preload.ts'))!
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|sendTo|postMessage)\(/)
    // ipcRenderer as a value anywhere but the import line: handed out whole
    expect(preload.replace(/^import .*$/gm, '')).not.toMatch(/:\s*ipcRenderer\b|ipcRenderer\s*[,})]/)
  })
})
