import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileRecentStore, loadRecentFiles, RECENT_LIMIT, recentFileId } from '../../../main/electron/recentFiles.js'

const scratch = () => join(mkdtempSync(join(tmpdir(), 'flowlane-recent-')), 'recent-files.json')

describe('Open Recent', () => {
  it('keeps the newest first, without duplicates, at most 10, in userData as JSON', async () => {
    const path = scratch()
    const recent = await loadRecentFiles(fileRecentStore(path), { platform: 'linux' })
    for (let i = 0; i < 12; i++) await recent.add(`/docs/${i}.flow.json`)
    await recent.add('/docs/5.flow.json')
    expect(recent.list()).toHaveLength(RECENT_LIMIT)
    expect(recent.list().slice(0, 3)).toEqual(['/docs/5.flow.json', '/docs/11.flow.json', '/docs/10.flow.json'])
    const stored = JSON.parse(readFileSync(path, 'utf8'))
    expect(stored).toEqual({ version: 1, files: recent.list() })
    // and a restart reads it back
    expect((await loadRecentFiles(fileRecentStore(path), { platform: 'linux' })).list()).toEqual(recent.list())
  })

  it('gives the renderer stable ids and names, never paths, and finds a path only by its id', async () => {
    const path = scratch()
    const recent = await loadRecentFiles(fileRecentStore(path), { platform: 'linux' })
    await recent.add('/docs/a.flow.json')
    await recent.add('/docs/b.flow.json')
    const entries = recent.entries()
    expect(entries.map((e) => e.name)).toEqual(['b.flow.json', 'a.flow.json'])
    expect(JSON.stringify(entries)).not.toContain('/docs')
    expect(recent.pathOf(entries[1]!.id)).toBe('/docs/a.flow.json')
    expect(recent.pathOf('/docs/a.flow.json')).toBeUndefined()
    // the same ids after a restart
    expect((await loadRecentFiles(fileRecentStore(path), { platform: 'linux' })).entries()).toEqual(entries)
    expect(recentFileId('C:\\Docs\\A.flow.json', 'win32')).toBe(recentFileId('c:\\docs\\a.flow.json', 'win32'))
    expect(recentFileId('/docs/A.flow.json', 'linux')).not.toBe(recentFileId('/docs/a.flow.json', 'linux'))
  })

  it('removes and clears', async () => {
    const recent = await loadRecentFiles(fileRecentStore(scratch()), { platform: 'linux' })
    await recent.add('/a.flow.json')
    await recent.add('/b.flow.json')
    await recent.remove('/a.flow.json')
    expect(recent.list()).toEqual(['/b.flow.json'])
    await recent.clear()
    expect(recent.list()).toEqual([])
  })

  it('treats paths without case on Windows and macOS', async () => {
    const recent = await loadRecentFiles(fileRecentStore(scratch()), { platform: 'win32' })
    await recent.add('C:\\Docs\\Sales.flow.json')
    await recent.add('c:\\docs\\sales.flow.json')
    expect(recent.list()).toEqual(['c:\\docs\\sales.flow.json'])
  })

  it('starts empty from a damaged or hostile file, dropping relative paths', async () => {
    for (const text of ['{', '[]', '{"version":2,"files":[]}', '{"version":1,"files":[1,2]}']) {
      const path = scratch()
      writeFileSync(path, text)
      expect((await loadRecentFiles(fileRecentStore(path))).list()).toEqual([])
    }
    const path = scratch()
    writeFileSync(path, JSON.stringify({ version: 1, files: ['../../etc/passwd', '/ok.flow.json'] }))
    expect((await loadRecentFiles(fileRecentStore(path), { platform: 'linux' })).list()).toEqual(['/ok.flow.json'])
  })
})
