import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { serializeDocument } from '../../../shared/document/index.js'
import { createEditorStore } from '../../../renderer/app/store.js'
import { openDatabase } from '../../../renderer/storage/database.js'
import {
  lastChanged,
  listRecentDocuments,
  RECENT_DOCUMENTS_KEPT,
  rememberDocument,
  reopenStoredDocument,
  startRecentDocuments,
} from '../../../renderer/storage/recentDocuments.js'
import { validFlow } from '../../support/flows.js'

let counter = 0
const freshDb = () => openDatabase(`recent-${++counter}`, indexedDB, IDBKeyRange)

/** An editor store with a recent-documents tracker, a manual timer and a manual clock. */
function setup(desktop = false) {
  const db = freshDb()
  const store = createEditorStore(validFlow())
  const timers: (() => void)[] = []
  let clock = 1000
  const tracker = startRecentDocuments(db, store, {
    desktop,
    bootId: 'boot',
    now: () => clock,
    setTimer: (run) => timers.push(run),
  })
  return {
    db,
    store,
    tracker,
    tick: (ms = 1000) => (clock += ms),
    fire: async () => {
      while (timers.length) timers.shift()!()
      await tracker.flush()
    },
  }
}

describe('recent documents', () => {
  it('lists the open document once it is changed, with the document itself (browser)', async () => {
    const { db, store, fire } = setup()
    store.getState().apply('Rename', (d) => void (d.name = 'Edited pipeline'))
    await fire()
    const [record] = await listRecentDocuments(db)
    expect(record).toMatchObject({ key: 'doc:boot:0', name: 'Edited pipeline', fileName: null, unsaved: true })
    expect(record!.json).toBe(serializeDocument(store.getState().doc))
  })

  it('lists a file when it is opened, and the unsaved document under its file name once saved', async () => {
    const { db, store, fire, tick, tracker } = setup()
    store.getState().apply('Rename', (d) => void (d.name = 'Draft'))
    await fire()
    tick()
    store.getState().markSaved({ token: 'browser:1', name: 'draft.flow.json' })
    await fire()
    expect((await listRecentDocuments(db)).map((r) => [r.key, r.unsaved])).toEqual([['file:draft.flow.json', false]])
    tick()
    store.getState().load({ ...validFlow(), name: 'Opened' }, { token: 'browser:2', name: 'opened.flow.json' })
    await tracker.flush()
    const list = await listRecentDocuments(db)
    expect(list.map((r) => r.key)).toEqual(['file:opened.flow.json', 'file:draft.flow.json'])
    expect(list[0]).toMatchObject({ name: 'Opened', openedAt: 3000, changedAt: 0, unsaved: false })
    expect(lastChanged(list[0]!)).toBe(false)
    expect(list[1]).toMatchObject({ openedAt: 1000, changedAt: 1000 })
    expect(lastChanged(list[1]!)).toBe(true)
  })

  it('writes the last changes of a document before another replaces it', async () => {
    const { db, store, tracker } = setup()
    store.getState().apply('Rename', (d) => void (d.name = 'Before switching'))
    store.getState().load(validFlow(), { token: 'browser:1', name: 'next.flow.json' })
    await tracker.flush()
    expect((await listRecentDocuments(db)).map((r) => r.name).sort()).toEqual(['Before switching', 'Valid flow'])
  })

  it(`keeps the ${RECENT_DOCUMENTS_KEPT} used last`, async () => {
    const db = freshDb()
    for (let i = 0; i < RECENT_DOCUMENTS_KEPT + 3; i++)
      await rememberDocument(db, { key: `doc:${i}`, name: `Doc ${i}`, fileName: null }, i)
    const list = await listRecentDocuments(db)
    expect(list).toHaveLength(RECENT_DOCUMENTS_KEPT)
    expect(list[0]!.name).toBe(`Doc ${RECENT_DOCUMENTS_KEPT + 2}`)
  })

  it('reopens a stored document under its file name, as unsaved as it was, and goes on updating its record', async () => {
    const { db, store, fire, tick, tracker } = setup()
    store.getState().apply('Rename', (d) => void (d.name = 'Kept'))
    store.getState().markSaved({ token: 'browser:1', name: 'kept.flow.json' })
    store.getState().apply('Rename', (d) => void (d.name = 'Kept, edited'))
    await fire()
    const kept = store.getState().doc
    store.getState().load(validFlow())
    await fire()
    // when
    tick()
    const [record] = (await listRecentDocuments(db)).filter((r) => r.key === 'file:kept.flow.json')
    expect(reopenStoredDocument(store, tracker, record!)).toEqual({ ok: true })
    // then
    expect(store.getState().doc).toEqual(kept)
    expect(store.getState().file?.name).toBe('kept.flow.json')
    expect(store.getState().dirty).toBe(true)
    store.getState().apply('Rename', (d) => void (d.name = 'Kept, reopened'))
    await fire()
    const list = await listRecentDocuments(db)
    expect(list.filter((r) => r.name.startsWith('Kept')).map((r) => r.name)).toEqual(['Kept, reopened'])
  })

  it('on the desktop lists files by their Open Recent id, without their content, and nothing unsaved', async () => {
    const { db, store, fire } = setup(true)
    store.getState().apply('Rename', (d) => void (d.name = 'Never saved'))
    await fire()
    expect(await listRecentDocuments(db)).toEqual([])
    store.getState().load(validFlow(), { token: 't', name: 'sales.flow.json', recentId: 'abc' })
    await fire()
    const [record] = await listRecentDocuments(db)
    expect(record).toMatchObject({ key: 'file:abc', recentId: 'abc', fileName: 'sales.flow.json' })
    expect(record!.json).toBeUndefined()
  })

  it('reports a write that fails and goes on with the next change', async () => {
    const db = freshDb()
    const store = createEditorStore(validFlow())
    const errors: unknown[] = []
    const timers: (() => void)[] = []
    const put = db.recentDocuments.put.bind(db.recentDocuments)
    let fail = true
    ;(db.recentDocuments as unknown as { put: unknown }).put = (...args: Parameters<typeof put>) =>
      fail ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : put(...args)
    const tracker = startRecentDocuments(db, store, {
      desktop: false,
      bootId: 'b',
      setTimer: (run) => timers.push(run),
      onError: (e) => errors.push(e),
    })
    store.getState().apply('Rename', (d) => void (d.name = 'one'))
    timers.shift()!()
    await tracker.flush()
    expect((errors[0] as Error).name).toBe('QuotaExceededError')
    fail = false
    store.getState().apply('Rename', (d) => void (d.name = 'two'))
    timers.shift()!()
    await tracker.flush()
    expect((await listRecentDocuments(db)).map((r) => r.name)).toEqual(['two'])
  })
})
