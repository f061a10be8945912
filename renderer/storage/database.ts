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

/** A version of a document the user saved under a name (History panel). */
export interface VersionRecord {
  readonly id?: number
  /** The document's own `id`: versions follow the process across files and sessions. */
  readonly docId: string
  readonly name: string
  readonly savedAt: number
  /** The document as `serializeDocument` writes it. */
  readonly json: string
}

/** A document the user opened or changed lately (the toolbar's Recent list). */
export interface RecentDocumentRecord {
  /** Desktop: `file:<recentId>`. Browser: `file:<file name>`, or `doc:<session>:<n>` for a document not saved yet. */
  readonly key: string
  readonly name: string
  readonly fileName: string | null
  /** When it was last opened (for a document made here: when it was first changed). */
  readonly openedAt: number
  /** When it was last changed here; 0 if never. */
  readonly changedAt: number
  /** Desktop: the file's id in the bridge's Open Recent list, which reopens it from disk. */
  readonly recentId?: string
  /** Browser build: the document itself (no file handle survives a reload). */
  readonly json?: string
  /** The stored document has changes no file holds. */
  readonly unsaved?: boolean
}

export type FlowlaneDatabase = Dexie & {
  sessions: EntityTable<SessionRecord, 'key'>
  snapshots: EntityTable<SnapshotRecord, 'id'>
  versions: EntityTable<VersionRecord, 'id'>
  recentDocuments: EntityTable<RecentDocumentRecord, 'key'>
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
  // Named versions and recent documents; version 1's tables and data are kept as they are.
  db.version(2).stores({
    versions: '++id, docId, [docId+savedAt]',
    recentDocuments: '&key, openedAt, changedAt',
  })
  return db
}
