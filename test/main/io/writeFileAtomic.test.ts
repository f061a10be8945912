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
