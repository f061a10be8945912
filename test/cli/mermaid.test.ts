import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument, type FlowDocument } from '../../shared/document/index.js'
import { toMermaid } from '../../shared/formats/mermaid/index.js'
import { runCli } from '../support/runCli.js'
import { loadTemplate, templateFiles } from '../support/templates.js'

const scratch = (): string => mkdtempSync(join(tmpdir(), 'flowlane-mermaid-'))
const fixture = (name: string): string => join('test/fixtures/mermaid', name)

function loaded(text: string): FlowDocument {
  const result = parseDocument(text, 'output')
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return result.value
}

const template = templateFiles().find((t) => t.locale === 'zh-CN' && t.id === 'lead-to-cash')!

describe('flowlane export --to mermaid', () => {
  it('prints the flowchart on standard output', () => {
    const run = runCli(['export', template.path, '--to', 'mermaid'])
    expect(run).toEqual({ code: 0, stdout: toMermaid(loadTemplate(template)), stderr: '' })
  })

  it('writes it to -o', () => {
    const out = join(scratch(), 'flow.mmd')
    expect(runCli(['export', template.path, '--to', 'mermaid', '-o', out]).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toMatch(/^flowchart LR\n {2}subgraph lane-leads \["线索管理"\]\n/)
  })
})

describe('flowlane import', () => {
  it('imports a Markdown page, lays it out, and lists what it dropped on standard error', () => {
    // given a wiki page with a fenced flowchart
    const out = join(scratch(), 'pipeline.flow.json')
    // when
    const run = runCli(['import', fixture('sales-pipeline.md'), '-o', out])
    // then
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      [
        'test/fixtures/mermaid/sales-pipeline.md:28: warning: dropped a click: Flowlane keeps no links or callbacks on steps',
        'test/fixtures/mermaid/sales-pipeline.md:29: warning: ignored 1 style statement(s): Flowlane colours steps by their kind',
        '',
      ].join('\n'),
    )
    const doc = loaded(readFileSync(out, 'utf8'))
    expect(doc).toMatchObject({ id: 'sales-pipeline', name: 'Sales pipeline', roles: [] })
    expect(doc.lanes.map((l) => l.name)).toEqual(['Marketing', 'Sales'])
    expect(new Set(doc.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(doc.nodes.length)
  })

  it('prints the document on standard output without -o', () => {
    const run = runCli(['import', fixture('hostile.mmd')])
    expect(run.code).toBe(0)
    expect(loaded(run.stdout).nodes.map((n) => n.label)).toEqual(['Lead', 'Qualify', 'Won'])
    expect(run.stderr.split('\n').filter((l) => l.includes('dropped a click'))).toHaveLength(3)
  })

  it('brings back what export wrote, with nothing to warn about', () => {
    const dir = scratch()
    const mmd = join(dir, 'flow.mmd')
    runCli(['export', template.path, '--to', 'mermaid', '-o', mmd])
    const run = runCli(['import', mmd])
    expect(run.stderr).toBe('')
    const original = loadTemplate(template)
    const back = loaded(run.stdout)
    expect(back.nodes.map((n) => [n.id, n.kind, n.label]).sort()).toEqual(
      original.nodes.map((n) => [n.id, n.kind, n.label]).sort(),
    )
    expect(back.edges).toHaveLength(original.edges.length)
  })

  it('exits 2 with one line naming file, line and column for invalid Mermaid', () => {
    const file = fixture('broken.mmd')
    const run = runCli(['import', file])
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `${file}:4:10: Mermaid syntax error: unexpected "|"; expected ]\n`,
    })
  })

  it('exits 2 for another kind of Mermaid diagram', () => {
    const run = runCli(['import', fixture('sequence.mmd')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(
      /^test\/fixtures\/mermaid\/sequence\.mmd:1:1: this is a Mermaid sequenceDiagram diagram;.*\n$/,
    )
  })

  it('takes the format from --from when the extension does not tell', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'chart.txt'), 'graph LR\n  A --> B\n')
    expect(runCli(['import', 'chart.txt'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'chart.txt: cannot tell the format from ".txt"; Flowlane imports mermaid (.mmd, .mermaid, .md, .markdown); bpmn (.bpmn, .xml), or name it with --from\n',
    })
    const run = runCli(['import', 'chart.txt', '--from', 'mermaid'], { cwd: dir })
    expect(run.code).toBe(0)
    expect(loaded(run.stdout).edges).toHaveLength(1)
  })

  it.each([
    [
      'a format it does not know',
      ['import', 'x.vsdx', '--from', 'visio'],
      /argument 'visio' is invalid\. Allowed choices are mermaid, bpmn\./,
    ],
    ['a file whose extension names no format', ['import', 'x.vsdx'], /^x\.vsdx: cannot tell the format from "\.vsdx"/],
    ['a missing file', ['import', 'nope.mmd'], /^nope\.mmd: no such file\n$/],
    [
      '-o naming the input',
      ['import', 'test/fixtures/mermaid/broken.mmd', '-o', 'test/fixtures/mermaid/broken.mmd'],
      /Flowlane never writes to its input/,
    ],
  ])('exits 2 for %s', (_what, args, stderr) => {
    const run = runCli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(stderr)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
  })
})
