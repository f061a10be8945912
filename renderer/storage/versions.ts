/**
 * Named versions: the user saves the document under a name, to compare with and go back to
 * later (History panel). Kept per document id in IndexedDB, each in one strict transaction,
 * until the user deletes them. The autosave ring (autosave.ts) is listed beside them.
 */
import { serializeDocument, type FlowDocument } from '../../shared/document/index.js'
import type { FlowlaneDatabase, SnapshotRecord, VersionRecord } from './database.js'

export type StoredVersion = VersionRecord & { readonly id: number }

export async function saveVersion(
  db: FlowlaneDatabase,
  doc: FlowDocument,
  name: string,
  now: number = Date.now(),
): Promise<StoredVersion> {
  const record = { docId: doc.id, name: name.trim() || doc.name, savedAt: now, json: serializeDocument(doc) }
  const id = await db.versions.add(record)
  return { ...record, id: id! }
}

/** The document's named versions, newest first. */
export async function listVersions(db: FlowlaneDatabase, docId: string): Promise<StoredVersion[]> {
  const versions = await db.versions
    .where('[docId+savedAt]')
    .between([docId, -Infinity], [docId, Infinity])
    .reverse()
    .toArray()
  return versions as StoredVersion[]
}

export async function deleteVersion(db: FlowlaneDatabase, id: number): Promise<void> {
  await db.versions.delete(id)
}

/** The autosave snapshots of one opened document (`SessionRecord.key`), newest first. */
export async function listSnapshots(db: FlowlaneDatabase, key: string): Promise<SnapshotRecord[]> {
  return db.snapshots.where('[key+savedAt]').between([key, -Infinity], [key, Infinity]).reverse().toArray()
}
