import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import { countChanges, diffDocuments, sameJson } from '../../../shared/document/diffDocuments.js'
import { addNode, connect, replaceDocument, updateNode } from '../../../shared/edit/operations.js'
import { validFlow } from '../../support/flows.js'

const none = { added: [], removed: [], changed: [] }

describe('diffDocuments', () => {
  it('finds nothing between a document and a copy of it', () => {
    const doc = validFlow()
    const diff = diffDocuments(doc, structuredClone(doc))
    expect(diff).toEqual({ steps: none, edges: none, lanes: none, roles: none, document: [] })
    expect(countChanges(diff)).toBe(0)
  })

  it('lists added and removed steps by label, and the edges that came and went with them', () => {
    // given
    const before = validFlow()
    let added = ''
    const after = produce(before, (d) => {
      added = addNode(d, { kind: 'task', label: 'Send proposal', center: { x: 300, y: 300 } })
      connect(d, 'qualify', added)
      d.edges = d.edges.filter((e) => e.source !== 'ok' || e.target !== 'approve')
    })
    // when
    const diff = diffDocuments(before, after)
    // then
    expect(diff.steps.added).toEqual([{ id: added, name: 'Send proposal' }])
    expect(diff.steps.removed).toEqual([])
    expect(diff.edges.added).toEqual([{ id: expect.any(String), name: 'Qualify → Send proposal' }])
    expect(diff.edges.removed.map((e) => e.id)).toEqual(
      before.edges.filter((e) => e.source === 'ok' && e.target === 'approve').map((e) => e.id),
    )
    expect(diffDocuments(after, before).steps.removed).toEqual([{ id: added, name: 'Send proposal' }])
  })

  it('names the fields of a changed step, including ones added or removed', () => {
    const before = validFlow()
    const after = produce(before, (d) => {
      updateNode(d, 'qualify', { label: 'Qualify lead', tags: undefined, description: 'BANT' })
      d.nodes.find((n) => n.id === 'qualify')!.position.x += 40
    })
    const diff = diffDocuments(before, after)
    expect(diff.steps.changed).toEqual([
      {
        id: 'qualify',
        name: 'Qualify lead',
        fields: expect.arrayContaining(['label', 'position', 'description', 'tags']),
      },
    ])
    expect(diff.steps.changed[0]!.fields).toHaveLength(4)
  })

  it('reports lanes, roles and the document’s own fields', () => {
    const before = validFlow()
    const after = produce(before, (d) => {
      d.name = 'Renamed'
      d.lanes[0]!.name = 'Field sales'
      d.roles.push({ id: 'legal', name: 'Legal', headcount: 1 })
      d.roles = d.roles.filter((r) => r.id !== 'manager')
      d.lanes[1]!.roleId = 'legal'
      delete d.calendar
    })
    const diff = diffDocuments(before, after)
    expect(diff.lanes.changed).toEqual([
      { id: 'sales', name: 'Field sales', fields: ['name'] },
      { id: 'mgmt', name: 'Management', fields: ['roleId'] },
    ])
    expect(diff.roles).toEqual({
      added: [{ id: 'legal', name: 'Legal' }],
      removed: [{ id: 'manager', name: 'Sales manager' }],
      changed: [],
    })
    expect(diff.document).toEqual(['name', 'calendar'])
    expect(countChanges(diff)).toBe(6)
  })

  it('treats a missing optional field and an undefined one alike', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true)
    expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false)
    expect(sameJson([1], { 0: 1 })).toBe(false)
  })
})

describe('replaceDocument', () => {
  it('makes the draft equal to the other document, keys removed included', () => {
    const before = produce(validFlow(), (d) => {
      d.description = 'will go'
    })
    const target = produce(validFlow(), (d) => {
      d.name = 'Target'
      d.nodes.pop()
    })
    const after = produce(before, (d) => replaceDocument(d, target))
    expect(after).toEqual(target)
    expect(countChanges(diffDocuments(after, target))).toBe(0)
    // Unchanged parts keep their identity: nothing to store in the undo history for them.
    expect(after.roles).toBe(before.roles)
  })
})
