import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  cleanStaleTemps,
  createFileHandlers,
  describeWriteError,
  nodeFileSystem,
  safeFileName,
  type Dialogs,
  type FileSystem,
  type Renderers,
} from '../../../main/electron/fileHandlers.js'

function setup(options: { open?: string; save?: string; write?: FileSystem['writeFileAtomic'] } = {}) {
  const files = new Map<string, string | Uint8Array>([['/docs/sales.flow.json', '{"format":"flowlane"}']])
  const saveDialog = vi.fn((_name: string) => Promise.resolve(options.save))
  const dialogs: Dialogs = {
    showOpen: () => Promise.resolve(options.open),
    showSave: saveDialog,
  }
  const bytes = (path: string) => {
    const data = files.get(path)
    if (data === undefined) throw Object.assign(new Error('gone'), { code: 'ENOENT' })
    return typeof data === 'string' ? new TextEncoder().encode(data) : data
  }
  const fs: FileSystem = {
    readFile: (path) => Promise.resolve(bytes(path)),
    stat: (path) => Promise.resolve({ size: bytes(path).byteLength, mtimeMs: 1, isFile: true }),
    writeFileAtomic:
      options.write ??
      ((path, data) => {
        files.set(path, data)
        return Promise.resolve()
      }),
  }
  const remembered: string[] = []
  const renderers: Renderers = {
    pdf: (svg, title) =>
      Promise.resolve({ data: new TextEncoder().encode(`%PDF ${title} ${svg.length}`), warnings: [] }),
    png: () => Promise.resolve({ data: new Uint8Array([137, 80, 78, 71]), warnings: ['no CJK font'] }),
  }
  const handlers = createFileHandlers(dialogs, fs, { renderers, events: { remembered: (p) => remembered.push(p) } })
  return { handlers, files, remembered, saveDialog }
}

describe('file handlers of the desktop bridge', () => {
  it('open a file the user picked and hand back a token, not its path', async () => {
    const { handlers, remembered } = setup({ open: '/docs/sales.flow.json' })
    const opened = await handlers.openDocument()
    expect(opened?.text).toBe('{"format":"flowlane"}')
    expect(opened?.file.name).toBe('sales.flow.json')
    expect(opened?.file.token).not.toContain('/')
    expect(opened?.file.recentId).toMatch(/^[0-9a-f]{32}$/)
    expect(remembered).toEqual(['/docs/sales.flow.json'])
  })

  it('save back to an opened file by its token, without a dialog', async () => {
    const { handlers, files, saveDialog } = setup({ open: '/docs/sales.flow.json' })
    const opened = await handlers.openDocument()
    const saved = await handlers.saveDocument(opened!.file, '{"new":1}', 'x')
    expect(saved).toEqual({ ok: true, file: opened!.file })
    expect(files.get('/docs/sales.flow.json')).toBe('{"new":1}')
    expect(saveDialog).not.toHaveBeenCalled()
  })

  it('ask where to save a new document, and report a cancelled dialog as cancelled', async () => {
    const saved = await setup({ save: '/docs/new.flow.json' }).handlers.saveDocument(null, '{}', 'new')
    expect(saved).toMatchObject({ ok: true, file: { name: 'new.flow.json' } })
    expect(await setup({}).handlers.saveDocument(null, '{}', 'new')).toEqual({ ok: false, cancelled: true })
  })

  it('write an export through a save dialog', async () => {
    const { handlers, files } = setup({ save: '/docs/flow.svg' })
    expect(await handlers.writeExport('svg', '<svg/>', 'flow.svg')).toMatchObject({ ok: true })
    expect(files.get('/docs/flow.svg')).toBe('<svg/>')
  })

  it('draw PDF and PNG in main from the SVG the renderer sends, with the renderers’ warnings', async () => {
    const pdf = setup({ save: '/docs/flow.pdf' })
    expect(await pdf.handlers.writeExport('pdf', '<svg width="10" height="10"/>', 'Sales.pdf')).toMatchObject({
      ok: true,
    })
    expect(new TextDecoder().decode(pdf.files.get('/docs/flow.pdf') as Uint8Array)).toBe('%PDF Sales 29')
    const png = setup({ save: '/docs/flow.png' })
    expect(await png.handlers.writeExport('png', '<svg/>', 'flow.png')).toMatchObject({
      ok: true,
      warnings: ['no CJK font'],
    })
    expect(await png.handlers.writeExport('png', new Uint8Array([1, 2]), 'flow.png')).toMatchObject({ ok: false })
    // a chart already drawn as PNG is written as it is
    const chart = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])
    expect(await png.handlers.writeExport('png', chart, 'chart.png')).toMatchObject({ ok: true })
    expect(png.files.get('/docs/flow.png')).toEqual(chart)
    expect(await png.handlers.writeExport('pdf', '<html>', 'flow.pdf')).toMatchObject({ ok: false })
  })

  it('draw the walkthrough in main as one PDF from its SVG pages, and refuse anything else', async () => {
    const { handlers, files, saveDialog } = setup({ save: '/docs/walk.pdf' })
    const pages = ['<svg width="1600" height="900"/>', '<svg width="1600" height="900"></svg>']
    expect(await handlers.writeExport('walkthrough-pdf', JSON.stringify(pages), 'Sales.walkthrough.pdf')).toMatchObject(
      {
        ok: true,
      },
    )
    // the fake renderer writes the title and the number of pages
    expect(new TextDecoder().decode(files.get('/docs/walk.pdf') as Uint8Array)).toBe('%PDF Sales.walkthrough 2')
    expect(saveDialog.mock.calls[0]).toEqual(['Sales.walkthrough.pdf', [{ name: 'PDF', extensions: ['pdf'] }]])
    for (const bad of ['<svg/>', '[]', '["<html>"]', '{"pages":["<svg/>"]}', '[1]', 'not json']) {
      expect(await handlers.writeExport('walkthrough-pdf', bad, 'w.pdf'), bad).toMatchObject({ ok: false })
    }
    expect(await handlers.writeExport('walkthrough-pdf', new Uint8Array([0x25, 0x50]), 'w.pdf')).toMatchObject({
      ok: false,
    })
  })
})

describe('a compromised renderer (quality.md S16)', () => {
  it('cannot name a path: tokens it never got are refused, whatever they look like', async () => {
    const { handlers, files } = setup({ save: '/docs/other.flow.json' })
    for (const token of ['/etc/passwd', '..\\..\\windows\\system32\\drivers\\etc\\hosts', '../../.ssh/id_rsa']) {
      const saved = await handlers.saveDocument({ token, name: 'x' }, 'x', 'x')
      expect(saved).toEqual({ ok: false, cancelled: false, message: 'unknown file; use Save As' })
      await expect(handlers.reloadDocument({ token, name: 'x' })).rejects.toThrow('unknown file')
    }
    expect([...files.keys()]).toEqual(['/docs/sales.flow.json'])
  })

  it('cannot steer a save dialog to another folder through the suggested name', async () => {
    const { handlers, saveDialog } = setup({})
    await handlers.saveDocument(null, '{}', '..\\..\\AppData\\evil')
    await handlers.writeExport('svg', '<svg/>', '/etc/passwd')
    expect(saveDialog.mock.calls.map((c) => c[0])).toEqual(['evil.flow.json', 'passwd'])
    expect(safeFileName('con<>:"|?*.\u0000')).toBe('con')
    expect(safeFileName('...')).toBe('process')
  })

  it('refuses a 1 GB buffer and a 100 MB string before touching the disk, saying how big they are', async () => {
    const write = vi.fn(() => Promise.resolve())
    const { handlers } = setup({ save: '/docs/big.png', write })
    // A view claiming 1 GB: byteLength is all the check reads.
    const huge = new Uint8Array(new ArrayBuffer(8), 0, 8)
    Object.defineProperty(huge, 'byteLength', { value: 1024 ** 3 })
    expect(await handlers.writeExport('json', huge, 'big.json')).toMatchObject({
      ok: false,
      message: 'The json export is 1024 MB, more than the 80 MB the app writes in one go; nothing was written',
    })
    expect(await handlers.saveDocument(null, 'x'.repeat(100 * 1024 * 1024), 'big')).toMatchObject({
      ok: false,
      message: 'The document is 100 MB, more than the 80 MB the app writes in one go; nothing was written',
    })
    // A walkthrough of some 400 steps: a page per step, each with the whole drawing.
    const pages = JSON.stringify(['<svg>' + 'x'.repeat(90 * 1024 * 1024) + '</svg>'])
    expect(await handlers.writeExport('walkthrough-pdf', pages, 'flow.walkthrough.pdf')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The walkthrough is 90 MB, more than the 80 MB the app writes in one go/),
    })
    expect(write).not.toHaveBeenCalled()
  })

  it('refuses malformed payloads', async () => {
    const { handlers } = setup({ save: '/docs/a.svg' })
    expect(await handlers.writeExport('exe', 'x', 'a.exe')).toMatchObject({ ok: false, message: 'invalid request' })
    expect(await handlers.saveDocument(null, 42, 'x')).toMatchObject({ ok: false, message: 'invalid request' })
    expect(await handlers.saveDocument({ token: 't', name: 'n', path: '/etc/passwd' }, '{}', 'x')).toMatchObject({
      message: 'invalid request',
    })
    expect(await handlers.saveDocument(null, '{}', 'x', { overwrite: 'yes' })).toMatchObject({
      message: 'invalid request',
    })
    await expect(handlers.openDocument('/etc/passwd')).rejects.toThrow('invalid request')
    await expect(handlers.reloadDocument('token')).rejects.toThrow('invalid request')
  })

  it('refuses to open a file over the size limit before reading it', async () => {
    const readFile = vi.fn()
    const fs: FileSystem = {
      readFile,
      stat: () => Promise.resolve({ size: 30 * 1024 * 1024, mtimeMs: 0, isFile: true }),
      writeFileAtomic: vi.fn(),
    }
    const big = createFileHandlers({ showOpen: () => Promise.resolve('/d/big.flow.json'), showSave: vi.fn() }, fs)
    await expect(big.openDocument()).rejects.toThrow('big.flow.json is 30.0 MB; the most Flowlane opens is 20 MB')
    expect(readFile).not.toHaveBeenCalled()
  })
})

describe('write errors a user can act on (quality.md D3, D4)', () => {
  it.each([
    ['ENOSPC', 'Disk full – a.flow.json was not saved'],
    ['EACCES', 'read-only'],
    ['EROFS', 'read-only'],
    ['ENOENT', 'no longer exists'],
  ])('%s', async (code, message) => {
    const write = () => Promise.reject(Object.assign(new Error(code), { code }))
    const { handlers, files } = setup({ save: '/docs/a.flow.json', write })
    const saved = await handlers.saveDocument(null, '{}', 'a')
    expect(saved).toMatchObject({ ok: false, cancelled: false })
    expect(saved.ok === false && saved.message).toContain(message)
    expect(files.has('/docs/a.flow.json')).toBe(false)
    expect(describeWriteError(new Error('odd'), 'x')).toBe('x could not be written: odd')
  })
})

describe('a file changed on disk (quality.md D6)', () => {
  const realFiles = (dir: string) =>
    createFileHandlers(
      { showOpen: () => Promise.resolve(join(dir, 'sales.flow.json')), showSave: () => Promise.resolve(undefined) },
      nodeFileSystem,
    )

  it('refuses a save with conflict when another program rewrote the file, even with the same mtime', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlane-d6-'))
    const path = join(dir, 'sales.flow.json')
    writeFileSync(path, '{"v":1}')
    const handlers = realFiles(dir)
    const opened = (await handlers.openDocument())!
    const { atime, mtime } = statSync(path)
    // another program writes a different version and puts the old mtime back
    writeFileSync(path, '{"v":"theirs"}')
    utimesSync(path, atime, mtime)

    const refused = await handlers.saveDocument(opened.file, '{"v":"mine"}', 'x')
    expect(refused).toMatchObject({ ok: false, cancelled: false, conflict: true })
    expect(readFileSync(path, 'utf8')).toBe('{"v":"theirs"}')
    expect(await handlers.changedSinceAnnounced(opened.file.token)).toBe(true)
    // focus again: the same disk version is not announced twice
    expect(await handlers.changedSinceAnnounced(opened.file.token)).toBe(false)

    // Overwrite: the user chose to keep their version
    expect(await handlers.saveDocument(opened.file, '{"v":"mine"}', 'x', { overwrite: true })).toMatchObject({
      ok: true,
    })
    expect(readFileSync(path, 'utf8')).toBe('{"v":"mine"}')
    // and the next save is a normal one
    expect(await handlers.saveDocument(opened.file, '{"v":"mine 2"}', 'x')).toMatchObject({ ok: true })
  })

  it('reload reads the new version and records it, so the next save goes through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlane-d6-'))
    const path = join(dir, 'sales.flow.json')
    writeFileSync(path, 'one')
    const handlers = realFiles(dir)
    const opened = (await handlers.openDocument())!
    writeFileSync(path, 'two, longer')
    const reloaded = await handlers.reloadDocument(opened.file)
    expect(reloaded).toEqual({ file: opened.file, text: 'two, longer' })
    expect(await handlers.saveDocument(opened.file, 'three', 'x')).toMatchObject({ ok: true })
  })

  it('a file touched without a change is not a conflict; a deleted one is written again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlane-d6-'))
    const path = join(dir, 'sales.flow.json')
    writeFileSync(path, 'same')
    const handlers = realFiles(dir)
    const opened = (await handlers.openDocument())!
    utimesSync(path, new Date(), new Date(Date.now() + 60_000))
    expect(await handlers.saveDocument(opened.file, 'mine', 'x')).toMatchObject({ ok: true })
    await import('node:fs/promises').then((fs) => fs.unlink(path))
    expect(await handlers.reloadDocument(opened.file)).toBeNull()
    expect(await handlers.saveDocument(opened.file, 'again', 'x')).toMatchObject({ ok: true })
    expect(readFileSync(path, 'utf8')).toBe('again')
  })
})

describe('stale temporary files of a killed save (quality.md D1)', () => {
  it('are removed when the file is opened; other files are left alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlane-d1-'))
    writeFileSync(join(dir, 'a.flow.json'), 'old')
    writeFileSync(join(dir, '.a.flow.json.0123456789ab.tmp'), 'half')
    writeFileSync(join(dir, '.b.flow.json.0123456789ab.tmp'), 'other file')
    writeFileSync(join(dir, 'notes.tmp'), 'mine')
    expect(await cleanStaleTemps(join(dir, 'a.flow.json'))).toEqual(['.a.flow.json.0123456789ab.tmp'])
    expect(readdirSync(dir).sort()).toEqual(['.b.flow.json.0123456789ab.tmp', 'a.flow.json', 'notes.tmp'])
  })
})
