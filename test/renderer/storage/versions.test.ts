import Dexie from 'dexie'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { parseDocument, serializeDocument } from '../../../shared/document/index.js'
import { openDatabase } from '../../../renderer/storage/database.js'
import { deleteVersion, listSnapshots, listVersions, saveVersion } from '../../../renderer/storage/versions.js'
import { writeSnapshot } from '../../../renderer/storage/autosave.js'
import { validFlow } from '../../support/flows.js'

let counter = 0
const freshName = () => `versions-${++counter}`
const freshDb = () => openDatabase(freshName(), indexedDB, IDBKeyRange)

describe('the database schema', () => {
  it('upgrades version 1 to 2 keeping every session and snapshot, and adds versions and recent documents', async () => {
    // given: a database as the first release wrote it
    const name = freshName()
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange })
    v1.version(1).stores({ sessions: '&key, updatedAt, unsaved', snapshots: '++id, key, [key+savedAt]' })
    await v1.table('sessions').put({ key: 'k', name: 'Old', fileName: null, updatedAt: 5, unsaved: true })
    await v1.table('snapshots').add({ key: 'k', savedAt: 5, json: '{"old":true}' })
    v1.close()
    // when
    const db = openDatabase(name, indexedDB, IDBKeyRange)
    await db.open()
    // then
    expect(db.verno).toBe(2)
    expect(await db.sessions.toArray()).toEqual([
      { key: 'k', name: 'Old', fileName: null, updatedAt: 5, unsaved: true },
    ])
    expect(await db.snapshots.toArray()).toEqual([{ id: 1, key: 'k', savedAt: 5, json: '{"old":true}' }])
    expect(await db.versions.count()).toBe(0)
    expect(await db.recentDocuments.count()).toBe(0)
    db.close()
  })
})

describe('named versions', () => {
  it('are kept per document, newest first, exactly as serialized', async () => {
    const db = freshDb()
    const doc = validFlow()
    await saveVersion(db, doc, 'First draft', 1000)
    await saveVersion(db, { ...doc, name: 'Later' }, 'After review', 2000)
    await saveVersion(db, { ...doc, id: 'other' }, 'Another process', 3000)
    const versions = await listVersions(db, doc.id)
    expect(versions.map((v) => [v.name, v.savedAt])).toEqual([
      ['After review', 2000],
      ['First draft', 1000],
    ])
    const back = parseDocument(versions[1]!.json, 'v')
    expect(back.ok && back.value).toEqual(doc)
    expect(versions[1]!.json).toBe(serializeDocument(doc))
  })

  it('fall back to the document’s name when given none, and can be deleted', async () => {
    const db = freshDb()
    const saved = await saveVersion(db, validFlow(), '   ', 1)
    expect(saved.name).toBe('Valid flow')
    await deleteVersion(db, saved.id)
    expect(await listVersions(db, 'valid')).toEqual([])
  })

  it('list the autosave snapshots of one opened document, newest first', async () => {
    const db = freshDb()
    for (const at of [1, 2, 3])
      await writeSnapshot(db, { key: 'a', name: 'n', fileName: null, updatedAt: at, unsaved: true }, `{"at":${at}}`)
    await writeSnapshot(db, { key: 'b', name: 'n', fileName: null, updatedAt: 9, unsaved: true }, '{}')
    expect((await listSnapshots(db, 'a')).map((s) => s.savedAt)).toEqual([3, 2, 1])
  })
})
