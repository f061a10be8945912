/**
 * Upgrades of older files, applied in memory on load; the file on disk stays as it was
 * until the user saves. Named and only ever appended, never edited (tldraw): a user's
 * file from years ago must still open.
 */
import { produce, type Draft } from 'immer'

export type RawDocument = { version: number; [key: string]: unknown }

export interface Migration {
  /** The version this migration produces; it runs on documents of `version - 1`. */
  readonly version: number
  readonly name: string
  readonly up: (draft: Draft<RawDocument>) => void
}

export const migrations: readonly Migration[] = [
  // Version 1 is the first released format. Example of the shape of a future entry:
  // { version: 2, name: 'SplitResourcesFromOwner', up: (draft) => { … } },
]

/** Runs every migration above the document's version, in order. Throws only on a broken list. */
export function migrate(raw: RawDocument, list: readonly Migration[] = migrations): RawDocument {
  let doc = raw
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (migration.version <= doc.version) continue
    if (migration.version !== doc.version + 1) {
      throw new Error(`no migration from version ${doc.version} to ${migration.version - 1}`)
    }
    doc = produce(doc, (draft) => {
      migration.up(draft)
      draft.version = migration.version
    })
  }
  return doc
}
