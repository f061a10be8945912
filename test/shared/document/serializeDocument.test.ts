import { describe, expect, it } from 'vitest'
import {
  DocumentSchema,
  DurationSchema,
  EdgeSchema,
  NodeSchema,
  parseDocument,
  serializeDocument,
  type FlowDocument,
} from '../../../shared/document/index.js'
import { tinyRaw, tinyText } from '../../support/documents.js'

function load(text: string): FlowDocument {
  const result = parseDocument(text, 'test.flow.json')
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return result.value
}

describe('serializeDocument', () => {
  it('writes 2-space indented JSON with a trailing newline', () => {
    const text = serializeDocument(load(tinyText()))
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe('  "format": "flowlane",')
  })

  it('is idempotent: parse → serialize → parse → serialize gives the same text', () => {
    const once = serializeDocument(load(tinyText()))
    expect(serializeDocument(load(once))).toBe(once)
  })

  it('writes keys in the order of the file format, whatever order they came in', () => {
    const raw = tinyRaw()
    const shuffled = Object.fromEntries(Object.entries(raw).reverse())
    shuffled.nodes = raw.nodes.map((n: object) => Object.fromEntries(Object.entries(n).reverse()))
    expect(serializeDocument(load(JSON.stringify(shuffled)))).toBe(serializeDocument(load(tinyText())))
    const keys = Object.keys(JSON.parse(serializeDocument(load(JSON.stringify(shuffled)))) as object)
    expect(keys).toEqual(['format', 'version', 'id', 'name', 'roles', 'lanes', 'nodes', 'edges', 'simulation'])
  })

  it('puts x- extensions after the document’s own keys, sorted, untouched', () => {
    const raw = tinyRaw()
    raw['x-zeta'] = { b: 1, a: 2 }
    raw['x-alpha'] = [3]
    const keys = Object.keys(JSON.parse(serializeDocument(load(JSON.stringify(raw)))) as object)
    expect(keys.slice(-2)).toEqual(['x-alpha', 'x-zeta'])
    expect(serializeDocument(load(JSON.stringify(raw)))).toContain('"x-zeta": {\n    "b": 1,\n    "a": 2\n  }')
  })

  it('knows every key of the schema, so nothing a user wrote is ever dropped', () => {
    // A full node and edge, every optional field set: the round trip must keep them all.
    const raw = tinyRaw()
    const full = {
      id: 'full',
      kind: 'approval',
      label: 'Approve',
      description: 'd',
      position: { x: 1, y: 2 },
      size: { width: 3, height: 4 },
      color: '#aabbcc',
      laneId: 'sales',
      owner: 'rep',
      steps: ['a'],
      timeLimit: { value: 1, unit: 'day' },
      duration: { dist: 'pert', min: 1, mode: 2, max: 3, unit: 'hour' },
      timeout: { after: { value: 2, unit: 'day' }, edgeId: 'e9' },
      resources: { people: 1, tools: ['CRM'], materials: ['m'], budget: 5 },
      qualityControls: [{ standard: 's', measure: 'm', metric: 'k', target: 't' }],
      approvers: ['rep'],
      outcome: 'won',
      arrivals: { dist: 'exponential', mean: 1, unit: 'hour' },
      tags: ['core'],
      why: 'w',
      how: 'h',
    }
    const edge = {
      id: 'e9',
      source: 'full',
      target: 'lost',
      label: 'l',
      probability: 0.5,
      condition: 'c',
      points: [{ x: 1, y: 1 }],
    }
    raw.nodes.push(full)
    raw.edges.push(edge)
    raw.description = 'x'
    raw.locale = 'en'
    raw.currency = 'CNY'
    raw.calendar = { hoursPerDay: 8, daysPerWeek: 5, dayStartsAt: 9 }
    raw.simulation.warmupCases = 10
    const back = JSON.parse(serializeDocument(load(JSON.stringify(raw)))) as Record<string, any>
    expect(back.nodes.at(-1)).toEqual(full)
    expect(back.edges.at(-1)).toEqual(edge)
    expect(Object.keys(back).sort()).toEqual(Object.keys(DocumentSchema.shape).sort())
    expect(Object.keys(back.nodes.at(-1) as object)).toEqual(Object.keys(NodeSchema.shape))
    expect(Object.keys(back.edges.at(-1) as object)).toEqual(Object.keys(EdgeSchema.shape))
    expect(Object.keys(back.nodes.at(-1).timeLimit as object)).toEqual(Object.keys(DurationSchema.shape))
  })
})
