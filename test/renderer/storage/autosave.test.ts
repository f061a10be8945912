import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { parseDocument, serializeDocument, type FlowDocument } from '../../../shared/document/index.js'
import {
  discardSession,
  findRecoverable,
  isQuotaError,
  SNAPSHOTS_KEPT,
  startAutosave,
  type AutosaveSource,
} from '../../../renderer/storage/autosave.js'
import { openDatabase } from '../../../renderer/storage/database.js'
import { validFlow } from '../../support/flows.js'

let counter = 0
const freshDb = () => openDatabase(`test-${++counter}`, indexedDB, IDBKeyRange)

/** A stand-in editor: a document that changes, and a manual clock for the one-second timer. */
function editor() {
  let state = { doc: validFlow(), dirty: false, key: 'k1', fileName: null as string | null }
  const listeners = new Set<() => void>()
  const timers: (() => void)[] = []
  const source: AutosaveSource = {
    current: () => state,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
  }
  return {
    source,
    timers,
    edit(name: string) {
      state = { ...state, doc: { ...state.doc, name }, dirty: true }
      listeners.forEach((l) => l())
    },
    save() {
      state = { ...state, dirty: false }
      listeners.forEach((l) => l())
    },
    get doc(): FlowDocument {
      return state.doc
    },
  }
}

describe('autosave', () => {
  it('writes once, one second after the first unsaved change, however many edits follow', async () => {
    const db = freshDb()
    const e = editor()
    const autosave = startAutosave(db, e.source, { setTimer: (run) => e.timers.push(run) })
    e.edit('one')
    e.edit('two')
    e.edit('three')
    expect(e.timers).toHaveLength(1)
    e.timers[0]!()
    await autosave.flush()
    const [recoverable] = await findRecoverable(db)
    expect(recoverable).toMatchObject({ key: 'k1', name: 'three', unsaved: true })
    expect(recoverable!.json).toBe(serializeDocument(e.doc))
  })

  it('keeps a bounded ring of snapshots per document', async () => {
    const db = freshDb()
    const e = editor()
    const autosave = startAutosave(db, e.source, { setTimer: (run) => e.timers.push(run) })
    for (let i = 0; i < SNAPSHOTS_KEPT + 5; i++) {
      e.edit(`edit ${i}`)
      e.timers.pop()!()
      await autosave.flush()
    }
    expect(await db.snapshots.where('key').equals('k1').count()).toBe(SNAPSHOTS_KEPT)
  })

  it('offers nothing to recover once the document is saved to a file, or discarded', async () => {
    const db = freshDb()
    const e = editor()
    const autosave = startAutosave(db, e.source, { setTimer: (run) => e.timers.push(run) })
    e.edit('draft')
    e.timers.pop()!()
    await autosave.flush()
    expect(await findRecoverable(db)).toHaveLength(1)
    e.save()
    await autosave.flush()
    expect(await findRecoverable(db)).toHaveLength(0)
    e.edit('again')
    e.timers.pop()!()
    await autosave.flush()
    await discardSession(db, 'k1')
    expect(await findRecoverable(db)).toHaveLength(0)
  })

  it('restores exactly the document it saved', async () => {
    const db = freshDb()
    const e = editor()
    const autosave = startAutosave(db, e.source, { setTimer: (run) => e.timers.push(run) })
    e.edit('报价流程 <b>')
    e.timers.pop()!()
    await autosave.flush()
    const [found] = await findRecoverable(db)
    const back = parseDocument(found!.json, 'recovered')
    expect(back.ok && back.value).toEqual(e.doc)
  })

  it('reports a full disk, including a QuotaExceededError wrapped in an AbortError, and keeps going', async () => {
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true)
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true)
    expect(isQuotaError(new Error('x'))).toBe(false)
    const db = freshDb()
    const e = editor()
    const messages: string[] = []
    const original = db.transaction.bind(db)
    let fail = true
    ;(db as unknown as { transaction: unknown }).transaction = (...args: unknown[]) => {
      if (fail)
        return Promise.reject(
          Object.assign(new Error('aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }),
        )
      return (original as (...a: unknown[]) => unknown)(...args)
    }
    const autosave = startAutosave(db, e.source, {
      setTimer: (run) => e.timers.push(run),
      onError: (m) => messages.push(m),
    })
    e.edit('big')
    e.timers.pop()!()
    await autosave.flush()
    expect(messages).toEqual([
      'Autosave paused: the browser storage is full. Your document is safe in this window; save it to a file.',
    ])
    expect(e.doc.name).toBe('big')
    fail = false
    e.edit('bigger')
    e.timers.pop()!()
    await autosave.flush()
    expect((await findRecoverable(db))[0]?.name).toBe('bigger')
  })
})
