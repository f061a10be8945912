import { describe, expect, it } from 'vitest'
import { formatLoadError, LIMITS, parseDocument, type LoadError } from '../../../shared/document/index.js'
import { tinyRaw, tinyText } from '../../support/documents.js'

function errorsOf(text: string): LoadError[] {
  const result = parseDocument(text, 'broken.flow.json')
  if (result.ok) throw new Error('expected the document to be refused')
  return [...result.errors]
}

function errorsOfRaw(mutate: (raw: Record<string, any>) => void): LoadError[] {
  const raw = tinyRaw()
  mutate(raw)
  return errorsOf(JSON.stringify(raw, null, 2))
}

describe('parseDocument', () => {
  it('loads the small flow of the file-format spec', () => {
    const result = parseDocument(tinyText(), 'tiny.flow.json')
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.value.nodes.map((n) => n.id)).toEqual(['in', 'qualify', 'ok', 'won', 'lost'])
      expect(result.value.simulation?.seed).toBe(7)
    }
  })

  it('reports invalid JSON with line and column', () => {
    const [error] = errorsOf('{\n  "format": "flowlane",\n  "version": 1,\n}')
    expect(error).toMatchObject({ code: 'invalid-json', line: 4, column: 1 })
    expect(formatLoadError(error!)).toBe(
      'broken.flow.json:4:1: invalid JSON: expected a property name in double quotes',
    )
  })

  it('says so when the file is empty', () => {
    expect(errorsOf('')[0]?.message).toBe('invalid JSON: the file is empty')
  })

  it('reports a wrong type with its path and where it is', () => {
    const [error] = errorsOfRaw((raw) => {
      raw.roles[0].headcount = 'two'
    })
    expect(error).toMatchObject({
      code: 'schema',
      path: 'roles[0].headcount',
      message: 'must be a number, not a string',
    })
    expect(error?.line).toBeGreaterThan(1)
  })

  it('reports a missing field', () => {
    const errors = errorsOfRaw((raw) => {
      delete raw.nodes[1].label
      delete raw.name
    })
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['name', 'is required'],
      ['nodes[1].label', 'is required'],
    ])
  })

  it('reports an unknown key, and hints at x- extensions at the top level', () => {
    const errors = errorsOfRaw((raw) => {
      raw.nodes[1].ownr = 'rep'
      raw.theme = 'dark'
    })
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['nodes[1].ownr', 'is not a key of the format'],
      ['theme', 'is not a key of the format (extension keys must start with "x-")'],
    ])
  })

  it('keeps x- extension keys untouched', () => {
    const raw = tinyRaw()
    raw['x-acme'] = { reviewedBy: 'Li Wei', flags: [1, 2] }
    const result = parseDocument(JSON.stringify(raw), 'ext.flow.json')
    expect(result.ok && result.value['x-acme']).toEqual({ reviewedBy: 'Li Wei', flags: [1, 2] })
  })

  it('refuses an edge to a missing node', () => {
    const [error] = errorsOfRaw((raw) => {
      raw.edges[2].target = 'nowhere'
    })
    expect(error).toMatchObject({
      code: 'dangling-reference',
      path: 'edges[2].target',
      message: 'edge "e3" points to "nowhere", which is not a node',
    })
  })

  it('refuses a duplicate id, naming the first use', () => {
    const [error] = errorsOfRaw((raw) => {
      raw.nodes[4].id = 'won'
    })
    expect(error).toMatchObject({
      code: 'duplicate-id',
      path: 'nodes[4].id',
      message: 'duplicate id "won" (already used by nodes[3])',
    })
  })

  it('refuses a timeout that leaves through another step’s edge', () => {
    const [error] = errorsOfRaw((raw) => {
      raw.nodes[1].timeout = { after: { value: 1, unit: 'day' }, edgeId: 'e3' }
    })
    expect(error).toMatchObject({
      path: 'nodes[1].timeout.edgeId',
      message: 'timeout edge "e3" leaves "ok", not this step "qualify"',
    })
  })

  it('refuses a newer version, saying it was made by a newer Flowlane', () => {
    const [error] = errorsOfRaw((raw) => {
      raw.version = 2
    })
    expect(error?.code).toBe('newer-version')
    expect(error?.path).toBe('version')
    expect(error?.message).toMatch(/^made by a newer Flowlane/)
  })

  it('refuses a file that is not a Flowlane document', () => {
    expect(errorsOf('{"hello": 1}')[0]).toMatchObject({
      path: 'format',
      message: 'is missing: this is not a Flowlane document',
    })
    expect(errorsOf('[1, 2]')[0]?.message).toBe('must be a Flowlane document (a JSON object), not a list')
  })

  it('refuses non-finite numbers such as 1e309', () => {
    const text = tinyText().replace('"x": 200', '"x": 1e309')
    expect(errorsOf(text)[0]).toMatchObject({ path: 'nodes[1].position.x', message: 'must be a finite number' })
  })

  it.each([
    [
      'a negative duration parameter',
      (r: any) => (r.nodes[1].duration.mean = -1),
      'nodes[1].duration.mean',
      'must not be negative',
    ],
    [
      'a negative time limit',
      (r: any) => (r.nodes[1].timeLimit.value = -4),
      'nodes[1].timeLimit.value',
      'must not be negative',
    ],
    ['a headcount of zero', (r: any) => (r.roles[0].headcount = 0), 'roles[0].headcount', 'must be at least 1'],
    ['a negative cost', (r: any) => (r.roles[0].costPerHour = -40), 'roles[0].costPerHour', 'must not be negative'],
    [
      'a negative size',
      (r: any) => (r.nodes[0].size = { width: -5, height: 10 }),
      'nodes[0].size.width',
      'must not be negative',
    ],
    [
      'a negative budget',
      (r: any) => (r.nodes[1].resources = { budget: -1 }),
      'nodes[1].resources.budget',
      'must not be negative',
    ],
    [
      'a probability above 1',
      (r: any) => (r.edges[2].probability = 1.3),
      'edges[2].probability',
      'must be between 0 and 1',
    ],
    [
      'min above mode',
      (r: any) => (r.nodes[1].duration = { dist: 'triangular', min: 3, mode: 2, max: 5, unit: 'hour' }),
      'nodes[1].duration.mode',
      'must not be below min (2 < 3)',
    ],
    [
      'max below min',
      (r: any) => (r.nodes[1].duration = { dist: 'uniform', min: 3, max: 1, unit: 'hour' }),
      'nodes[1].duration.max',
      'must not be below min (1 < 3)',
    ],
    [
      'an unknown distribution',
      (r: any) => (r.nodes[1].duration = { dist: 'gamma', mean: 3, unit: 'hour' }),
      'nodes[1].duration.dist',
      'must be a distribution with "dist" one of fixed, uniform, triangular, pert, normal, lognormal, exponential',
    ],
    [
      'an unknown unit',
      (r: any) => (r.nodes[1].timeLimit.unit = 'month'),
      'nodes[1].timeLimit.unit',
      'must be one of minute, hour, workday, day, week',
    ],
    [
      'an unknown kind',
      (r: any) => (r.nodes[1].kind = 'gateway'),
      'nodes[1].kind',
      'must be one of start, end, task, decision, parallel, approval, wait, subprocess, note',
    ],
    [
      'a colour that is not #rrggbb',
      (r: any) => (r.nodes[1].color = 'red'),
      'nodes[1].color',
      'must be a colour written #rrggbb',
    ],
    [
      'a working day past midnight',
      (r: any) => (r.calendar = { hoursPerDay: 8, daysPerWeek: 5, dayStartsAt: 20 }),
      'calendar.hoursPerDay',
      "a working day starting at 20 o'clock cannot last 8 hours",
    ],
  ])('refuses %s', (_name, mutate, path, message) => {
    const errors = errorsOfRaw(mutate)
    expect(errors.map((e) => [e.path, e.message])).toContainEqual([path, message])
  })

  it('refuses a label longer than 5,000 characters, naming it', () => {
    const [error] = errorsOfRaw((raw) => {
      raw.nodes[1].label = 'x'.repeat(LIMITS.maxLabelLength + 1)
    })
    expect(error).toMatchObject({
      path: 'nodes[1].label',
      message: 'is 5001 characters long; at most 5000 are allowed',
    })
  })

  it('refuses a file over 20 MB before parsing it', () => {
    const padding = ' '.repeat(LIMITS.maxFileBytes)
    const [error] = errorsOf(`${tinyText()}${padding}`)
    expect(error).toMatchObject({ code: 'too-large' })
    expect(error?.message).toMatch(/larger than 20 MB/)
  })

  it('refuses JSON nested deeper than 64 levels, even a bracket bomb', () => {
    const [bomb] = errorsOf('['.repeat(100_000))
    expect(bomb).toMatchObject({ code: 'too-deep', line: 1, column: 65 })
    expect(bomb?.message).toMatch(/^structure too deep/)
    const raw = tinyRaw()
    let nested: unknown = 1
    for (let i = 0; i < 70; i++) nested = { a: nested }
    raw['x-deep'] = nested
    expect(errorsOf(JSON.stringify(raw))[0]?.code).toBe('too-deep')
  })

  it('does not count brackets inside strings as nesting', () => {
    const raw = tinyRaw()
    raw.nodes[1].label = '['.repeat(200)
    expect(parseDocument(JSON.stringify(raw), 'x.flow.json').ok).toBe(true)
  })

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key anywhere, and nothing is polluted', (key) => {
    const text = tinyText().replace('"id": "qualify",', `"id": "qualify", "${key}": { "polluted": true },`)
    const [error] = errorsOf(text)
    expect(error).toMatchObject({
      code: 'forbidden-key',
      path: `nodes[1].${key}`,
      message: `the key "${key}" is not allowed`,
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const atRoot = errorsOf(`{"__proto__": {"polluted": true}, "format": "flowlane"}`)
    expect(atRoot[0]?.path).toBe('__proto__')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('accepts ids that look like prototype keys as plain values', () => {
    const raw = tinyRaw()
    raw.nodes[1].id = '__proto__'
    raw.edges[0].target = '__proto__'
    raw.edges[1].source = '__proto__'
    expect(parseDocument(JSON.stringify(raw), 'x.flow.json').ok).toBe(true)
  })

  it('skips a UTF-8 byte-order mark', () => {
    expect(parseDocument(`\uFEFF${tinyText()}`, 'bom.flow.json').ok).toBe(true)
  })

  it('keeps labels exactly as written, HTML included, as plain text', () => {
    const raw = tinyRaw()
    raw.nodes[1].label = '<img src=x onerror=alert(1)> 报价 "quote"'
    const result = parseDocument(JSON.stringify(raw), 'x.flow.json')
    expect(result.ok && result.value.nodes[1]?.label).toBe('<img src=x onerror=alert(1)> 报价 "quote"')
  })
})
