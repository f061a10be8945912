import { describe, expect, it } from 'vitest'
import { createFileHandlers, type Dialogs, type FileSystem } from '../../../main/electron/fileHandlers.js'

function setup(options: { open?: string; save?: string } = {}) {
  const files = new Map<string, string | Uint8Array>([['/docs/sales.flow.json', '{"format":"flowlane"}']])
  const dialogs: Dialogs = {
    showOpen: () => Promise.resolve(options.open),
    showSave: () => Promise.resolve(options.save),
  }
  const fs: FileSystem = {
    readFile: (path) => Promise.resolve(new TextEncoder().encode(String(files.get(path)))),
    size: (path) => Promise.resolve(String(files.get(path)).length),
    writeFileAtomic: (path, data) => {
      files.set(path, data)
      return Promise.resolve()
    },
  }
  return { handlers: createFileHandlers(dialogs, fs), files }
}

describe('file handlers of the desktop bridge', () => {
  it('open a file the user picked and hand back a token, not its path', async () => {
    const { handlers } = setup({ open: '/docs/sales.flow.json' })
    const opened = await handlers.openDocument()
    expect(opened?.text).toBe('{"format":"flowlane"}')
    expect(opened?.file.name).toBe('sales.flow.json')
    expect(opened?.file.token).not.toContain('/')
  })

  it('save back to an opened file by its token, without a dialog', async () => {
    const { handlers, files } = setup({ open: '/docs/sales.flow.json' })
    const opened = await handlers.openDocument()
    const saved = await handlers.saveDocument(opened!.file, '{"new":1}', 'x')
    expect(saved).toEqual({ ok: true, file: opened!.file })
    expect(files.get('/docs/sales.flow.json')).toBe('{"new":1}')
  })

  it('refuse tokens it never issued: a compromised renderer cannot write where it likes', async () => {
    const { handlers, files } = setup({ save: '/docs/other.flow.json' })
    const saved = await handlers.saveDocument({ token: '/etc/passwd', name: 'passwd' }, 'x', 'x')
    expect(saved).toEqual({ ok: false, cancelled: false, message: 'unknown file; use Save As' })
    expect([...files.keys()]).toEqual(['/docs/sales.flow.json'])
  })

  it('refuse malformed payloads', async () => {
    const { handlers } = setup({ save: '/docs/a.svg' })
    expect(await handlers.writeExport('exe', 'x', 'a.exe')).toMatchObject({ ok: false, message: 'invalid request' })
    expect(await handlers.saveDocument(null, 42, 'x')).toMatchObject({ ok: false, message: 'invalid request' })
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
})
