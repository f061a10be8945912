import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixturePath, tinyRaw, tinyText } from '../support/documents.js'
import { runCli } from '../support/runCli.js'

const scratch = (): string => mkdtempSync(join(tmpdir(), 'flowlane-cli-'))

describe('flowlane export --to json', () => {
  it('prints the normalised document on standard output', () => {
    const run = runCli(['export', fixturePath('tiny.flow.json'), '--to', 'json'])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(tinyText()))
    expect(run.stdout.endsWith('}\n')).toBe(true)
  })

  it('writes to -o, and re-exporting its own output gives the same bytes', () => {
    const dir = scratch()
    const out = join(dir, 'out.flow.json')
    expect(runCli(['export', fixturePath('tiny.flow.json'), '--to', 'json', '-o', out]).code).toBe(0)
    const again = runCli(['export', out, '--to', 'json'])
    expect(again.stdout).toBe(readFileSync(out, 'utf8'))
  })

  it('exits 2 with one line naming the file and line:column for broken JSON', () => {
    const file = fixturePath('broken.json')
    const run = runCli(['export', file, '--to', 'json'])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(`${file}:5:3: invalid JSON: expected "," or a closing bracket\n`)
  })

  it('names the JSON path of a document that loading refuses', () => {
    const dir = scratch()
    const raw = tinyRaw()
    raw.edges[1].target = 'gone'
    writeFileSync(join(dir, 'dangling.flow.json'), JSON.stringify(raw, null, 2))
    const run = runCli(['export', 'dangling.flow.json', '--to', 'json'], { cwd: dir })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(
      /^dangling\.flow\.json:\d+:\d+: edges\[1\]\.target: edge "e2" points to "gone", which is not a node\n$/,
    )
  })

  it('refuses a file made by a newer Flowlane', () => {
    const dir = scratch()
    const raw = tinyRaw()
    raw.version = 9
    writeFileSync(join(dir, 'future.flow.json'), JSON.stringify(raw))
    const run = runCli(['export', 'future.flow.json', '--to', 'json'], { cwd: dir })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^future\.flow\.json:1:\d+: version: made by a newer Flowlane/)
  })

  it('refuses a file over 20 MB without reading it', () => {
    const dir = scratch()
    const big = join(dir, 'big.flow.json')
    writeFileSync(big, ' '.repeat(20 * 1024 * 1024 + 1))
    const run = runCli(['export', big, '--to', 'json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`${big}: the file is 20.0 MB; the most Flowlane opens is 20 MB\n`)
  })

  it.each([
    ['a missing file', ['export', 'nope.flow.json', '--to', 'json'], 'nope.flow.json: no such file\n'],
    [
      'an unknown format',
      ['export', 'x.json', '--to', 'docx'],
      "flowlane: option '--to <format>' argument 'docx' is invalid. Allowed choices are json, mermaid, svg, bpmn, markdown, html, png, pdf.\n",
    ],
    ['a missing --to', ['export', 'x.json'], "flowlane: required option '--to <format>' not specified\n"],
    ['an unknown option', ['export', 'x.json', '--to', 'json', '--fast'], "flowlane: unknown option '--fast'\n"],
    ['an unknown command', ['exprot'], "flowlane: unknown command 'exprot' (Did you mean export?)\n"],
  ])('exits 2 for %s, with one line and no stack trace', (_name, args, stderr) => {
    const run = runCli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(stderr)
  })

  it('says so when a file is not UTF-8', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'latin1.flow.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]))
    const run = runCli(['export', 'latin1.flow.json', '--to', 'json'], { cwd: dir })
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('latin1.flow.json:1: not UTF-8 text (invalid byte at byte offset 2)\n')
  })

  it('never writes to its input file', () => {
    const dir = scratch()
    const file = join(dir, 'in.flow.json')
    writeFileSync(file, tinyText())
    const run = runCli(['export', file, '--to', 'json', '-o', file])
    expect(run.code).toBe(2)
    expect(readFileSync(file, 'utf8')).toBe(tinyText())
  })
})
