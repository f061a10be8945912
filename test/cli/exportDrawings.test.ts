import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../shared/document/index.js'
import { nodeBox } from '../../shared/geometry/index.js'
import { fixturePath } from '../support/documents.js'
import { REPO, runCli } from '../support/runCli.js'

const scratch = (): string => mkdtempSync(join(tmpdir(), 'flowlane-draw-'))
const template = (locale: string, id: string) => join(REPO, 'templates', locale, `${id}.flow.json`)

describe('flowlane export to drawings', () => {
  it('prints SVG on standard output', () => {
    const run = runCli(['export', fixturePath('tiny.flow.json'), '--to', 'svg'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
  })

  it.each(['png', 'pdf'])('writes %s of a Chinese template to -o, and only with -o', (format) => {
    const out = join(scratch(), `flow.${format}`)
    const run = runCli(['export', template('zh-CN', 'b2b-pipeline'), '--to', format, '-o', out])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const head = readFileSync(out).subarray(0, 4).toString('latin1')
    expect(head).toBe(format === 'png' ? '\x89PNG' : '%PDF')
    expect(runCli(['export', template('zh-CN', 'b2b-pipeline'), '--to', format]).code).toBe(2)
  })
})

describe('flowlane layout', () => {
  it('rewrites positions and keeps everything else', () => {
    const run = runCli(['layout', template('en', 'lead-to-cash')])
    expect(run.code).toBe(0)
    const before = parseDocument(readFileSync(template('en', 'lead-to-cash'), 'utf8'), 'before')
    const after = parseDocument(run.stdout, 'after')
    if (!before.ok || !after.ok) throw new Error('did not load')
    expect(after.value.nodes.map((n) => [n.id, n.label, n.kind])).toEqual(
      before.value.nodes.map((n) => [n.id, n.label, n.kind]),
    )
    expect(after.value.edges.map((e) => [e.id, e.source, e.target])).toEqual(
      before.value.edges.map((e) => [e.id, e.source, e.target]),
    )
    expect(after.value.nodes.map((n) => n.position)).not.toEqual(before.value.nodes.map((n) => n.position))
    expect(after.value.nodes.every((n) => nodeBox(n).x >= 0)).toBe(true)
  })

  it('warns that a flow with lanes stays left to right', () => {
    const run = runCli(['layout', fixturePath('tiny.flow.json'), '--direction', 'TB'])
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/warning: a flow with lanes is laid out left to right/)
  })
})

describe('flowlane export to a handbook', () => {
  it.each([
    ['markdown', /^# B2B 销售管道\n[\s\S]*```mermaid\nflowchart[\s\S]*## 步骤一览/],
    ['html', /^<!doctype html>\n<html lang="zh-CN">[\s\S]*<svg [\s\S]*<h2>步骤一览<\/h2>/],
  ])('writes %s on standard output', (format, shape) => {
    const run = runCli(['export', template('zh-CN', 'b2b-pipeline'), '--to', format])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(shape)
  })
})
