/**
 * Recent documents: what the user opened or changed lately, with when, for the toolbar's
 * Recent list. In the browser build no file handle survives a reload, so the record holds
 * the document itself; on the desktop the file on disk is the truth, and the record holds
 * its id in the bridge's Open Recent list, which reopens it.
 */
import { parseDocument, serializeDocument, type LoadError } from '../../shared/document/index.js'
import type { FileRef } from '../../shared/ipc/contract.js'
import type { EditorState, EditorStore } from '../app/store.js'
import type { FlowlaneDatabase, RecentDocumentRecord } from './database.js'

/** As many as the desktop's Open Recent (main/electron/recentFiles.ts). */
export const RECENT_DOCUMENTS_KEPT = 10
export const RECENT_WRITE_DELAY_MS = 1000

/** When the document was last opened or changed, whichever is later. */
export function lastUsed(record: RecentDocumentRecord): number {
  return Math.max(record.openedAt, record.changedAt)
}

/** Whether the last thing done with the document was a change (else it was opened). */
export function lastChanged(record: RecentDocumentRecord): boolean {
  return record.changedAt >= record.openedAt
}

/** Newest first. */
export async function listRecentDocuments(db: FlowlaneDatabase): Promise<RecentDocumentRecord[]> {
  return (await db.recentDocuments.toArray()).sort((a, b) => lastUsed(b) - lastUsed(a))
}

export type RecentUpdate = Omit<RecentDocumentRecord, 'openedAt' | 'changedAt'> & {
  /** Left out: kept from the stored record (for a new one: when it changed, else `now`; never changed: 0). */
  readonly openedAt?: number
  readonly changedAt?: number
}

/**
 * Writes one record, keeping its times where the update leaves them out, drops `replaces`
 * (the record an unsaved document had before it got a file name), and keeps the newest
 * RECENT_DOCUMENTS_KEPT. One transaction: all of it or nothing.
 */
export async function rememberDocument(
  db: FlowlaneDatabase,
  update: RecentUpdate,
  now: number,
  replaces?: string,
): Promise<void> {
  await db.transaction('rw', db.recentDocuments, async () => {
    const old =
      (await db.recentDocuments.get(update.key)) ?? (replaces ? await db.recentDocuments.get(replaces) : undefined)
    const openedAt = update.openedAt ?? old?.openedAt ?? update.changedAt ?? now
    await db.recentDocuments.put({ ...update, openedAt, changedAt: update.changedAt ?? old?.changedAt ?? 0 })
    if (replaces && replaces !== update.key) await db.recentDocuments.delete(replaces)
    const stale = (await listRecentDocuments(db)).slice(RECENT_DOCUMENTS_KEPT).map((r) => r.key)
    if (stale.length > 0) await db.recentDocuments.bulkDelete(stale)
  })
}

export async function forgetRecentDocuments(db: FlowlaneDatabase): Promise<void> {
  await db.recentDocuments.clear()
}

export interface RecentTracker {
  /** The next document `load` puts in the store is this record, reopened. */
  adopt(key: string): void
  /** Writes what the last second of changes has not written yet. */
  flush(): Promise<void>
  stop(): void
}

export interface RecentOptions {
  /** Desktop: files are reopened through the bridge; documents without a file are not listed. */
  readonly desktop: boolean
  /** Tells this window's unsaved documents apart from other sessions'. */
  readonly bootId: string
  readonly now?: () => number
  readonly setTimer?: (run: () => void, ms: number) => unknown
  readonly onError?: (error: unknown) => void
}

interface Tracked {
  key: string | null
  openedAt?: number
  changedAt?: number
  /** The key this document was listed under before it got a file name. */
  replaces?: string | undefined
}

/**
 * Keeps the open document's record up to date: on opening a file (or reopening a record),
 * and at most a second after it changes, is saved or gets a file name. A write that fails
 * (storage full) is reported and tried again with the next change: this is a convenience,
 * the autosave is what protects the work.
 */
export function startRecentDocuments(db: FlowlaneDatabase, store: EditorStore, options: RecentOptions): RecentTracker {
  const now = options.now ?? (() => Date.now())
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms))
  const keyOf = (s: EditorState): string | null => {
    if (options.desktop) return s.file?.recentId ? `file:${s.file.recentId}` : null
    return s.file ? `file:${s.file.name}` : `doc:${options.bootId}:${s.loads}`
  }
  let last = store.getState()
  let tracked: Tracked = { key: null }
  let adopted: string | null = null
  let pending = false
  let writing: Promise<void> = Promise.resolve()

  const write = (state: EditorState, entry: Tracked): Promise<void> => {
    pending = false
    if (entry.key === null) return writing
    const { doc, file, dirty } = state
    const update: RecentUpdate = {
      key: entry.key,
      name: doc.name,
      fileName: file?.name ?? null,
      ...(entry.openedAt === undefined ? {} : { openedAt: entry.openedAt }),
      ...(entry.changedAt === undefined ? {} : { changedAt: entry.changedAt }),
      ...(options.desktop
        ? file?.recentId
          ? { recentId: file.recentId }
          : {}
        : { json: serializeDocument(doc), unsaved: dirty }),
    }
    const replaces = entry.replaces
    entry.replaces = undefined
    writing = writing
      .then(() => rememberDocument(db, update, now(), replaces))
      .catch((error: unknown) => options.onError?.(error))
    return writing
  }

  const schedule = () => {
    if (pending || tracked.key === null) return
    pending = true
    const entry = tracked
    setTimer(() => {
      // A document opened since has its own record; this one was written on the switch.
      if (entry === tracked) void write(store.getState(), entry)
    }, RECENT_WRITE_DELAY_MS)
  }

  const unsubscribe = store.subscribe((state) => {
    const previous = last
    last = state
    if (state.loads !== previous.loads) {
      // The previous document's last changes are written before the record switches.
      if (pending) void write(previous, tracked)
      const reopened = adopted
      adopted = null
      tracked = { key: reopened ?? keyOf(state) }
      if (reopened !== null || state.file) {
        tracked.openedAt = now()
        void write(state, tracked)
      }
      return
    }
    if (state.doc === previous.doc && state.file === previous.file && state.dirty === previous.dirty) return
    if (tracked.key === null || state.file !== previous.file) {
      // Saved under a file name: the record of the unsaved document becomes the file's.
      const key = keyOf(state)
      if (key !== tracked.key && tracked.key?.startsWith('doc:')) tracked.replaces = tracked.key
      tracked.key = key
    }
    if (state.doc !== previous.doc) tracked.changedAt = now()
    schedule()
  })

  return {
    adopt(key) {
      adopted = key
    },
    flush: () => (pending ? write(store.getState(), tracked) : writing),
    stop: unsubscribe,
  }
}

/**
 * Reopens a record of the browser build: its stored document, under its file name (Save
 * downloads it under that name again), still unsaved if it was. Errors if it no longer loads.
 */
export function reopenStoredDocument(
  store: EditorStore,
  tracker: RecentTracker,
  record: RecentDocumentRecord,
): { ok: true } | { ok: false; errors: readonly LoadError[] } {
  if (record.json === undefined) return { ok: false, errors: [] }
  const result = parseDocument(record.json, record.fileName ?? record.name)
  if (!result.ok) return { ok: false, errors: result.errors }
  const file: FileRef | null = record.fileName ? { token: `recent:${record.key}`, name: record.fileName } : null
  tracker.adopt(record.key)
  store.getState().load(result.value, file, { dirty: record.unsaved ?? false })
  return { ok: true }
}
