/**
 * The app's IndexedDB through Dexie: autosave snapshots of open documents and named versions.
 * Schema changes are new `version(n)` blocks, never edits of old ones (Dexie migrations).
 */
import Dexie, { type EntityTable } from 'dexie'

/** One open document as autosave knows it. */
export interface SessionRecord {
  /** Identifies one opened document within this browser profile. */
  readonly key: string
  readonly name: string
  readonly fileName: string | null
  readonly updatedAt: number
  /** True while the latest snapshot holds changes not saved to a file. */
  readonly unsaved: boolean
}

export interface SnapshotRecord {
  readonly id?: number
  readonly key: string
  readonly savedAt: number
  /** The document as `serializeDocument` writes it. */
  readonly json: string
}

export type FlowlaneDatabase = Dexie & {
  sessions: EntityTable<SessionRecord, 'key'>
  snapshots: EntityTable<SnapshotRecord, 'id'>
}

export function openDatabase(
  name = 'flowlane',
  indexedDB?: IDBFactory,
  keyRange?: typeof IDBKeyRange,
): FlowlaneDatabase {
  const db = new Dexie(name, {
    // Chrome's default "relaxed" durability can lose the last commits on power loss (quality.md).
    chromeTransactionDurability: 'strict',
    ...(indexedDB && keyRange ? { indexedDB, IDBKeyRange: keyRange } : {}),
  }) as FlowlaneDatabase
  db.version(1).stores({
    sessions: '&key, updatedAt, unsaved',
    snapshots: '++id, key, [key+savedAt]',
  })
  return db
}
