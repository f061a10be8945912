/** The editor store's undo history: exact, and bounded by steps and by memory (quality.md L6). */
import { describe, expect, it } from 'vitest'
import {
  boundedHistory,
  createEditorStore,
  HISTORY_BUDGET_BYTES,
  HISTORY_LIMIT,
  patchBytes,
} from '../../../renderer/app/store.js'
import { replaceDocument } from '../../../shared/edit/operations.js'
import { validFlow } from '../../support/flows.js'

const MB = 1024 * 1024

describe('undo history', () => {
  it('keeps at most HISTORY_LIMIT steps', () => {
    const store = createEditorStore(validFlow())
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) store.getState().apply('Rename', (d) => void (d.name = `name ${i}`))
    expect(store.getState().undoStack).toHaveLength(HISTORY_LIMIT)
  })

  it('measures each step once, as the JSON length of its patches and their inverse', () => {
    const store = createEditorStore(validFlow())
    store.getState().apply('Rename', (d) => void (d.name = 'x'.repeat(1000)))
    const [entry] = store.getState().undoStack
    expect(entry!.bytes).toBe(patchBytes(entry!.patches) + patchBytes(entry!.inverse))
    expect(entry!.bytes).toBeGreaterThan(1000)
  })

  it('drops the oldest steps once their patches exceed the memory budget (100 MB)', () => {
    // given: steps of about 10 MB each (a 5 MB label, and the label it replaced)
    expect(HISTORY_BUDGET_BYTES).toBe(100 * MB)
    const store = createEditorStore(validFlow())
    const first = store.getState().doc
    for (let i = 0; i < 14; i++) {
      const label = String.fromCharCode(97 + i).repeat(5 * MB)
      store.getState().apply('Big label', (d) => void (d.nodes[0]!.label = label))
    }
    // then: far fewer than 200 steps, all within 100 MB (each is just over 10 MB: nine fit)
    const { undoStack } = store.getState()
    const total = undoStack.reduce((sum, e) => sum + e.bytes, 0)
    expect(total).toBeLessThanOrEqual(HISTORY_BUDGET_BYTES)
    expect(undoStack.length).toBe(9)
    // undo goes back as far as the kept steps reach, and no further
    for (let i = 0; i < 20; i++) store.getState().undo()
    expect(store.getState().doc.nodes[0]!.label).toBe('e'.repeat(5 * MB))
    expect(store.getState().doc).not.toBe(first)
  })

  it('with a smaller budget keeps the newest steps that fit, and always the newest one', () => {
    const entry = (bytes: number) => ({ label: String(bytes), patches: [], inverse: [], bytes })
    const stack = [entry(40), entry(30), entry(20)]
    expect(boundedHistory(stack, entry(10), 200, 60).map((e) => e.bytes)).toEqual([30, 20, 10])
    expect(boundedHistory(stack, entry(10), 2, 1000).map((e) => e.bytes)).toEqual([20, 10])
    expect(boundedHistory(stack, entry(500), 200, 60).map((e) => e.bytes)).toEqual([500])
  })

  it('applies the budget from the store options', () => {
    const store = createEditorStore(validFlow(), { historyBudget: 3000 })
    for (let i = 0; i < 10; i++) store.getState().apply('Rename', (d) => void (d.name = `${i}`.repeat(400)))
    const { undoStack } = store.getState()
    expect(undoStack.length).toBeLessThan(10)
    expect(undoStack.reduce((sum, e) => sum + e.bytes, 0)).toBeLessThanOrEqual(3000)
  })

  it('undoes a restored version in one step, back to the exact document', () => {
    const store = createEditorStore(validFlow())
    store.getState().apply('Rename', (d) => void (d.name = 'Edited'))
    const edited = store.getState().doc
    const version = { ...validFlow(), name: 'Version', nodes: validFlow().nodes.slice(0, 2) }
    store.getState().apply('Restore version', (d) => replaceDocument(d, version))
    expect(store.getState().doc).toEqual(version)
    store.getState().undo()
    expect(store.getState().doc).toEqual(edited)
    expect(JSON.stringify(store.getState().doc)).toBe(JSON.stringify(edited))
  })
})
