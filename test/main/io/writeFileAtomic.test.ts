import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../main/io/writeFileAtomic.js'

const scratch = (): string => mkdtempSync(join(tmpdir(), 'flowlane-atomic-'))

describe('writeFileAtomic', () => {
  it('creates a new file with exactly the bytes given', async () => {
    const dir = scratch()
    await writeFileAtomic(join(dir, 'a.flow.json'), '{"报价": 1}\n')
    expect(readFileSync(join(dir, 'a.flow.json'), 'utf8')).toBe('{"报价": 1}\n')
  })

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const dir = scratch()
    writeFileSync(join(dir, 'a.flow.json'), 'old')
    await writeFileAtomic(join(dir, 'a.flow.json'), new Uint8Array([110, 101, 119]))
    expect(readFileSync(join(dir, 'a.flow.json'), 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['a.flow.json'])
  })

  it('leaves the original untouched when the new file cannot be put in place', async () => {
    // given a target that is a folder: the rename fails after the temporary file was written
    const dir = scratch()
    const target = join(dir, 'taken')
    await import('node:fs/promises').then((fs) => fs.mkdir(target))
    writeFileSync(join(target, 'inside'), 'keep')
    // when
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow()
    // then nothing was lost and no temporary file is left
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('keep')
    expect(readdirSync(dir)).toEqual(['taken'])
  })

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(scratch(), 'missing', 'a.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('a save killed between writing and renaming (quality.md D1)', () => {
  it('leaves the old file byte-identical; the stale temporary file is cleaned up on the next open', async () => {
    const { spawn } = await import('node:child_process')
    const { cleanStaleTemps } = await import('../../../main/electron/fileHandlers.js')
    const dir = scratch()
    const target = join(dir, 'sales.flow.json')
    const old = '{"version":"old","报价":1}\n'
    writeFileSync(target, old)
    const child = join(dir, 'child.mts')
    const module = new URL('../../../main/io/writeFileAtomic.ts', import.meta.url).pathname
    writeFileSync(
      child,
      `import { writeFileAtomic } from ${JSON.stringify(module)}
await writeFileAtomic(${JSON.stringify(target)}, 'x'.repeat(1_000_000), {
  beforeRename: async () => { process.stdout.write('paused\\n'); await new Promise(() => {}) },
})`,
    )
    // given a save paused after the temporary file is written and synced
    const proc = spawn(process.execPath, ['--import', 'tsx', child], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve, reject) => {
      proc.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('paused') && resolve())
      proc.on('exit', (code) => reject(new Error(`child exited ${code}`)))
    })
    // when the process is killed outright
    proc.kill('SIGKILL')
    await new Promise((resolve) => proc.on('exit', resolve))
    // then the file is the old one, byte for byte, and only a temporary file is left beside it
    expect(readFileSync(target, 'utf8')).toBe(old)
    const temps = readdirSync(dir).filter((f) => f.endsWith('.tmp'))
    expect(temps).toHaveLength(1)
    expect(await cleanStaleTemps(target)).toEqual(temps)
    expect(readdirSync(dir).sort()).toEqual(['child.mts', 'sales.flow.json'])
  })
})
