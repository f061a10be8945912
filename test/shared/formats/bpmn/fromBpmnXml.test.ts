import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { FlowDocument } from '../../../../shared/document/index.js'
import { fromBpmnXml, toBpmnXml } from '../../../../shared/formats/bpmn/index.js'
import { validateDocument } from '../../../../shared/validate/index.js'
import { FIXTURES, MIWG, xsdProblems } from './support.js'

async function imported(path: string, text = readFileSync(path, 'utf8')) {
  const result = await fromBpmnXml(text, path)
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return result.value
}

const node = (doc: FlowDocument, id: string) => doc.nodes.find((n) => n.id === id)!

describe('the 21 BPMN MIWG reference models', () => {
  const files = readdirSync(MIWG)
    .filter((f) => f.endsWith('.bpmn'))
    .sort()

  it('are all there', () => {
    expect(files).toHaveLength(21)
  })

  it('import, validate, and export back XSD-valid, each with its warnings listed', async () => {
    const exported: Record<string, string> = {}
    const summary: Record<string, { nodes: number; edges: number; warnings: number }> = {}
    for (const file of files) {
      const { document, warnings } = await imported(join(MIWG, file))
      expect(document.nodes.length, file).toBeGreaterThan(0)
      expect(() => validateDocument(document)).not.toThrow()
      for (const warning of warnings) expect(warning.file).toBe(join(MIWG, file))
      summary[file] = { nodes: document.nodes.length, edges: document.edges.length, warnings: warnings.length }
      exported[file] = (await toBpmnXml(document)).xml
    }
    expect(xsdProblems(exported)).toEqual([])
    // What each model loses is listed; the simplest ones lose nothing.
    expect(summary['A.1.0.bpmn']).toEqual({ nodes: 5, edges: 4, warnings: 0 })
    expect(summary['B.2.0.bpmn']!.warnings).toBeGreaterThan(10)
  })

  it('keeps the drawing: positions follow the diagram, not a fresh layout', async () => {
    const { document } = await imported(join(MIWG, 'A.1.0.bpmn'))
    const xs = document.nodes.map((n) => n.position.x)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
    expect(new Set(document.nodes.map((n) => n.position.y)).size).toBeGreaterThan(1)
  })
})

describe('a Camunda Modeler collaboration', () => {
  it('brings lanes, parallel gateways and boundary timers across', async () => {
    const { document, warnings } = await imported(join(FIXTURES, 'camunda-collaboration.bpmn'))
    expect(document).toMatchObject({ id: 'camunda-collaboration', name: 'Order handling' })
    expect(document.lanes.map((l) => l.name)).toEqual(['Sales', 'Warehouse'])
    expect(node(document, 'Gateway_Split').kind).toBe('parallel')
    expect(node(document, 'Gateway_Join').kind).toBe('parallel')
    expect(node(document, 'Task_Pick')).toMatchObject({ kind: 'task', laneId: 'Lane_Warehouse' })
    expect(node(document, 'Task_Check')).toMatchObject({
      description: 'Credit limit and stock.',
      timeout: { after: { value: 2, unit: 'day' }, edgeId: 'Flow_9' },
    })
    expect(document.edges.find((e) => e.id === 'Flow_9')).toMatchObject({ source: 'Task_Check', label: 'too slow' })
    expect(node(document, 'Task_Confirm').timeLimit).toEqual({ value: 4, unit: 'hour' })
    expect(warnings.map((w) => w.message)).toEqual([
      `ignored other tools' extensions (camunda) on: "Check order" (Task_Check), "Pick items" (Task_Pick)`,
    ])
    // A modeller's file has no simulation data and no Flowlane roles: only those are missing.
    const errors = validateDocument(document).filter((p) => p.severity === 'error')
    expect(new Set(errors.map((p) => p.rule))).toEqual(new Set(['duration-required', 'owner-required']))
  })

  it('keeps the drawing inside the lanes and without overlaps', async () => {
    const { document } = await imported(join(FIXTURES, 'camunda-collaboration.bpmn'))
    const pick = node(document, 'Task_Pick')
    const sales = document.lanes[0]!.height!
    expect(pick.position.y).toBeGreaterThanOrEqual(sales)
    expect(node(document, 'Task_Check').position.x).toBeLessThan(node(document, 'Task_Confirm').position.x)
  })
})

describe('a Signavio-style process without a diagram', () => {
  it('collapses the subprocess, keeps the annotations, and lays the flow out', async () => {
    const { document, warnings } = await imported(join(FIXTURES, 'signavio-no-di.bpmn'))
    expect(document.description).toBe('Qualify inbound leads before sales spends time on them.')
    expect(node(document, 'sid-score').kind).toBe('subprocess')
    expect(document.nodes.filter((n) => n.kind === 'note').map((n) => n.label)).toEqual([
      'Scoring model owned by marketing ops',
      'SLA: first touch within 1 business day',
    ])
    expect(document.edges.find((e) => e.id === 'sid-a1')).toMatchObject({ source: 'sid-note-1', target: 'sid-score' })
    expect(document.edges.find((e) => e.id === 'sid-f4')).toMatchObject({ label: 'yes', condition: 'score >= 60' })
    expect(document.nodes.some((n) => n.id.startsWith('sid-inner'))).toBe(false)
    expect(warnings.map((w) => w.message)).toContain(
      'collapsed subprocesses into one step each, leaving out their inner elements: "Score lead" (sid-score) (4 inside)',
    )
    expect(new Set(document.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(document.nodes.length)
  })
})

describe('hostile XML', () => {
  const hostile = (name: string) => join(FIXTURES, 'hostile', name)

  it.each(['xxe-file.bpmn', 'xxe-http.bpmn', 'parameter-entity.bpmn', 'billion-laughs.bpmn'])(
    'refuses %s fast: DTDs are not allowed',
    async (name) => {
      const started = performance.now()
      const result = await fromBpmnXml(readFileSync(hostile(name), 'utf8'), name)
      expect(performance.now() - started).toBeLessThan(100)
      expect(result).toMatchObject({
        ok: false,
        errors: [{ file: name, line: 2, column: 1, message: expect.stringMatching(/^DTDs are not allowed/) }],
      })
    },
  )

  it('keeps numeric references that decode to markup as literal text', async () => {
    const { document } = await imported(hostile('img-onerror.bpmn'))
    expect(document.nodes.map((n) => n.label)).toEqual(['<img src=x onerror=alert(1)>', '<svg onload=alert(2)>'])
    expect(document.edges[0]!.label).toBe('<iframe srcdoc="x">')
    const { xml } = await toBpmnXml(document)
    expect(xml).not.toMatch(/<img|<svg|<iframe/)
    expect(xml).toContain('name="&#60;img src=x onerror=alert(1)&#62;"')
  })

  it('strips characters XML forbids, raw or as references, and exports valid XML', async () => {
    const { document, warnings } = await imported(hostile('illegal-characters.bpmn'))
    expect(document.nodes.map((n) => n.label)).toEqual(['badone two three', 'nulref'])
    expect(warnings.map((w) => w.message)).toEqual(['removed 4 character(s) XML does not allow'])
    expect(xsdProblems({ 'stripped.bpmn': (await toBpmnXml(document)).xml })).toEqual([])
  })

  it('treats __proto__ and constructor ids as plain ids, polluting nothing', async () => {
    const { document } = await imported(hostile('proto-ids.bpmn'))
    expect(document.nodes.map((n) => n.id)).toEqual(['__proto__', 'hasOwnProperty', 'prototype'])
    expect(document.edges.map((e) => [e.id, e.source, e.target])).toEqual([
      ['toString', '__proto__', 'hasOwnProperty'],
      ['valueOf', 'hasOwnProperty', 'prototype'],
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('drops x- extensions that would reach a prototype', async () => {
    const { xml } = await toBpmnXml({ ...(await imported(hostile('proto-ids.bpmn'))).document, 'x-safe': 1 })
    const evil = xml.replace('{"x-safe":1}', '{"x-safe":1,"x-evil":{"__proto__":{"polluted":true}}}')
    const { document, warnings } = await imported('evil.bpmn', evil)
    expect(document['x-safe']).toBe(1)
    expect(document).not.toHaveProperty('x-evil')
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('dropped the extension "x-evil"')])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('ignores XInclude: nothing is read from the file system', async () => {
    const { document, warnings } = await imported(hostile('xinclude.bpmn'))
    expect(document.nodes.map((n) => n.label)).toEqual(['Task'])
    expect(JSON.stringify(document)).not.toContain('root:')
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('<xi:include>')])
  })

  it.each([
    ['an SVG renamed .bpmn', readFileSync(hostile('svg-renamed.bpmn'), 'utf8'), /root element is <svg>/],
    ['UTF-16 text', Buffer.from('\ufeff<?xml version="1.0"?><definitions/>', 'utf16le').toString('utf8'), /UTF-16/],
    ['a gzip file', gzipSync('<definitions/>').toString('latin1'), /compressed \(gzip\)/],
    ['an empty file', '', /the file is empty/],
    ['plain text', 'hello', /holds no XML element/],
    ['XML of another namespace', '<definitions xmlns="urn:other"/>', /namespace "urn:other"/],
  ])('refuses %s: not a BPMN 2.0 file', async (_name, text, message) => {
    const result = await fromBpmnXml(text, 'in.bpmn')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/not a BPMN 2.0 file/)
    if (!result.ok) expect(result.errors[0]!.message).toMatch(message)
  })

  it('refuses malformed XML with its line and column', async () => {
    const text =
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n<bpmn:process id="P">\n</bpmn:task>'
    const result = await fromBpmnXml(text, 'broken.bpmn')
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ file: 'broken.bpmn', message: 'invalid XML: closing tag mismatch' })],
    })
  })

  it('refuses files over 20 MB before parsing', async () => {
    const text = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">${' '.repeat(21 * 1024 * 1024)}</bpmn:definitions>`
    const result = await fromBpmnXml(text, 'big.bpmn')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/larger than 20 MB/)
  })
})
