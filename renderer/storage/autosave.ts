/**
 * Autosave: every open document is written to IndexedDB at most one second after its first
 * unsaved change, however fast edits keep coming, each snapshot in one strict transaction,
 * a bounded ring per document. A write that fails (quota, a wrapped QuotaExceededError)
 * is reported and retried on the next change; the document in memory is never dropped.
 */
import { serializeDocument, type FlowDocument } from '../../shared/document/index.js'
import type { FlowlaneDatabase, SessionRecord } from './database.js'
import { t } from '../i18n/index.js'

/** quality.md: at most 10 autosave snapshots kept per document. */
export const SNAPSHOTS_KEPT = 10
export const AUTOSAVE_DELAY_MS = 1000

export interface AutosaveSource {
  /** The document, whether it has unsaved changes, and which opened document it is. */
  current(): { doc: FlowDocument; dirty: boolean; key: string; fileName: string | null }
  subscribe(listener: () => void): () => void
}

export interface AutosaveOptions {
  readonly now?: () => number
  readonly onError?: (message: string) => void
  readonly onSaved?: (at: number) => void
  readonly setTimer?: (run: () => void, ms: number) => unknown
}

export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError'
}

export async function writeSnapshot(db: FlowlaneDatabase, session: SessionRecord, json: string): Promise<void> {
  await db.transaction('rw', db.sessions, db.snapshots, async () => {
    await db.sessions.put(session)
    await db.snapshots.add({ key: session.key, savedAt: session.updatedAt, json })
    const ids = await db.snapshots
      .where('[key+savedAt]')
      .between([session.key, -Infinity], [session.key, Infinity])
      .primaryKeys()
    if (ids.length > SNAPSHOTS_KEPT) await db.snapshots.bulkDelete(ids.slice(0, ids.length - SNAPSHOTS_KEPT))
  })
}

export function startAutosave(
  db: FlowlaneDatabase,
  source: AutosaveSource,
  options: AutosaveOptions = {},
): { flush(): Promise<void>; stop(): void } {
  const now = options.now ?? (() => Date.now())
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms))
  let pending = false
  let lastDoc: FlowDocument | null = null
  let lastDirty = false
  let writing: Promise<void> = Promise.resolve()

  const save = (): Promise<void> => {
    pending = false
    const { doc, dirty, key, fileName } = source.current()
    const session: SessionRecord = { key, name: doc.name, fileName, updatedAt: now(), unsaved: dirty }
    writing = writing
      .then(() =>
        dirty ? writeSnapshot(db, session, serializeDocument(doc)) : db.sessions.put(session).then(() => undefined),
      )
      .then(() => options.onSaved?.(session.updatedAt))
      .catch((error: unknown) => {
        options.onError?.(
          isQuotaError(error)
            ? t('autosave.full')
            : t('autosave.failed', { reason: (error as Error).message ?? String(error) }),
        )
      })
    return writing
  }

  const unsubscribe = source.subscribe(() => {
    const { doc, dirty } = source.current()
    if (doc === lastDoc && dirty === lastDirty) return
    const becameClean = lastDirty && !dirty
    lastDoc = doc
    lastDirty = dirty
    if (becameClean) {
      // Saved to a file: nothing left to recover for this document.
      void save()
      return
    }
    if (!dirty || pending) return
    pending = true
    setTimer(() => void save(), AUTOSAVE_DELAY_MS)
  })

  return {
    flush: () => (pending ? save() : writing),
    stop: unsubscribe,
  }
}

/** Documents with changes no file holds, newest first: what a restart offers to recover. */
export async function findRecoverable(
  db: FlowlaneDatabase,
  exceptKey?: string,
): Promise<(SessionRecord & { json: string })[]> {
  const sessions = (await db.sessions.toArray())
    .filter((s) => s.unsaved && s.key !== exceptKey)
    .sort((a, b) => b.updatedAt - a.updatedAt)
  const out: (SessionRecord & { json: string })[] = []
  for (const session of sessions) {
    const latest = await db.snapshots
      .where('[key+savedAt]')
      .between([session.key, -Infinity], [session.key, Infinity])
      .last()
    if (latest) out.push({ ...session, json: latest.json })
  }
  return out
}

export async function discardSession(db: FlowlaneDatabase, key: string): Promise<void> {
  await db.transaction('rw', db.sessions, db.snapshots, async () => {
    await db.sessions.delete(key)
    await db.snapshots.where('key').equals(key).delete()
  })
}
