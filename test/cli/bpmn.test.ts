import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument, type FlowDocument } from '../../shared/document/index.js'
import { toBpmnXml } from '../../shared/formats/bpmn/index.js'
import { runCli } from '../support/runCli.js'
import { loadTemplate, templateFiles } from '../support/templates.js'
import { scratch } from '../shared/formats/bpmn/support.js'

const template = templateFiles().find((t) => t.locale === 'zh-CN' && t.id === 'lead-to-cash')!

function loaded(text: string): FlowDocument {
  const result = parseDocument(text, 'output')
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return result.value
}

describe('flowlane export --to bpmn', () => {
  it('prints the BPMN on standard output', async () => {
    const run = runCli(['export', template.path, '--to', 'bpmn'])
    expect(run).toEqual({ code: 0, stdout: (await toBpmnXml(loadTemplate(template))).xml, stderr: '' })
  })

  it('writes it to -o', () => {
    const out = join(scratch(), 'flow.bpmn')
    expect(runCli(['export', template.path, '--to', 'bpmn', '-o', out]).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<bpmn:definitions /)
  })
})

describe('flowlane import of BPMN', () => {
  it('brings back what export wrote, byte for byte, positions included', () => {
    const bpmn = join(scratch(), 'flow.bpmn')
    runCli(['export', template.path, '--to', 'bpmn', '-o', bpmn])
    const run = runCli(['import', bpmn])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    // BPMN carries its own diagram: the import keeps it rather than laying the flow out again.
    expect(run.stdout).toBe(template.text)
  })

  it('picks the format from the extension and lists what it could not keep on standard error', () => {
    const out = join(scratch(), 'order.flow.json')
    const run = runCli(['import', 'test/fixtures/bpmn/camunda-collaboration.bpmn', '-o', out])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      `test/fixtures/bpmn/camunda-collaboration.bpmn:27: warning: ignored other tools' extensions (camunda) on: "Check order" (Task_Check), "Pick items" (Task_Pick)\n`,
    )
    expect(loaded(readFileSync(out, 'utf8')).lanes.map((l) => l.name)).toEqual(['Sales', 'Warehouse'])
  })

  it('exits 2 with one line naming file and place for a DTD', () => {
    const run = runCli(['import', 'test/fixtures/bpmn/hostile/xxe-file.bpmn'])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^test\/fixtures\/bpmn\/hostile\/xxe-file\.bpmn:2:1: DTDs are not allowed[^\n]*\n$/)
  })

  it('exits 2 for a file that is not BPMN, even when named with --from', () => {
    const run = runCli(['import', 'test/fixtures/bpmn/hostile/svg-renamed.bpmn', '--from', 'bpmn'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/svg-renamed\.bpmn:2:1: not a BPMN 2\.0 file: its root element is <svg>/)
  })
})
