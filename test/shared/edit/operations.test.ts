import { applyPatches, enablePatches, produce, produceWithPatches } from 'immer'
import { describe, expect, it } from 'vitest'
import { parseDocument, serializeDocument } from '../../../shared/document/index.js'
import {
  addLane,
  addNode,
  connect,
  deleteElements,
  freshId,
  moveLane,
  moveNodes,
  pasteElements,
  reconnect,
  removeLane,
  resizeLane,
  updateNode,
} from '../../../shared/edit/operations.js'
import { validFlow } from '../../support/flows.js'

/** Every operation leaves a document that loads. */
function expectLoadable(doc: ReturnType<typeof validFlow>): void {
  const result = parseDocument(serializeDocument(doc), 'edited.flow.json')
  expect(result.ok ? [] : result.errors).toEqual([])
}

enablePatches()

describe('edit operations', () => {
  it('make fresh readable ids', () => {
    expect(freshId('Task', new Set(['task', 'task-2']))).toBe('task-3')
    expect(freshId('报价 准备', new Set())).toBe('报价-准备')
  })

  it('add a step in the lane under it, owned by that lane’s role', () => {
    let id = ''
    const doc = produce(validFlow(), (d) => {
      id = addNode(d, { kind: 'task', label: 'Discount check', center: { x: 900, y: 300 } })
    })
    expect(doc.nodes.find((n) => n.id === id)).toMatchObject({
      kind: 'task',
      laneId: 'mgmt',
      owner: 'manager',
      position: { x: 800, y: 252 },
    })
    expectLoadable(doc)
  })

  it('connect steps once, and remove a step with its edges and the timeouts that used them', () => {
    const doc = produce(validFlow(), (d) => {
      expect(connect(d, 'qualify', 'lost')).toBe('e')
      expect(connect(d, 'qualify', 'lost')).toBeUndefined()
      d.nodes.find((n) => n.id === 'approve')!.timeout = { after: { value: 3, unit: 'day' }, edgeId: 'e6' }
      deleteElements(d, ['lost'])
    })
    expect(doc.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e5'])
    expect(doc.nodes.find((n) => n.id === 'approve')!.timeout).toBeUndefined()
    expectLoadable(doc)
  })

  it('move a step into another lane, which hands it to that lane’s role', () => {
    const doc = produce(validFlow(), (d) => moveNodes(d, new Map([['qualify', { x: 210, y: 260 }]])))
    expect(doc.nodes[1]).toMatchObject({ position: { x: 210, y: 260 }, laneId: 'mgmt', owner: 'manager' })
  })

  it('reconnecting a timeout edge away from its step removes the timeout', () => {
    const doc = produce(validFlow(), (d) => {
      d.nodes.find((n) => n.id === 'approve')!.timeout = { after: { value: 3, unit: 'day' }, edgeId: 'e6' }
      reconnect(d, 'e6', 'qualify', 'lost')
    })
    expect(doc.nodes.find((n) => n.id === 'approve')!.timeout).toBeUndefined()
    expectLoadable(doc)
  })

  it('add, resize, reorder and remove lanes; steps move with their bands', () => {
    const doc = produce(validFlow(), (d) => {
      addLane(d, 'Legal')
      resizeLane(d, 'sales', 300)
    })
    expect(doc.lanes.map((l) => [l.id, l.height ?? 200])).toEqual([
      ['sales', 300],
      ['mgmt', 200],
      ['lane-legal', 200],
    ])
    expect(doc.roles.at(-1)).toEqual({ id: 'legal', name: 'Legal', headcount: 1 })
    expect(doc.nodes.find((n) => n.id === 'approve')!.position.y).toBe(300)
    const swapped = produce(doc, (d) => moveLane(d, 'mgmt', -1))
    expect(swapped.lanes.map((l) => l.id)).toEqual(['mgmt', 'sales', 'lane-legal'])
    expect(swapped.nodes.find((n) => n.id === 'approve')!.position.y).toBe(0)
    expect(swapped.nodes.find((n) => n.id === 'qualify')!.position.y).toBe(200)
    const removed = produce(swapped, (d) => removeLane(d, 'mgmt'))
    expect(removed.nodes.find((n) => n.id === 'approve')!.laneId).toBeUndefined()
    expectLoadable(removed)
  })

  it('paste copies with fresh ids, keeping the edges between them and dropping foreign references', () => {
    const source = validFlow()
    const copied = source.nodes.filter((n) => n.id === 'qualify' || n.id === 'ok')
    const doc = produce(validFlow(), (d) => {
      d.roles = d.roles.filter((r) => r.id !== 'rep')
      pasteElements(d, copied, source.edges, { x: 40, y: 40 })
    })
    expect(doc.nodes.slice(-2).map((n) => [n.id, n.position, n.owner])).toEqual([
      ['qualify-2', { x: 240, y: 40 }, undefined],
      ['ok-2', { x: 440, y: 40 }, undefined],
    ])
    expect(doc.edges.at(-1)).toMatchObject({ source: 'qualify-2', target: 'ok-2' })
  })

  it('undo by inverse patches gives back the exact earlier document', () => {
    const before = validFlow()
    const [after, , inverse] = produceWithPatches(before, (d) => {
      updateNode(d, 'qualify', { label: 'Qualify lead', timeLimit: undefined })
      deleteElements(d, ['ok'])
    })
    expect(after).not.toEqual(before)
    expect(applyPatches(after, inverse)).toEqual(before)
  })
})
